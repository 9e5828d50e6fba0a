#include "stepexport.h"

#include "runtime/cgrouplimits.h"
#include "runtime/step.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMap>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

QString str(const QJsonObject &o, const char16_t *key)
{
    return o.value(QString::fromUtf16(key)).toString();
}

qint64 num(const QJsonObject &o, const char16_t *key)
{
    return o.value(QString::fromUtf16(key)).toInteger();
}

// Shell quoting for the script: sq() for a literal word, dq() for a word that
// keeps a $VARIABLE expandable.
QString sq(const QString &word)
{
    return QString::fromStdString(shellQuote(word.toStdString()));
}

QString dqEscape(const QString &s)
{
    QString out;
    for (QChar c : s) {
        if (c == u'"' || c == u'\\' || c == u'$' || c == u'`')
            out += u'\\';
        out += c;
    }
    return out;
}

QString oneLine(QString s)
{
    s.replace(u'\n', u' ').replace(u'\r', u' ');
    return s;
}

QString utcText(qint64 ns)
{
    if (ns <= 0)
        return u"?"_s;
    return QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC)
        .toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

struct Write
{
    QString file;
    QString value;
};

// The engine's op text for file writes: write("FILE", "VALUE") (cgroupdriver.cpp).
QList<Write> parseWrites(const QString &op)
{
    static const QRegularExpression re(uR"re(write\("([^"]*)", "([^"]*)"\))re"_s);
    QList<Write> out;
    for (auto it = re.globalMatch(op); it.hasNext();) {
        auto m = it.next();
        out << Write{m.captured(1), m.captured(2)};
    }
    return out;
}

QString firstQuoted(const QString &op, const QString &after)
{
    qsizetype at = op.indexOf(after);
    if (at < 0)
        return {};
    at = op.indexOf(u'"', at + after.size());
    if (at < 0)
        return {};
    qsizetype end = op.indexOf(u'"', at + 1);
    return end < 0 ? QString() : op.mid(at + 1, end - at - 1);
}

// Files and directories under /proc and /sys the engine hides (runtime/containerinit.cpp,
// kDefaultMasked): the op text only names a few of them.
const char16_t *const kMaskedPaths[] = {
    u"/proc/asound",
    u"/proc/acpi",
    u"/proc/kcore",
    u"/proc/keys",
    u"/proc/latency_stats",
    u"/proc/timer_list",
    u"/proc/timer_stats",
    u"/proc/sched_debug",
    u"/proc/scsi",
    u"/sys/firmware",
    u"/sys/devices/virtual/powercap",
};

bool isFailedState(const QString &state)
{
    return state == u"failed"_s;
}

QString limitsText(const QJsonObject &host)
{
    QStringList parts;
    const qint64 memory = num(host, u"Memory");
    const qint64 swap = num(host, u"MemorySwap");
    const qint64 cpus = num(host, u"NanoCpus");
    const qint64 pids = num(host, u"PidsLimit");
    if (memory > 0) {
        parts << u"memory "_s + QString::fromStdString(formatBytes(memory));
        if (swap == -1)
            parts << u"memory + swap unlimited"_s;
        else if (swap > 0)
            parts << u"memory + swap "_s + QString::fromStdString(formatBytes(swap));
        else
            parts << u"memory + swap "_s + QString::fromStdString(formatBytes(2 * memory)) +
                         u" (Docker's default: twice the memory)"_s;
    }
    if (cpus > 0)
        parts << QString::fromStdString(formatCpus(cpus)) + u" CPU"_s;
    if (pids > 0)
        parts << u"at most "_s + QString::number(pids) + u" processes"_s;
    else if (pids == -1)
        parts << u"processes unlimited"_s;
    return parts.isEmpty() ? u"none"_s : parts.join(u", "_s);
}

QString cgroupModeText(const QString &mode)
{
    if (mode == u"hybrid"_s)
        return u"hybrid (cgroup v1 controllers, plus systemd's cgroup2 at "
               u"/sys/fs/cgroup/unified for tracking)"_s;
    if (mode == u"legacy"_s)
        return u"legacy (cgroup v1 only)"_s;
    if (mode == u"unified"_s)
        return u"unified (cgroup v2 only)"_s;
    return mode.isEmpty() ? u"unknown"_s : mode;
}

QString commandText(const QJsonObject &doc)
{
    QStringList words{str(doc, u"Path")};
    for (const QJsonValue &v : doc.value(u"Args"_s).toArray())
        words << v.toString();
    QStringList quoted;
    for (const QString &w : std::as_const(words))
        quoted << sq(w);
    return quoted.join(u' ');
}

// The script generator: one instance per export, fed the steps of one start.
class ScriptWriter
{
public:
    ScriptWriter(const QJsonObject &doc, const StepAction &start)
        : m_doc(doc)
        , m_start(start)
    {
        m_id = str(doc, u"Id");
        m_name = str(doc, u"Name");
        const QJsonObject overlay = doc.value(u"Mounts"_s).toArray().first().toObject();
        m_rootfs = str(overlay, u"MountPoint");
        for (const QJsonValue &v : overlay.value(u"LowerDir"_s).toArray())
            m_layers << v.toString();
        const QJsonObject config = doc.value(u"Config"_s).toObject();
        m_hostname = str(config, u"Hostname");
        m_workdir = str(config, u"WorkingDir");
        if (m_workdir.isEmpty())
            m_workdir = u"/"_s;
        for (const QJsonValue &v : config.value(u"Env"_s).toArray())
            m_env << v.toString();
        m_networkMode = str(doc.value(u"HostConfig"_s).toObject(), u"NetworkMode");
    }

    QByteArray write();

private:
    // --- how recorded paths become the script's own
    QString cgExpr(const QString &path) const
    {
        const QString own = u"/koker/"_s + m_id;
        qsizetype at = path.indexOf(own);
        if (at < 0)
            return u'"' + dqEscape(path) + u'"';
        return u'"' + dqEscape(path.left(at + 1)) + u"${CG_NAME}"_s +
               dqEscape(path.mid(at + own.size())) + u'"';
    }
    bool isContainerCgroup(const QString &path) const { return path.contains(u"/koker/"_s + m_id); }
    QString rootfsExpr(const QString &pathInside) const
    {
        return u"\"$ROOTFS\""_s + (pathInside == u"/"_s ? QString() : sq(pathInside));
    }
    // The recorded shell command with the container's rootfs replaced by "$ROOTFS".
    QString rebased(const QString &shell) const
    {
        if (m_rootfs.isEmpty())
            return shell;
        QString out = shell;
        out.replace(m_rootfs, u"\"$ROOTFS\""_s);
        return out;
    }

