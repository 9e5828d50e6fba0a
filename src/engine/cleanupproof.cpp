#include "cleanupproof.h"

#include "engine/engine.h"
#include "engine/stepexport.h"
#include "runtime/cgrouplayout.h"
#include "runtime/fsutil.h"
#include "runtime/ipam.h"
#include "runtime/iptables.h"
#include "runtime/netlink.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

QString str(const QJsonObject &o, const char16_t *key)
{
    return o.value(QString::fromUtf16(key)).toString();
}

bool lexists(const QString &path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

QString firstQuoted(const QString &text, qsizetype from = 0)
{
    qsizetype a = text.indexOf(u'"', from);
    if (a < 0)
        return {};
    qsizetype b = text.indexOf(u'"', a + 1);
    return b < 0 ? QString() : text.mid(a + 1, b - a - 1);
}

// Mount points of this (the host's) mount namespace.
QSet<QString> hostMountPoints()
{
    QSet<QString> out;
    auto text = fs::readFile("/proc/self/mountinfo", 64u << 20);
    if (!text)
        return out;
    const QStringList lines = QString::fromStdString(*text).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList f = line.split(u' ');
        if (f.size() > 4)
            out.insert(QString::fromStdString(unescapeMountinfoField(f[4].toStdString())));
    }
    return out;
}

} // namespace

QString HostChange::kindName() const
{
    switch (kind) {
    case Kind::CgroupDir:
        return u"cgroup dir"_s;
    case Kind::NetnsFile:
        return u"netns file"_s;
    case Kind::Mount:
        return u"mount"_s;
    case Kind::Veth:
        return u"veth"_s;
    case Kind::BridgePort:
        return u"bridge port"_s;
    case Kind::IptablesRules:
        return u"iptables rules"_s;
    case Kind::IpLease:
        return u"IP lease"_s;
    case Kind::StateDir:
        return u"state dir"_s;
    case Kind::RunDir:
        return u"run dir"_s;
    case Kind::Bridge:
        return u"bridge"_s;
    }
    return u"change"_s;
}

QString HostChange::describe() const
{
    switch (kind) {
    case Kind::BridgePort:
        return kindName() + u' ' + subject + u" in bridge "_s + detail;
    case Kind::IptablesRules:
        return kindName() + u" with comment "_s + subject +
               (detail.isEmpty() ? QString() : u" ("_s + detail + u')');
    case Kind::IpLease:
        return kindName() + u' ' + subject + (detail.isEmpty() ? QString() : u" in "_s + detail);
    default:
        return kindName() + u' ' + subject +
               (detail.isEmpty() ? QString() : u" ("_s + detail + u')');
    }
}