    // --- output
    void header(QStringList &out, const QJsonObject &s, const QString &indent,
                const QString &note = {}) const
    {
        const QString seq = QString::number(num(s, u"seq"));
        QString rule =
            u"── step "_s + seq + u" · "_s + str(s, u"phase") + u" · "_s + str(s, u"side") + u' ';
        while (rule.size() < 78 - indent.size())
            rule += u'─';
        out << QString();
        out << indent + u"# "_s + rule;
        out << indent + u"# "_s + oneLine(str(s, u"title"));
        out << indent + u"#   op:   "_s + oneLine(str(s, u"op"));
        QString took = formatStepDuration(num(s, u"duration")) + u" ("_s + str(s, u"state");
        if (!str(s, u"message").isEmpty())
            took += u": "_s + oneLine(str(s, u"message"));
        out << indent + u"#   took: "_s + took + u')';
        if (!note.isEmpty()) {
            for (const QString &line : note.split(u'\n'))
                out << indent + u"# "_s + line;
        }
    }
    void say(QStringList &out, const QJsonObject &s, const QString &indent) const
    {
        out << indent + u"say "_s +
                   sq(u"["_s + QString::number(num(s, u"seq")) + u"] "_s + str(s, u"title"));
    }
    void notByHand(QStringList &out, const QJsonObject &s, const QString &indent,
                   const QString &why) const
    {
        for (const QString &line : why.split(u'\n'))
            out << indent + u"# "_s + line;
        if (!str(s, u"shell").isEmpty())
            out << indent + u"#   Koker's equivalent: $ "_s + oneLine(str(s, u"shell"));
    }

    void hostStep(QStringList &out, const QJsonObject &s);
    void containerStep(QStringList &out, const QJsonObject &s);
    QString unshareFlags() const;

    const QJsonObject &m_doc;
    const StepAction &m_start;
    QString m_id, m_name, m_rootfs, m_hostname, m_workdir, m_networkMode;
    QStringList m_layers, m_env;
    QSet<QString> m_parents; // cgroup parents already ensured
    QString m_cloneOp;       // the ns.clone op (its CLONE_* flags)
    QString m_intoSteps;     // "42-43": the steps that enter the namespaces, for comments
    bool m_cgroupns = false; // a ns.cgroup step was recorded
    bool m_exec = false;     // the command was started (the exec block is written)
    bool m_netExplained = false;
};

void ScriptWriter::hostStep(QStringList &out, const QJsonObject &s)
{
    const QString key = str(s, u"key");
    const QString op = str(s, u"op");
    const QString in;
    if (key == u"storage.dirs"_s) {
        header(out, s, in,
               u"Koker used the container's own upper/ and work/; this script uses a fresh "
               u"writable\nlayer, so the container starts from the image as it was."_s);
        say(out, s, in);
        out << u"mkdir -p \"$TMP/upper\" \"$TMP/work\" \"$ROOTFS\""_s;
    } else if (key == u"storage.etc"_s) {
        header(out, s, in,
               u"The files are bind-mounted over the image's /etc/hostname, /etc/hosts and\n"
               u"/etc/resolv.conf later (the \"Provide /etc/...\" steps)."_s);
        say(out, s, in);
        out << u"mkdir -p \"$TMP/etc\""_s;
        out << u"echo "_s + sq(m_hostname) + u" > \"$TMP/etc/hostname\""_s;
        out << u"printf '127.0.0.1\\tlocalhost\\n::1\\tlocalhost ip6-localhost ip6-loopback\\n"
               u"127.0.1.1\\t%s\\n' "_s +
                   sq(m_hostname) + u" > \"$TMP/etc/hosts\""_s;
        out << u"cat /etc/resolv.conf > \"$TMP/etc/resolv.conf\" 2>/dev/null || : > "
               u"\"$TMP/etc/resolv.conf\""_s;
    } else if (key == u"cgroup.mkdir"_s) {
        const QString path = firstQuoted(op, u"mkdir("_s);
        if (path.isEmpty()) {
            header(out, s, in);
            notByHand(out, s, in, u"(the directory could not be read from the op text)"_s);
            return;
        }
        if (!isContainerCgroup(path)) {
            header(out, s, in,
                   u"The koker/ group holds every container's cgroup; made only when missing."_s);
            say(out, s, in);
            out << u"cg_parent "_s + u'"' + dqEscape(path) + u'"';
            m_parents.insert(path);
            return;
        }
        header(out, s, in);
        say(out, s, in);
        const QString parent = path.left(path.lastIndexOf(u'/'));
        if (!m_parents.contains(parent)) {
            out << u"cg_parent "_s + u'"' + dqEscape(parent) + u'"';
            m_parents.insert(parent);
        }
        out << u"cg_mkdir "_s + cgExpr(path);
    } else if (key == u"cgroup.subtree_control"_s) {
        header(out, s, in,
               u"cgroup v2 hands a controller to a child only when its parent lists it here."_s);
        say(out, s, in);
        for (const Write &w : parseWrites(op)) {
            const QString dir = w.file.left(w.file.lastIndexOf(u'/'));
            if (dir.endsWith(u"/koker"_s) && !m_parents.contains(dir)) {
                out << u"cg_parent "_s + u'"' + dqEscape(dir) + u'"';
                m_parents.insert(dir);
            }
            out << u"echo "_s + sq(w.value) + u" > "_s + cgExpr(w.file);
        }
    } else if (key == u"cgroup.cpuset"_s) {
        header(out, s, in,
               u"A v1 cpuset cgroup starts with no CPU and no memory node: no process could "
               u"join it.\nThe parent gets the root's values first when it has none."_s);
        say(out, s, in);
        bool inherited = false;
        for (const Write &w : parseWrites(op)) {
            if (!isContainerCgroup(w.file))
                continue; // the parent's own writes: cg_inherit_cpuset does them when needed
            if (!inherited) {
                const QString dir = w.file.left(w.file.lastIndexOf(u'/'));
                out << u"cg_inherit_cpuset "_s + cgExpr(dir);
                inherited = true;
            }
            out << u"cg_write "_s + cgExpr(w.file) + u' ' + sq(w.value);
        }
    } else if (key.startsWith(u"cgroup.limit."_s)) {
        if (op.startsWith(u"(nothing written"_s)) {
            header(out, s, in);
            notByHand(out, s, in,
                      u"Koker skipped this one on this host, and so does the script."_s);
            return;
        }
        const bool optional = key == u"cgroup.limit.memsw"_s || key == u"cgroup.limit.swap"_s;
        header(out, s, in,
               optional ? u"Only when the kernel does swap accounting (the file exists)."_s
                        : QString());
        say(out, s, in);
        for (const Write &w : parseWrites(op))
            out << (optional ? u"cg_write_optional "_s : u"cg_write "_s) + cgExpr(w.file) + u' ' +
                       sq(w.value);
    } else if (key == u"cgroup.devices.deny"_s) {
        header(out, s, in);
        say(out, s, in);
        for (const Write &w : parseWrites(op))
            out << u"cg_write "_s + cgExpr(w.file) + u' ' + sq(w.value);
    } else if (key == u"cgroup.devices.allow"_s) {
        header(out, s, in);
        say(out, s, in);
        const QString file = firstQuoted(op, u"write("_s);
        const QString marker = u"for each of: "_s;
        const qsizetype at = op.indexOf(marker);
        QStringList rules;
        if (at >= 0)
            rules = op.mid(at + marker.size()).split(u"; "_s, Qt::SkipEmptyParts);
        QStringList quoted;
        for (const QString &r : std::as_const(rules))
            quoted << sq(r.trimmed());
        if (file.isEmpty() || quoted.isEmpty()) {
            notByHand(out, s, in, u"(the rules could not be read from the op text)"_s);
            return;
        }
        out << u"for rule in "_s + quoted.join(u' ') + u"; do"_s;
        out << u"    echo \"$rule\" > "_s + cgExpr(file);
        out << u"done"_s;
    } else if (key.startsWith(u"net."_s)) {
        header(out, s, in);
        notByHand(out, s, in,
                  m_netExplained
                      ? u"Not done by hand (loopback only)."_s
                      : u"Not done by hand: this script's container keeps only its loopback "
                        u"interface\n(no bridge, veth, address, route or NAT rule to clean "
                        u"up afterwards)."_s);
        m_netExplained = true;
    } else if (key == u"process.monitor"_s) {
        header(out, s, in,
               u"The monitor's work (be the container's parent, wait for it, record how it "
               u"ended,\nclean up) is this script's: it waits below and its EXIT trap cleans "
               u"up."_s);
    } else if (key == u"ns.clone"_s) {
        m_cloneOp = op;
        header(out, s, in,
               u"By hand: unshare(1) makes the namespaces and forks; with --pid the forked "
               u"child is\npid 1 of the new PID namespace. The command follows the next "
               u"block."_s);
    } else if (key == u"cgroup.join"_s) {
        header(out, s, in,
               u"By hand: a subshell writes its own pid into every cgroup.procs and then "
               u"execs\nunshare, so the container's first process is born inside the "
               u"cgroups,\nbefore it runs a single instruction of its own."_s);
    } else {
        header(out, s, in);
        notByHand(out, s, in, u"(no by-hand equivalent in this script)"_s);
    }
}

void ScriptWriter::containerStep(QStringList &out, const QJsonObject &s)
{
    const QString key = str(s, u"key");
    const QString op = str(s, u"op");
    const QString shell = str(s, u"shell");
    const QString in = u"    "_s;
    if (key == u"process.stdio"_s || key == u"process.console"_s) {
        header(out, s, in);
        out << in + u"# Nothing to type: the container inherits this script's terminal "
                    u"(stdin, stdout, stderr)."_s;
    } else if (key == u"ns.net.join"_s) {
        header(out, s, in);
        out << in + u"# Koker joined the namespace its network steps had prepared (veth eth0, "
                    u"an address,"_s;
        out << in + u"# a default route). This container got a fresh one from unshare --net: "
                    u"only lo."_s;
        say(out, s, in);
        out << in + u"ip link set lo up"_s;
    } else if (key == u"net.lo.up"_s) {
        header(out, s, in);
        say(out, s, in);
        out << in + u"ip link set lo up"_s;
    } else if (key == u"mount.private"_s) {
        header(out, s, in);
        say(out, s, in);
        out << in + u"mount --make-rprivate /"_s;
    } else if (key == u"mount.overlay"_s) {
        header(out, s, in,
               u"lowerdir: the image's layers (top first, read-only, shared by every "
               u"container of the\nimage); upperdir: where writes go; workdir: overlayfs' "
               u"scratch space."_s);
        say(out, s, in);
        out << in + u"mount -t overlay overlay -o "
                    u"\"lowerdir=$LOWERDIR,upperdir=$TMP/upper,workdir=$TMP/work\" \"$ROOTFS\""_s;
    } else if (key == u"mount.proc"_s || key == u"mount.sys"_s || key == u"mount.dev"_s ||
               key == u"mount.devpts"_s || key == u"mount.shm"_s || key == u"mount.mqueue"_s ||
               key == u"mount.tmp"_s) {
        header(out, s, in);
        say(out, s, in);
        const QString cmd = rebased(shell);
        const qsizetype lastSpace = cmd.lastIndexOf(u' ');
        if (!cmd.startsWith(u"mount "_s) || !cmd.contains(u"\"$ROOTFS\""_s) || lastSpace < 0) {
            notByHand(out, s, in, u"(the mount could not be rebuilt from the recorded command)"_s);
            return;
        }
        out << in + u"mkdir -p "_s + cmd.mid(lastSpace + 1);
        out << in + cmd;
    } else if (key == u"mount.devices"_s) {
        header(out, s, in,
               u"/dev is an empty tmpfs: give it the few device nodes every program expects."_s);
        say(out, s, in);
        static const QRegularExpression first(
            uR"re("(\w+)", S_IFCHR\|0666, makedev\((\d+), (\d+)\))re"_s);
        static const QRegularExpression rest(uR"re((\w+) \((\d+),\s*(\d+)\))re"_s);
        QStringList nodes;
        if (auto m = first.match(op); m.hasMatch())
            nodes << m.captured(1) + u' ' + m.captured(2) + u' ' + m.captured(3);
        for (auto it = rest.globalMatch(op); it.hasNext();) {
            auto m = it.next();
            nodes << m.captured(1) + u' ' + m.captured(2) + u' ' + m.captured(3);
        }
        for (const QString &n : std::as_const(nodes)) {
            const QStringList f = n.split(u' ');
            out << in + u"mknod -m 666 \"$ROOTFS/dev/"_s + f[0] + u"\" c "_s + f[1] + u' ' + f[2];
        }
        static const QMap<QString, QString> links{{u"fd"_s, u"/proc/self/fd"_s},
                                                  {u"stdin"_s, u"/proc/self/fd/0"_s},
                                                  {u"stdout"_s, u"/proc/self/fd/1"_s},
                                                  {u"stderr"_s, u"/proc/self/fd/2"_s},
                                                  {u"ptmx"_s, u"pts/ptmx"_s}};
        const qsizetype at = op.indexOf(u"symlinkat "_s);
        if (at >= 0) {
            for (QString name : op.mid(at + 10).split(u',', Qt::SkipEmptyParts)) {
                name = name.trimmed();
                if (links.contains(name))
                    out << in + u"ln -s "_s + links.value(name) + u" \"$ROOTFS/dev/"_s + name +
                               u'"';
            }
        }
    } else if (key == u"mount.etc"_s) {
        header(out, s, in);
        say(out, s, in);
        const QString name = firstQuoted(op, u"openat2(root, "_s).section(u'/', -1);
        if (name.isEmpty()) {
            notByHand(out, s, in, u"(the file could not be read from the op text)"_s);
            return;
        }
        out << in + u"bind_file \"$TMP/etc/"_s + name + u"\" \"$ROOTFS/etc/"_s + name + u'"';
    } else if (key == u"mount.volume"_s) {
        header(out, s, in);
        say(out, s, in);
        static const QRegularExpression re(
            uR"re(openat2\(root, "([^"]*)".*mount\("([^"]*)", "[^"]*", NULL, ([A-Z_|]+))re"_s);
        auto m = re.match(op);
        if (!m.hasMatch()) {
            notByHand(out, s, in, u"(the volume could not be read from the op text)"_s);
            return;
        }
        const QString target = m.captured(1);
        const QString source = m.captured(2);
        const bool readOnly = m.captured(3).contains(u"MS_RDONLY"_s);
        out << in + u"if [ -d "_s + sq(source) + u" ]; then mkdir -p "_s + rootfsExpr(target) +
                   u"; else mkdir -p \"$(dirname "_s + rootfsExpr(target) + u")\"; touch "_s +
                   rootfsExpr(target) + u"; fi"_s;
        out << in + u"mount --rbind "_s + sq(source) + u' ' + rootfsExpr(target);
        if (readOnly)
            out << in + u"mount -o remount,bind,ro "_s + rootfsExpr(target);
    } else if (key == u"mount.mask"_s) {
        header(out, s, in,
               u"Moved before pivot_root in this script (Koker does it right after): the "
               u"image may\nhave no mount program of its own."_s);
        say(out, s, in);
        QStringList paths;
        for (const char16_t *p : kMaskedPaths)
            paths << QString::fromUtf16(p);
        out << in + u"for p in "_s + paths.join(u' ') + u"; do"_s;
        out << in + u"    if [ -d \"$ROOTFS$p\" ]; then mount -t tmpfs -o ro tmpfs \"$ROOTFS$p\""_s;
        out << in +
                   u"    elif [ -e \"$ROOTFS$p\" ]; then mount --bind /dev/null \"$ROOTFS$p\"; fi"_s;
        out << in + u"done"_s;
    } else if (key == u"mount.readonly"_s) {
        header(out, s, in, u"Moved before pivot_root, as the step before."_s);
        say(out, s, in);
        static const QRegularExpression braces(uR"re((/[\w/]+)/\{([^}]*)\})re"_s);
        QStringList paths;
        if (auto m = braces.match(op); m.hasMatch()) {
            for (const QString &leaf : m.captured(2).split(u',', Qt::SkipEmptyParts))
                paths << m.captured(1) + u'/' + leaf.trimmed();
        }
        if (paths.isEmpty())
            paths << u"/proc/sys"_s;
        out << in + u"for p in "_s + paths.join(u' ') + u"; do"_s;
        out << in + u"    [ -e \"$ROOTFS$p\" ] || continue"_s;
        out << in + u"    mount --bind \"$ROOTFS$p\" \"$ROOTFS$p\""_s;
        out << in + u"    mount -o remount,bind,ro \"$ROOTFS$p\""_s;
        out << in + u"done"_s;
    } else if (key == u"mount.pivot"_s) {
        header(out, s, in,
               u"pivot_root . . stacks the host's old root on top of the new one, at \".\"; "
               u"umount -l\ndetaches it. From here on every program comes from the image."_s);
        say(out, s, in);
        out << in + u"cd \"$ROOTFS\""_s;
        out << in + u"pivot_root . ."_s;
        out << in + u"hash -r # the programs bash remembered were the host's"_s;
        out << in + u"if ! umount -l . 2>/dev/null; then"_s;
        out << in + u"    # The image has no umount: use the host's static busybox, opened "
                    u"before the pivot."_s;
        out << in + u"    (exec -a busybox /proc/self/fd/9 umount -l .) ||"_s;
        out << in + u"        say \"warning: could not detach the host's root (no umount in "
                    u"the image)\""_s;
        out << in + u"fi"_s;
        out << in + u"exec 9<&-"_s;
        out << in + u"cd /"_s;
    } else if (key == u"ns.uts.hostname"_s) {
        header(out, s, in,
               u"Moved before pivot_root: hostname(1) is a host program. The UTS namespace "
               u"from\nunshare --uts keeps the host's own hostname untouched."_s);
        say(out, s, in);
        out << in + u"hostname "_s + sq(m_hostname);
    } else if (key == u"cgroup.join"_s) {
        header(out, s, in,
               u"Done before unshare at steps "_s + m_intoSteps +
                   u": the subshell wrote its own pid into every\ncgroup.procs, so the "
                   u"container's process is born inside its cgroups."_s);
    } else if (key == u"ns.cgroup"_s) {
        m_cgroupns = true;
        header(out, s, in,
               u"Done by unshare --cgroup at steps "_s + m_intoSteps +
                   u": the subshell had joined the cgroups\nfirst, so the container's cgroup "
                   u"is the root \"/\" of its cgroup namespace."_s);
    } else if (key == u"process.workdir"_s) {
        header(out, s, in, u"Moved before pivot_root (mkdir is a host program)."_s);
        say(out, s, in);
        out << in + u"mkdir -p "_s + rootfsExpr(m_workdir);
    } else if (key == u"process.caps.bounding"_s || key == u"process.caps"_s) {
        header(out, s, in);
        notByHand(out, s, in,
                  u"Not done by hand: capsh/setpriv would have to exec the command, and after "
                  u"pivot_root\nonly the image's programs are left. This container keeps "
                  u"root's full capabilities."_s);
    } else if (key == u"process.user"_s) {
        header(out, s, in);
        const QString user = str(m_doc.value(u"Config"_s).toObject(), u"User");
        notByHand(out, s, in,
                  user.isEmpty() || user == u"root"_s || user == u"0"_s
                      ? u"Nothing to do: the command runs as root, as this script does."_s
                      : QString(u"Not done by hand: switching to "_s + user +
                                u" needs a tool (setpriv, su) that would exec the command;\n"
                                u"this container runs as root."_s));
    } else if (key == u"process.nnp"_s) {
        header(out, s, in);
        notByHand(out, s, in,
                  u"Not done by hand: setpriv --no-new-privs would have to exec the command."_s);
    } else if (key == u"cgroup.devices.bpf"_s) {
        header(out, s, in);
        notByHand(out, s, in,
                  u"Not done by hand: no standard tool builds a device program from a list "
                  u"(Koker writes\nits eBPF instructions itself; bpftool cgroup show lists "
                  u"the one attached)."_s);
    } else if (key == u"process.seccomp"_s) {
        header(out, s, in);
        notByHand(out, s, in,
                  u"Not done by hand: no standard tool loads a seccomp filter (Koker builds "
                  u"its BPF\nprogram itself; see docs/security.md)."_s);
    } else if (key == u"process.chdir"_s) {
        header(out, s, in);
        say(out, s, in);
        out << in + u"cd "_s + sq(m_workdir);
    } else if (key == u"process.exec"_s) {
        m_exec = true;
        header(out, s, in);
    } else {
        header(out, s, in);
        notByHand(out, s, in, u"(no by-hand equivalent in this script)"_s);
    }
}

QString ScriptWriter::unshareFlags() const
{
    QStringList flags;
    if (m_cloneOp.isEmpty() || m_cloneOp.contains(u"CLONE_NEWNS"_s))
        flags << u"--mount"_s;
    if (m_cloneOp.isEmpty() || m_cloneOp.contains(u"CLONE_NEWUTS"_s))
        flags << u"--uts"_s;
    if (m_cloneOp.isEmpty() || m_cloneOp.contains(u"CLONE_NEWIPC"_s))
        flags << u"--ipc"_s;
    flags << u"--pid"_s;
    // The engine joins a prepared namespace for bridge networks (no CLONE_NEWNET in its
    // clone); by hand every container but --network host gets a fresh one.
    if (m_networkMode != u"host"_s)
        flags << u"--net"_s;
    if (m_cgroupns)
        flags << u"--cgroup"_s;
    flags << u"--fork"_s << u"--kill-child"_s;
    return flags.join(u' ');
}

QByteArray ScriptWriter::write()
{
    QList<QJsonObject> steps = m_start.steps;
    std::stable_sort(steps.begin(), steps.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return num(a, u"seq") < num(b, u"seq");
    });
    // Planned records are the plan shown before the start; rolled-back ones undid a step.
    QList<QJsonObject> host, container;
    QSet<qint64> seen;
    for (const QJsonObject &s : std::as_const(steps)) {
        const QString state = str(s, u"state");
        if (state == u"planned"_s || state == u"running"_s || state == u"rolledback"_s)
            continue;
        if (seen.contains(num(s, u"seq")))
            continue;
        seen.insert(num(s, u"seq"));
        (str(s, u"side") == u"container"_s ? container : host) << s;
    }

    QStringList out;
    const QString shortId = m_id.left(12);
    out << u"#!/bin/bash"_s;
    out << u"# Container "_s + m_name + u" ("_s + shortId + u"), rebuilt by hand."_s;
    out << u"#"_s;
    out << u"# Generated by `koker inspect --steps "_s + m_name +
               u" --format script` from the container's"_s;
    out << u"# configuration and the "_s + QString::number(host.size() + container.size()) +
               u" steps Koker recorded when it started it ("_s + utcText(m_start.startNs()) +
               u")."_s;
    out << u"# Each block below is one of those steps: its number, title, the exact operation "
           u"Koker"_s;
    out << u"# did (op) and how long it took, then the same done with standard tools "
           u"(util-linux,"_s;
    out << u"# iproute2, coreutils). Run it as root: sudo bash "_s + m_name + u".sh"_s;
    out << u"#"_s;
    out << u"# What differs from Koker, on purpose:"_s;
    out << u"#  * the cgroups are named koker/<id:12>-byhand, so this can run beside the "
           u"container;"_s;
    out << u"#  * the writable layer (upper/, work/) is fresh, in a temporary directory;"_s;
    out << u"#  * the network is loopback only: Koker's network steps are shown as comments;"_s;
    out << u"#  * capabilities, no_new_privs, seccomp and a user switch are not applied (no "
           u"standard"_s;
    out << u"#    tool can do them once pivot_root has left only the image's programs);"_s;
    out << u"#  * hostname, the masked /proc files and the working directory are done before"_s;
    out << u"#    pivot_root, for the same reason."_s;
    out << u"# A cleanup function trapped on EXIT removes the cgroups, any mount left and the"_s;
    out << u"# temporary directory, however the script ends."_s;
    if (m_start.failed())
        out << u"#\n# NOTE: this start did not complete (a step failed or was aborted): the "
               u"script\n# replays only the steps that were recorded."_s;
    out << QString();
    out << u"set -euo pipefail"_s;
    out << QString();
    out << u"ID="_s + sq(m_id);
    out << u"CG_NAME=\"koker/${ID:0:12}-byhand\" # Koker's own: koker/$ID"_s;
    QStringList layers;
    for (const QString &l : std::as_const(m_layers))
        layers << sq(l);
    out << u"# The image's layers, top first: the overlay's lowerdir."_s;
    out << u"LAYERS=("_s + layers.join(u' ') + u')';
    out << u"LOWERDIR=$(IFS=:; echo \"${LAYERS[*]}\")"_s;
    out << QString();
    out << u"say() { printf '%s\\n' \"$*\" >&2; }"_s;
    out << u"die() { say \"$0: $*\"; exit 1; }"_s;
    out << u"[ \"$(id -u)\" = 0 ] || die \"run me as root (sudo bash $0)\""_s;
    out << u"for tool in unshare mount umount pivot_root ip hostname mknod; do"_s;
    out << u"    command -v \"$tool\" >/dev/null || die \"$tool is missing (util-linux, "
           u"iproute2, hostname)\""_s;
    out << u"done"_s;
    out << u"for layer in \"${LAYERS[@]}\"; do"_s;
    out << u"    [ -d \"$layer\" ] || die \"the image layer $layer is gone; pull or import the "
           u"image again\""_s;
    out << u"done"_s;
    out << QString();
    out << u"TMP=$(mktemp -d /tmp/koker-byhand.XXXXXX)"_s;
    out << u"ROOTFS=$TMP/rootfs"_s;
    out << u"export TMP ROOTFS LOWERDIR"_s;
    out << u"CG_DIRS=()    # the cgroups this script made, in order"_s;
    out << u"CG_PARENTS=() # koker/ groups it had to make"_s;
    out << QString();
    out << u"# --- small helpers, so each step below is one readable line ---"_s;
    out << u"cg_parent() { [ -d \"$1\" ] || { mkdir \"$1\"; CG_PARENTS+=(\"$1\"); }; }"_s;
    out << u"cg_mkdir() { mkdir \"$1\"; CG_DIRS+=(\"$1\"); say \"  mkdir $1\"; }"_s;
    out << u"cg_write() {"_s;
    out << u"    local now"_s;
    out << u"    echo \"$2\" > \"$1\""_s;
    out << u"    # Read it back: the kernel may round or refuse silently (some files are "
           u"write-only)."_s;
    out << u"    now=$(head -c 200 \"$1\" 2>/dev/null | tr '\\n' ' ') || true"_s;
    out << u"    say \"  ${1##*/} <- $2${now:+ (the file now reads ${now% })}\""_s;
    out << u"}"_s;
    out << u"cg_write_optional() { if [ -e \"$1\" ]; then cg_write \"$@\"; else say \"  no $1 "
           u"here: skipped\"; fi; }"_s;
    out << u"cg_inherit_cpuset() {"_s;
    out << u"    local parent=${1%/*} f"_s;
    out << u"    for f in cpuset.cpus cpuset.mems; do"_s;
    out << u"        [ -n \"$(cat \"$parent/$f\")\" ] || cat \"${parent%/*}/$f\" > \"$parent/$f\""_s;
    out << u"    done"_s;
    out << u"}"_s;
    out << u"bind_file() {"_s;
    out << u"    # A symlink in the image (say to /run/...) would point into the host: replace it."_s;
    out << u"    if [ -L \"$2\" ] || [ ! -f \"$2\" ]; then rm -rf \"$2\"; mkdir -p \"${2%/*}\"; : "
           u"> "
           u"\"$2\"; fi"_s;
    out << u"    mount --bind \"$1\" \"$2\""_s;
    out << u"}"_s;
    out << QString();
    out << u"cleanup() {"_s;
    out << u"    local rc=$? d p i n"_s;
    out << u"    set +e"_s;
    out << u"    trap - EXIT"_s;
    out << u"    say \"== cleanup ==\""_s;
    out << u"    # The container's PID namespace ended with its pid 1, and the kernel killed "
           u"every"_s;
    out << u"    # process left in it. Anything still in the cgroups gets SIGKILL all the same."_s;
    out << u"    for d in \"${CG_DIRS[@]}\"; do"_s;
    out << u"        [ -f \"$d/cgroup.procs\" ] || continue"_s;
    out << u"        while read -r p; do kill -9 \"$p\" 2>/dev/null; done < \"$d/cgroup.procs\""_s;
    out << u"    done"_s;
    out << u"    for ((i = ${#CG_DIRS[@]} - 1; i >= 0; i--)); do"_s;
    out << u"        d=${CG_DIRS[i]}"_s;
    out << u"        # A cgroup whose last process just died can be busy for a moment."_s;
    out << u"        for ((n = 0; n < 50; n++)); do rmdir \"$d\" 2>/dev/null || [ ! -d \"$d\" ] "
           u"&& break; sleep 0.1; done"_s;
    out << u"        if [ -d \"$d\" ]; then say \"  still there: $d\"; else say \"  rmdir $d\"; fi"_s;
    out << u"    done"_s;
    out << u"    for ((i = ${#CG_PARENTS[@]} - 1; i >= 0; i--)); do"_s;
    out << u"        rmdir \"${CG_PARENTS[i]}\" 2>/dev/null && say \"  rmdir ${CG_PARENTS[i]}\""_s;
    out << u"    done"_s;
    out << u"    # Every mount was made in the container's own mount namespace and went away "
           u"with it;"_s;
    out << u"    # unmount whatever still shows on the host under $TMP (nothing should)."_s;
    out << u"    if [ -n \"${TMP:-}\" ] && [ -d \"$TMP\" ]; then"_s;
    out << u"        awk -v t=\"$TMP\" '$5 == t || index($5, t \"/\") == 1 { print $5 }' "
           u"/proc/self/mountinfo |"_s;
    out << u"            sort -r | while read -r d; do umount -l \"$d\" && say \"  umount $d\"; "
           u"done"_s;
    out << u"        rm -rf --one-file-system \"$TMP\" && say \"  rm -rf $TMP\""_s;
    out << u"    fi"_s;
    out << u"    exit \"$rc\""_s;
    out << u"}"_s;
    out << u"trap cleanup EXIT"_s;
    out << u"trap 'exit 130' INT TERM # so that the EXIT trap runs"_s;

    out << QString();
    out << u"# ======================================================================"_s;
    out << u"# The host's side"_s;
    out << u"# ======================================================================"_s;
    const QJsonObject *clone = nullptr;
    const QJsonObject *join = nullptr;
    // The join is the child's first step (older records have it on the host's side).
    for (const QList<QJsonObject> *side : {&host, &container}) {
        for (const QJsonObject &s : *side) {
            if (str(s, u"key") == u"ns.clone"_s)
                clone = &s;
            else if (str(s, u"key") == u"cgroup.join"_s)
                join = &s;
        }
    }
    {
        QStringList seqs;
        for (const QJsonObject *s : {clone, join}) {
            if (s)
                seqs << QString::number(num(*s, u"seq"));
        }
        m_intoSteps = seqs.isEmpty() ? u"(none recorded)"_s : seqs.join(u'-');
    }
    for (const QJsonObject &s : std::as_const(host)) {
        if (&s != clone && &s != join)
            hostStep(out, s);
    }

    // The container's side becomes a function that runs inside the new namespaces.
    // pivot_root waits until every step that needs a host program has run.
    const QJsonObject *pivot = nullptr;
    QList<const QJsonObject *> before, after;
    static const QSet<QString> movable{u"mount.mask"_s, u"mount.readonly"_s, u"ns.uts.hostname"_s,
                                       u"ns.cgroup"_s, u"process.workdir"_s};
    for (const QJsonObject &s : std::as_const(container)) {
        const QString key = str(s, u"key");
        if (key == u"mount.pivot"_s)
            pivot = &s;
        else if (!pivot || movable.contains(key))
            before << &s;
        else
            after << &s;
    }
    if (!container.isEmpty()) {
        out << QString();
        out << u"# ======================================================================"_s;
        out << u"# The container's side: steps "_s +
                   QString::number(num(container.first(), u"seq")) + u"-"_s +
                   QString::number(num(container.last(), u"seq")) +
                   u", a function run in the new namespaces"_s;
        out << u"# by steps "_s + m_intoSteps +
                   u" below (Koker's child process does them between clone3() and"_s;
        out << u"# execve())."_s;
        out << u"# ======================================================================"_s;
        out << u"inside() {"_s;
        out << u"    set -euo pipefail"_s;
        out << u"    say \"== now in the new namespaces: pid $$ ==\""_s;
        if (pivot)
            out << u"    # The host's static busybox, kept open in case the image has no umount."_s
                << u"    if [ -x /bin/busybox ]; then exec 9</bin/busybox; else exec 9</dev/null; fi"_s;
        for (const QJsonObject *s : std::as_const(before))
            containerStep(out, *s);
        if (pivot)
            containerStep(out, *pivot);
        for (const QJsonObject *s : std::as_const(after))
            containerStep(out, *s);
        // A successful execve() is no step of its own in Koker's records (the child's
        // report channel simply closes), so the block is written here in any case.
        if (!m_exec) {
            out << QString();
            out << u"    # ── run the command ───────────────────────────────────────────────────────"_s;
            out << u"    # Koker: execve(), recorded as no step of its own (the child's report "
                   u"socket closes)."_s;
        }
        out << u"    # The environment of the container's config, and nothing of this shell's:"_s;
        out << u"    for v in $(compgen -e); do unset \"$v\" 2>/dev/null || true; done"_s;
        QStringList env;
        bool home = false;
        for (const QString &e : std::as_const(m_env)) {
            env << sq(e);
            home = home || e.startsWith(u"HOME="_s);
        }
        if (!home)
            env << u"HOME=/root"_s;
        out << u"    export "_s + env.join(u' ');
        out << u"    exec "_s + commandText(m_doc);
        out << u"}"_s;
    }

    out << QString();
    out << u"# ======================================================================"_s;
    out << u"# Into the new namespaces"_s;
    out << u"# ======================================================================"_s;
    if (clone)
        hostStep(out, *clone);
    if (join && str(*join, u"side") != u"container"_s)
        hostStep(out, *join);
    if (container.isEmpty()) {
        out << QString();
        out << u"say \"No step of the container's side was recorded: nothing more to do.\""_s;
    } else {
        out << QString();
        out << u"say \"["_s + m_intoSteps + u"] unshare "_s + unshareFlags() + u"\""_s;
        out << u"set +e"_s;
        out << u"("_s;
        out << u"    for d in \"${CG_DIRS[@]}\"; do echo \"$BASHPID\" > \"$d/cgroup.procs\"; done"_s;
        out << u"    exec unshare "_s + unshareFlags() +
                   u" bash -c \"$(declare -f say bind_file inside); inside\""_s;
        out << u")"_s;
        out << u"rc=$?"_s;
        out << u"set -e"_s;
        out << u"say \"The container's command exited with status $rc.\""_s;
        out << u"exit \"$rc\""_s;
    }
    return (out.join(u'\n') + u'\n').toUtf8();
}

} // namespace