QList<HostChange> CleanupProof::derive(const QJsonObject &doc, const Context &context)
{
    const QString id = str(doc, u"Id");
    QList<HostChange> out;
    QList<HostChange> kept;
    QSet<QString> seen;
    auto add = [&](HostChange::Kind kind, const QString &subject, const QJsonObject &step,
                   const QString &detail = {}) {
        if (subject.isEmpty())
            return;
        const QString k = QString::number(static_cast<int>(kind)) + u'\n' + subject;
        if (seen.contains(k))
            return;
        seen.insert(k);
        HostChange c;
        c.kind = kind;
        c.subject = subject;
        c.detail = detail;
        c.containerId = id;
        c.seq = step.isEmpty() ? -1 : static_cast<int>(step.value(u"seq"_s).toInteger());
        c.title = str(step, u"title");
        out << c;
    };
    auto keep = [&](HostChange::Kind kind, const QString &subject, const QString &detail) {
        const QString k = u"kept\n"_s + subject;
        if (subject.isEmpty() || seen.contains(k))
            return;
        seen.insert(k);
        HostChange c;
        c.kind = kind;
        c.subject = subject;
        c.detail = detail;
        c.kept = true;
        kept << c;
    };
    const QString comment = u"koker:"_s + id;
    QStringList rules;
    int rulesSeq = 0;
    QJsonObject rulesStep;

    // The steps, in order: every start (a restarted container made the same things
    // again; the set is the union) and the create.
    const QList<StepAction> actions = splitStepActions(doc.value(u"Steps"_s).toArray());
    for (const StepAction &a : actions) {
        if (a.action != u"create"_s && a.action != u"start"_s)
            continue;
        for (const QJsonObject &s : a.steps) {
            const QString state = str(s, u"state");
            if (state != u"done"_s && state != u"failed"_s)
                continue; // planned or rolled back: not (or no longer) made by this action
            const QString key = str(s, u"key");
            const QString op = str(s, u"op");
            const QString shell = str(s, u"shell");
            if (key == u"container.create"_s) {
                add(HostChange::Kind::StateDir, firstQuoted(op), s);
            } else if (key == u"cgroup.mkdir"_s) {
                const QString path = firstQuoted(op);
                if (path.contains(u"/koker/"_s + id))
                    add(HostChange::Kind::CgroupDir, path, s);
                else
                    keep(HostChange::Kind::CgroupDir, path,
                         u"the koker/ group every container's cgroup lives in"_s);
            } else if (key == u"net.netns.create"_s) {
                const qsizetype at = op.indexOf(u"mount(\""_s);
                const QString path = at < 0 ? QString() : firstQuoted(op, op.indexOf(u", "_s, at));
                add(HostChange::Kind::NetnsFile, path, s);
                add(HostChange::Kind::Mount, path, s, u"pins the network namespace"_s);
            } else if (key == u"net.link.veth"_s && shell.startsWith(u"ip link add "_s)) {
                add(HostChange::Kind::Veth, shell.section(u' ', 3, 3), s);
            } else if (key == u"net.link.master"_s && shell.startsWith(u"ip link set "_s)) {
                add(HostChange::Kind::BridgePort, shell.section(u' ', 3, 3), s,
                    shell.section(u' ', 5, 5));
            } else if (key == u"net.iptables.rule"_s && op.contains(comment)) {
                rules << shell;
                if (!rulesSeq) {
                    rulesSeq = static_cast<int>(s.value(u"seq"_s).toInteger());
                    rulesStep = s;
                }
            } else if (key == u"net.iptables.rule"_s) {
                static const QRegularExpression netComment(
                    uR"re(--comment "?(koker-net:[^" ]+))re"_s);
                auto m = netComment.match(op);
                keep(HostChange::Kind::IptablesRules, m.hasMatch() ? m.captured(1) : shell,
                     u"the network's NAT and forwarding rules, shared by its containers"_s);
            } else if (key == u"net.ipam.lease"_s) {
                static const QRegularExpression re(uR"re(add "(\S+) \S+" to (\S+)/leases)re"_s);
                auto m = re.match(op);
                if (m.hasMatch())
                    add(HostChange::Kind::IpLease, m.captured(1), s, m.captured(2));
            } else if (key == u"storage.volume.pin"_s) {
                const qsizetype at = op.indexOf(u"mount(\""_s);
                const QString path = at < 0 ? QString() : firstQuoted(op, op.indexOf(u", "_s, at));
                add(HostChange::Kind::Mount, path, s, u"pins a volume"_s);
            } else if (key == u"mount.overlay"_s) {
                // Mounted in the container's own mount namespace (after MS_PRIVATE): the
                // host never sees it, and the check proves that too.
                const qsizetype at = op.indexOf(u"mount(\"overlay\""_s);
                const QString path = at < 0 ? QString() : firstQuoted(op, op.indexOf(u", "_s, at));
                add(HostChange::Kind::Mount, path, s,
                    u"the overlay root, in the container's mount namespace"_s);
            }
        }
    }
    // What the inspect document knows, for a container whose steps file lost records.
    const QJsonObject cgroup = doc.value(u"Cgroup"_s).toObject();
    for (const QJsonValue &v : cgroup.value(u"Paths"_s).toArray())
        add(HostChange::Kind::CgroupDir, v.toString(), {});
    const QJsonObject net = doc.value(u"NetworkSettings"_s).toObject();
    const QString mode = doc.value(u"HostConfig"_s).toObject().value(u"NetworkMode"_s).toString();
    if (mode != u"host"_s && mode != u"none"_s && !mode.isEmpty()) {
        add(HostChange::Kind::NetnsFile, str(net, u"SandboxKey"), {});
        add(HostChange::Kind::Veth, str(net, u"HostVeth"), {});
        keep(HostChange::Kind::Bridge, str(net, u"Bridge"),
             u"the network's bridge, shared by its containers (like docker0)"_s);
        HostChange::Kind k = HostChange::Kind::IptablesRules;
        const QString key = QString::number(static_cast<int>(k)) + u'\n' + comment;
        if (!seen.contains(key)) {
            seen.insert(key);
            HostChange c;
            c.kind = k;
            c.subject = comment;
            c.containerId = id;
            c.seq = rulesSeq ? rulesSeq : -1;
            c.title = rulesSeq ? str(rulesStep, u"title") : QString();
            c.detail = rules.isEmpty()
                           ? u"none were made: no published port"_s
                           : QString::number(rules.size()) +
                                 (rules.size() == 1 ? u" rule made"_s : u" rules made"_s);
            out << c;
        }
    }
    add(HostChange::Kind::StateDir, str(doc, u"StateDir"), {});
    add(HostChange::Kind::RunDir, context.runDir, {});
    return out + kept;
}

QList<CleanupCheck> CleanupProof::check(const QList<HostChange> &changes)
{
    QList<CleanupCheck> out;
    const QSet<QString> mounts = hostMountPoints();
    auto nl = net::Netlink::open();
    // The kernel deletes a container's veth pair with its network namespace, on a
    // worker of its own, a few milliseconds after the removal (NetSteps::
    // containerTeardown): give it up to two seconds before calling one left over.
    if (nl) {
        for (int waited = 0; waited < 2000; waited += 10) {
            bool any = false;
            for (const HostChange &c : changes) {
                if (c.kind == HostChange::Kind::Veth && !c.kept)
                    any = any || nl->linkExists(c.subject.toStdString()).value_or(false);
            }
            if (!any)
                break;
            ::usleep(10 * 1000);
        }
    }
    std::optional<std::vector<net::Netlink::Link>> links;
    if (nl) {
        if (auto l = nl->links(); l)
            links = std::move(*l);
    }
    auto findLink = [&](const QString &name) -> const net::Netlink::Link * {
        if (!links)
            return nullptr;
        for (const auto &l : *links) {
            if (l.name == name.toStdString())
                return &l;
        }
        return nullptr;
    };
    auto linkName = [&](int index) -> QString {
        if (links) {
            for (const auto &l : *links) {
                if (l.index == index)
                    return QString::fromStdString(l.name);
            }
        }
        return u"#"_s + QString::number(index);
    };
    std::optional<std::vector<net::IptRule>> ownRules;
    bool rulesUnknown = false;
    for (const HostChange &c : changes) {
        CleanupCheck k;
        k.change = c;
        if (c.kept) {
            out << k;
            continue;
        }
        switch (c.kind) {
        case HostChange::Kind::CgroupDir:
        case HostChange::Kind::StateDir:
        case HostChange::Kind::RunDir:
        case HostChange::Kind::Bridge: // kept, never checked
            k.present = lexists(c.subject);
            if (k.present)
                k.evidence = u"the directory exists"_s;
            break;
        case HostChange::Kind::NetnsFile:
            k.present = lexists(c.subject);
            if (k.present)
                k.evidence = u"the file exists"_s;
            break;
        case HostChange::Kind::Mount:
            k.present = mounts.contains(c.subject);
            if (k.present)
                k.evidence = u"listed in /proc/self/mountinfo"_s;
            break;
        case HostChange::Kind::Veth:
            if (!links) {
                k.present = true;
                k.evidence = u"cannot ask the kernel (rtnetlink failed)"_s;
            } else if (const auto *l = findLink(c.subject)) {
                k.present = true;
                k.evidence = u"interface index "_s + QString::number(l->index) +
                             (l->up ? u", up"_s : u", down"_s) +
                             u"; it goes with the container's network namespace, which "
                             u"something still holds (an nsenter?)"_s;
            }
            break;
        case HostChange::Kind::BridgePort:
            if (const auto *l = findLink(c.subject); l && l->masterIndex != 0) {
                k.present = true;
                k.evidence = u"still plugged into "_s + linkName(l->masterIndex);
            } else if (!links) {
                k.present = true;
                k.evidence = u"cannot ask the kernel (rtnetlink failed)"_s;
            }
            break;
        case HostChange::Kind::IptablesRules: {
            if (!ownRules && !rulesUnknown) {
                net::IptablesNat nat;
                if (auto r = nat.listOwnRules(); r)
                    ownRules = std::move(*r);
                else
                    rulesUnknown = true;
            }
            if (rulesUnknown) {
                k.present = true;
                k.evidence = u"cannot list the iptables rules (not root?)"_s;
                break;
            }
            QStringList left;
            for (const net::IptRule &r : *ownRules) {
                if (QString::fromStdString(r.comment) == c.subject)
                    left << u"-t "_s + QLatin1StringView(net::iptTableName(r.table)) + u' ' +
                                QString::fromStdString(r.saveLine());
            }
            k.present = !left.isEmpty();
            k.evidence = left.join(u"; "_s);
            break;
        }
        case HostChange::Kind::IpLease: {
            const QString dir = c.detail;
            if (!lexists(dir + u"/leases"_s))
                break; // no lease file, no lease
            auto json = fs::readFile(QString(dir + u"/network.json"_s).toStdString(), 1 << 20);
            const QJsonObject network =
                json ? QJsonDocument::fromJson(QByteArray::fromStdString(*json)).object()
                     : QJsonObject{};
            auto subnet =
                net::Ipv4Cidr::parseNetwork(network.value(u"subnet"_s).toString().toStdString());
            if (!subnet) {
                k.present = true;
                k.evidence = u"cannot read the network's subnet in "_s + dir;
                break;
            }
            auto ipam = net::Ipam::open(dir.toStdString(), *subnet);
            auto held =
                ipam ? ipam->lookup(c.containerId.toStdString())
                     : Result<std::optional<net::Ipv4Address>>(std::unexpected(ipam.error()));
            if (!held) {
                k.present = true;
                k.evidence = QString::fromStdString(held.error().message);
            } else if (held->has_value()) {
                k.present = true;
                k.evidence = u"leased to it: "_s + QString::fromStdString((*held)->toString());
            }
            break;
        }
        }
        out << k;
    }
    return out;
}

bool CleanupProof::allGone(const QList<CleanupCheck> &checks)
{
    for (const CleanupCheck &c : checks) {
        if (!c.change.kept && c.present)
            return false;
    }
    return true;
}

QString CleanupProof::render(const QString &container, const QList<CleanupCheck> &checks,
                             bool afterRemoval)
{
    QString out;
    int checked = 0, left = 0;
    out += afterRemoval ? u"Proof of cleanup for "_s + container + u":\n"_s
                        : u"Host changes of "_s + container +
                              u" (what `koker rm --proof` checks afterwards):\n"_s;
    for (const CleanupCheck &c : checks) {
        if (c.change.kept)
            continue;
        ++checked;
        QString origin =
            c.change.seq >= 0
                ? u"  [step "_s + QString::number(c.change.seq) + u": "_s + c.change.title + u']'
            : c.change.kind == HostChange::Kind::RunDir ? u"  [from the store's layout]"_s
                                                        : u"  [from inspect]"_s;
        if (afterRemoval) {
            if (c.present) {
                ++left;
                out += u"  ✗ still there: "_s + c.change.describe() +
                       (c.evidence.isEmpty() ? QString() : u" — "_s + c.evidence) + origin + u'\n';
            } else {
                out += u"  ✓ removed: "_s + c.change.describe() + origin + u'\n';
            }
        } else {
            out += u"  • "_s + c.change.describe() +
                   (c.present ? u" [there now]"_s : u" [not there now]"_s) + origin + u'\n';
        }
    }
    bool anyKept = false;
    for (const CleanupCheck &c : checks) {
        if (!c.change.kept)
            continue;
        if (!anyKept)
            out += u"Kept on purpose (shared with other containers):\n"_s;
        anyKept = true;
        out += u"  · "_s + c.change.kindName() + u' ' + c.change.subject + u": "_s +
               c.change.detail + u'\n';
    }
    if (afterRemoval)
        out += left == 0
                   ? QString(u"All "_s + QString::number(checked) + u" host changes are gone.\n"_s)
                   : QString(QString::number(left) + u" of "_s + QString::number(checked) +
                             u" host changes are still there.\n"_s);
    return out;
}

Result<QList<HostChange>> CleanupProof::changesOf(Engine &engine, const QString &idOrName,
                                                  QString *name)
{
    auto doc = engine.containers().inspect(idOrName);
    if (!doc)
        return std::unexpected(doc.error());
    if (name)
        *name = doc->value(u"Name"_s).toString();
    const QString id = doc->value(u"Id"_s).toString();
    return derive(*doc, {engine.containerStore().runDir(id)});
}

namespace {

// Stable names on the wire (kindName() is for people and may change).
constexpr std::pair<HostChange::Kind, QStringView> kKindKeys[] = {
    {HostChange::Kind::CgroupDir, u"cgroupDir"},
    {HostChange::Kind::NetnsFile, u"netnsFile"},
    {HostChange::Kind::Mount, u"mount"},
    {HostChange::Kind::Veth, u"veth"},
    {HostChange::Kind::BridgePort, u"bridgePort"},
    {HostChange::Kind::IptablesRules, u"iptablesRules"},
    {HostChange::Kind::IpLease, u"ipLease"},
    {HostChange::Kind::StateDir, u"stateDir"},
    {HostChange::Kind::RunDir, u"runDir"},
    {HostChange::Kind::Bridge, u"bridge"},
};

} // namespace

QJsonArray CleanupProof::toJson(const QList<CleanupCheck> &checks)
{
    QJsonArray out;
    for (const CleanupCheck &c : checks) {
        QString kind;
        for (const auto &[k, key] : kKindKeys) {
            if (k == c.change.kind)
                kind = key.toString();
        }
        out.append(QJsonObject{
            {u"kind"_s, kind},
            {u"subject"_s, c.change.subject},
            {u"detail"_s, c.change.detail},
            {u"containerId"_s, c.change.containerId},
            {u"seq"_s, c.change.seq},
            {u"title"_s, c.change.title},
            {u"kept"_s, c.change.kept},
            {u"present"_s, c.present},
            {u"evidence"_s, c.evidence},
        });
    }
    return out;
}

QList<CleanupCheck> CleanupProof::fromJson(const QJsonArray &array)
{
    QList<CleanupCheck> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        const QString kind = o.value(u"kind"_s).toString();
        const auto *found = std::find_if(std::begin(kKindKeys), std::end(kKindKeys),
                                         [&](const auto &entry) { return entry.second == kind; });
        if (found == std::end(kKindKeys))
            continue;
        CleanupCheck c;
        c.change.kind = found->first;
        c.change.subject = o.value(u"subject"_s).toString();
        c.change.detail = o.value(u"detail"_s).toString();
        c.change.containerId = o.value(u"containerId"_s).toString();
        c.change.seq = o.value(u"seq"_s).toInt(-1);
        c.change.title = o.value(u"title"_s).toString();
        c.change.kept = o.value(u"kept"_s).toBool();
        c.present = o.value(u"present"_s).toBool();
        c.evidence = o.value(u"evidence"_s).toString();
        out << c;
    }
    return out;
}

} // namespace koker