std::optional<StepExportFormat> parseStepExportFormat(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"script"_s || n == u"sh"_s || n == u"bash"_s)
        return StepExportFormat::Script;
    if (n == u"trace"_s || n == u"json"_s || n == u"chrome"_s || n == u"perfetto"_s)
        return StepExportFormat::Trace;
    if (n == u"markdown"_s || n == u"md"_s)
        return StepExportFormat::Markdown;
    return std::nullopt;
}

bool StepAction::failed() const
{
    return std::any_of(steps.begin(), steps.end(),
                       [](const QJsonObject &s) { return isFailedState(str(s, u"state")); });
}

qint64 StepAction::startNs() const
{
    qint64 first = 0;
    for (const QJsonObject &s : steps) {
        const qint64 t = num(s, u"start");
        if (t > 0 && (first == 0 || t < first))
            first = t;
    }
    return first;
}

qint64 StepAction::durationNs() const
{
    const qint64 first = startNs();
    qint64 last = first;
    for (const QJsonObject &s : steps) {
        const qint64 t = num(s, u"start");
        if (t > 0)
            last = std::max(last, t + num(s, u"duration"));
    }
    return last - first;
}

QList<StepAction> splitStepActions(const QJsonArray &steps)
{
    QList<StepAction> out;
    for (const QJsonValue &v : steps) {
        const QJsonObject s = v.toObject();
        QString action = str(s, u"action");
        if (action.isEmpty())
            action = u"steps"_s;
        // A start begins with its first step again (storage.dirs, seq 1): a restart is
        // a new action even right after an earlier start.
        const bool restart = !out.isEmpty() && out.last().action == action &&
                             action == u"start"_s && num(s, u"seq") <= 1 &&
                             !out.last().steps.isEmpty();
        if (out.isEmpty() || out.last().action != action || restart)
            out << StepAction{action, {}};
        out.last().steps << s;
    }
    return out;
}

QString formatStepDuration(qint64 ns)
{
    if (ns < 1000)
        return QString::number(ns) + u" ns"_s;
    if (ns < 1000000)
        return QString::number(ns / 1000) + u" µs"_s;
    if (ns < 10000000)
        return QString::number(static_cast<double>(ns) / 1e6, 'f', 2) + u" ms"_s;
    if (ns < 1000000000)
        return QString::number(static_cast<double>(ns) / 1e6, 'f', 1) + u" ms"_s;
    return QString::number(static_cast<double>(ns) / 1e9, 'f', 2) + u" s"_s;
}

StepExport::StepExport(QJsonObject inspect)
    : m_doc(std::move(inspect))
    , m_actions(splitStepActions(m_doc.value(u"Steps"_s).toArray()))
{}

Result<QByteArray> StepExport::render(StepExportFormat format) const
{
    switch (format) {
    case StepExportFormat::Script:
        return script();
    case StepExportFormat::Trace:
        return trace();
    case StepExportFormat::Markdown:
        return markdown();
    }
    return fail(ErrorCode::InvalidArgument, "unknown export format");
}

Result<QByteArray> StepExport::script() const
{
    // The last start that went through; else the last start at all (a failed or
    // aborted one still shows how far it got).
    const StepAction *chosen = nullptr;
    for (const StepAction &a : m_actions) {
        if (a.action != u"start"_s)
            continue;
        if (!a.failed() || !chosen || chosen->failed())
            chosen = &a;
    }
    if (!chosen)
        return fail(ErrorCode::NotFound, "container " + str(m_doc, u"Name").toStdString() +
                                             " was never started: there are no steps to replay");
    return ScriptWriter(m_doc, *chosen).write();
}

QByteArray StepExport::trace() const
{
    // Chrome's trace-event format: "X" complete events, ts/dur in microseconds. The
    // host and the container are two processes; each real pid is a thread of its
    // side, so the engine, the monitor and the container's init get their own rows.
    constexpr int kHostPid = 1;
    constexpr int kContainerPid = 2;
    qint64 t0 = 0;
    for (const StepAction &a : m_actions) {
        const qint64 t = a.startNs();
        if (t > 0 && (t0 == 0 || t < t0))
            t0 = t;
    }
    QJsonArray events;
    auto meta = [&](const char16_t *name, int pid, qint64 tid, const QJsonObject &args) {
        QJsonObject e{{u"name"_s, QString::fromUtf16(name)},
                      {u"ph"_s, u"M"_s},
                      {u"pid"_s, pid},
                      {u"args"_s, args}};
        if (tid >= 0)
            e.insert(u"tid"_s, tid);
        events.append(e);
    };
    const QString name = str(m_doc, u"Name");
    meta(u"process_name", kHostPid, -1, {{u"name"_s, u"host"_s}});
    meta(u"process_sort_index", kHostPid, -1, {{u"sort_index"_s, 0}});
    meta(u"process_name", kContainerPid, -1,
         {{u"name"_s, QString(u"container "_s + name + u" (inside its namespaces)"_s)}});
    meta(u"process_sort_index", kContainerPid, -1, {{u"sort_index"_s, 1}});
    meta(u"thread_name", kHostPid, 0, {{u"name"_s, u"actions"_s}});

    // Name the threads after what those processes were.
    QMap<qint64, QString> hostThreads, containerThreads;
    QString childHostPid;
    for (const StepAction &a : m_actions) {
        for (const QJsonObject &s : a.steps) {
            const qint64 pid = num(s, u"pid");
            const QString key = str(s, u"key");
            if (str(s, u"side") == u"container"_s) {
                containerThreads.insert(pid, QString());
                continue;
            }
            if (key == u"ns.clone"_s || key == u"cgroup.join"_s || key == u"process.fork"_s) {
                hostThreads[pid] = u"koker-monitor (pid "_s + QString::number(pid) + u')';
                const QString msg = str(s, u"message");
                if (msg.startsWith(u"host pid "_s))
                    childHostPid = msg.mid(9);
            } else if (!hostThreads.contains(pid)) {
                hostThreads[pid] = u"koker (pid "_s + QString::number(pid) + u')';
            }
        }
    }
    for (auto it = hostThreads.cbegin(); it != hostThreads.cend(); ++it)
        meta(u"thread_name", kHostPid, it.key(), {{u"name"_s, it.value()}});
    for (auto it = containerThreads.cbegin(); it != containerThreads.cend(); ++it)
        meta(u"thread_name", kContainerPid, it.key(),
             {{u"name"_s, QString(u"pid "_s + QString::number(it.key()) +
                                  (childHostPid.isEmpty() || it.key() != 1
                                       ? QString()
                                       : QString(u" (host pid "_s + childHostPid + u')')))}});

    auto us = [t0](qint64 ns) { return static_cast<double>(ns) / 1000.0; };
    for (const StepAction &a : m_actions) {
        const qint64 start = a.startNs();
        if (start > 0)
            events.append(QJsonObject{
                {u"name"_s, a.action},
                {u"cat"_s, u"action"_s},
                {u"ph"_s, u"X"_s},
                {u"ts"_s, us(start - t0)},
                {u"dur"_s, us(a.durationNs())},
                {u"pid"_s, kHostPid},
                {u"tid"_s, 0},
                {u"args"_s, QJsonObject{{u"steps"_s, a.steps.size()}, {u"failed"_s, a.failed()}}}});
        for (const QJsonObject &s : a.steps) {
            const qint64 t = num(s, u"start");
            if (t <= 0)
                continue; // planned, never ran
            const bool inside = str(s, u"side") == u"container"_s;
            QJsonObject args{{u"seq"_s, num(s, u"seq")},    {u"action"_s, a.action},
                             {u"op"_s, str(s, u"op")},      {u"shell"_s, str(s, u"shell")},
                             {u"key"_s, str(s, u"key")},    {u"state"_s, str(s, u"state")},
                             {u"errno"_s, num(s, u"errno")}};
            if (!str(s, u"message").isEmpty())
                args.insert(u"message"_s, str(s, u"message"));
            events.append(QJsonObject{{u"name"_s, str(s, u"title")},
                                      {u"cat"_s, str(s, u"phase")},
                                      {u"ph"_s, u"X"_s},
                                      {u"ts"_s, us(t - t0)},
                                      {u"dur"_s, us(num(s, u"duration"))},
                                      {u"pid"_s, inside ? kContainerPid : kHostPid},
                                      {u"tid"_s, num(s, u"pid")},
                                      {u"args"_s, args}});
        }
    }
    QJsonObject doc{{u"traceEvents"_s, events},
                    {u"displayTimeUnit"_s, u"ms"_s},
                    {u"otherData"_s, QJsonObject{{u"container"_s, name},
                                                 {u"id"_s, str(m_doc, u"Id")},
                                                 {u"image"_s, str(m_doc, u"ImageName")},
                                                 {u"epochStartNs"_s, QString::number(t0)},
                                                 {u"generator"_s, u"koker inspect --steps"_s}}}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QByteArray StepExport::markdown() const
{
    auto cell = [](QString s) {
        s = oneLine(s);
        s.replace(u'|', u"\\|"_s);
        return s;
    };
    auto code = [&](const QString &s) {
        if (s.isEmpty())
            return QString();
        QString c = oneLine(s);
        c.replace(u'|', u"\\|"_s);
        // A backtick inside needs a longer fence (CommonMark code spans).
        return c.contains(u'`') ? QString(u"`` "_s + c + u" ``"_s) : QString(u'`' + c + u'`');
    };
    const QJsonObject config = m_doc.value(u"Config"_s).toObject();
    const QJsonObject host = m_doc.value(u"HostConfig"_s).toObject();
    const QJsonObject cgroup = m_doc.value(u"Cgroup"_s).toObject();
    const QJsonObject net = m_doc.value(u"NetworkSettings"_s).toObject();
    QStringList out;
    out << u"# Lab report: container `"_s + str(m_doc, u"Name") + u'`';
    out << QString();
    out << u"| | |"_s;
    out << u"|---|---|"_s;
    out << u"| Container | `"_s + str(m_doc, u"Name") + u"` (`"_s + str(m_doc, u"Id").left(12) +
               u"`) |"_s;
    out << u"| Image | `"_s + cell(str(m_doc, u"ImageName")) + u"` (`"_s +
               str(m_doc, u"Image").left(19) + u"…`) |"_s;
    out << u"| Command | "_s + code(commandText(m_doc)) + u" |"_s;
    out << u"| Hostname | `"_s + cell(str(config, u"Hostname")) + u"` |"_s;
    out << u"| Limits | "_s + cell(limitsText(host)) + u" |"_s;
    out << u"| Cgroup mode | "_s + cell(cgroupModeText(str(cgroup, u"Mode"))) + u" |"_s;
    QString network = str(host, u"NetworkMode");
    if (!str(net, u"IPAddress").isEmpty())
        network +=
            u", "_s + str(net, u"IPAddress") + u" behind bridge `"_s + str(net, u"Bridge") + u'`';
    out << u"| Network | "_s + cell(network) + u" |"_s;
    out << u"| Created | "_s + str(m_doc, u"Created") + u" |"_s;
    int total = 0;
    for (const StepAction &a : m_actions)
        total += static_cast<int>(a.steps.size());
    out << u"| Steps recorded | "_s + QString::number(total) + u" in "_s +
               QString::number(m_actions.size()) + u" actions |"_s;
    int n = 0;
    for (const StepAction &a : m_actions) {
        out << QString();
        out << u"## "_s + QString::number(++n) + u". "_s + a.action + u" — "_s +
                   utcText(a.startNs()) + u", "_s + QString::number(a.steps.size()) +
                   (a.steps.size() == 1 ? u" step, "_s : u" steps, "_s) +
                   formatStepDuration(a.durationNs()) + (a.failed() ? u" (failed)"_s : QString());
        out << QString();
        out << u"| Seq | Phase | Side | Title | Duration | Result | Operation |"_s;
        out << u"|---:|---|---|---|---:|---|---|"_s;
        for (const QJsonObject &s : a.steps) {
            QString side = str(s, u"side");
            if (num(s, u"pid") > 0)
                side += u" (pid "_s + QString::number(num(s, u"pid")) + u')';
            QString result = str(s, u"state");
            if (num(s, u"errno") != 0)
                result += u", errno "_s + QString::number(num(s, u"errno"));
            if (!str(s, u"message").isEmpty())
                result += u": "_s + str(s, u"message");
            out << u"| "_s + QString::number(num(s, u"seq")) + u" | "_s + str(s, u"phase") +
                       u" | "_s + side + u" | "_s + cell(str(s, u"title")) + u" | "_s +
                       formatStepDuration(num(s, u"duration")) + u" | "_s + cell(result) +
                       u" | "_s + code(str(s, u"op")) + u" |"_s;
        }
    }
    out << QString();
    out << u"_Generated by `koker inspect --steps "_s + str(m_doc, u"Name") +
               u" --format markdown`._"_s;
    return (out.join(u'\n') + u'\n').toUtf8();
}

} // namespace koker
