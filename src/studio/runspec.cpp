#include "runspec.h"

#include "dbus/dbustypes.h"
#include "engine/containerservice.h"
#include "engine/containerstore.h"
#include "engine/imagereference.h"
#include "engine/units.h"

#include <QtCore/QDir>
#include <QtCore/QHash>
#include <QtCore/QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

// The same patterns kokerd checks (helper/specparser.cpp), so the dialog refuses
// exactly what the helper would refuse, but before anything is sent.
const QRegularExpression &userRe()
{
    static const QRegularExpression re(
        u"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})?\\z"_s);
    return re;
}

const QRegularExpression &hostnameRe()
{
    static const QRegularExpression re(u"^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?\\z"_s);
    return re;
}

const QRegularExpression &networkRe()
{
    static const QRegularExpression re(u"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}\\z"_s);
    return re;
}

const QRegularExpression &envNameRe()
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_.-]{0,255}\\z"_s);
    return re;
}

const QRegularExpression &ipv4Re()
{
    static const QRegularExpression re(
        u"^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\z"_s);
    return re;
}

// Digits only, 1-65535 (what PortMapping::parse accepts).
std::optional<quint16> parsePort(const QString &text)
{
    if (text.isEmpty() || text.size() > 5)
        return std::nullopt;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const uint v = text.toUInt();
    if (v == 0 || v > 65535)
        return std::nullopt;
    return static_cast<quint16>(v);
}

QStringList splitCapabilities(const QString &text)
{
    static const QRegularExpression separators(u"[\\s,]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

bool isCapability(const QString &name)
{
    return applyCapabilityChanges(0, {name}, {}).has_value();
}

QString formatCpuCount(qint64 nanoCpus)
{
    return QString::fromStdString(formatCpus(nanoCpus));
}

QString splitMessage(RunField field, ShellSplitError error)
{
    const bool command = field == RunField::Command;
    switch (error) {
    case ShellSplitError::UnclosedSingleQuote:
        return command ? RunForm::tr("The command has an unclosed single quote ('): add the "
                                     "closing quote, or escape it as \\'.")
                       : RunForm::tr("The entrypoint has an unclosed single quote ('): add the "
                                     "closing quote, or escape it as \\'.");
    case ShellSplitError::UnclosedDoubleQuote:
        return command ? RunForm::tr("The command has an unclosed double quote (\"): add the "
                                     "closing quote, or escape it as \\\".")
                       : RunForm::tr("The entrypoint has an unclosed double quote (\"): add the "
                                     "closing quote, or escape it as \\\".");
    case ShellSplitError::TrailingBackslash:
        return command ? RunForm::tr("The command ends with a lone backslash: remove it, or "
                                     "write \\\\ for a backslash.")
                       : RunForm::tr("The entrypoint ends with a lone backslash: remove it, or "
                                     "write \\\\ for a backslash.");
    }
    return {};
}

// Collects issues in form order.
class Issues
{
public:
    void error(RunField field, QString message, int row = -1, int column = -1)
    {
        m_list.append({RunIssue::Severity::Error, field, row, column, std::move(message)});
    }
    void warning(RunField field, QString message, int row = -1, int column = -1)
    {
        m_list.append({RunIssue::Severity::Warning, field, row, column, std::move(message)});
    }
    bool has(RunField field) const
    {
        return std::any_of(m_list.cbegin(), m_list.cend(), [field](const RunIssue &i) {
            return i.field == field && i.severity == RunIssue::Severity::Error;
        });
    }
    QList<RunIssue> take() { return std::move(m_list); }

private:
    QList<RunIssue> m_list;
};

void checkLimits(const RunForm &f, const HostInfo &host, RunSpec &spec, Issues &issues)
{
    CgroupLimits &l = spec.limits;
    l.memoryBytes = f.memoryBytes;
    l.memorySwapBytes = f.memorySwapBytes;
    l.nanoCpus = f.nanoCpus;
    l.pidsMax = f.pidsLimit;

    if (l.memoryBytes < 0 || (l.memoryBytes > 0 && l.memoryBytes < CgroupLimits::kMinMemoryBytes))
        issues.error(RunField::Memory,
                     RunForm::tr("Memory must be at least 6 MiB, or 0 for no limit: the "
                                 "container's runtime alone needs that much."));
    else if (l.memoryBytes > INT64_MAX / 4)
        issues.error(RunField::Memory, RunForm::tr("The memory limit is too large: use 0 for no "
                                                   "limit."));
    else if (host.hostMemory > 0 && l.memoryBytes > host.hostMemory)
        issues.warning(
            RunField::Memory,
            RunForm::tr("The memory limit (%1) is more than this host's memory (%2): "
                        "it will never be reached.")
                .arg(formatBytesBinary(l.memoryBytes), formatBytesBinary(host.hostMemory)));

    if (l.memorySwapBytes < -1)
        issues.error(RunField::Swap,
                     RunForm::tr("Swap must be a size, 0 for the default (twice the memory), or "
                                 "unlimited."));
    else if (l.memorySwapBytes > 0 && l.memoryBytes == 0)
        issues.error(RunField::Swap, RunForm::tr("A swap limit needs a memory limit: set Memory "
                                                 "first, or choose unlimited swap."));
    else if (l.memorySwapBytes > 0 && l.memorySwapBytes < l.memoryBytes)
        issues.error(RunField::Swap,
                     RunForm::tr("Swap (memory + swap) must be at least the memory limit (%1): "
                                 "it counts memory and swap together. Raise it, use 0 for the "
                                 "default (twice the memory), or choose unlimited swap.")
                         .arg(formatBytesBinary(l.memoryBytes)));
    else if (host.known && !host.swapAccounting && l.memoryBytes > 0 && l.memorySwapBytes != -1)
        issues.warning(RunField::Swap,
                       RunForm::tr("This kernel does not account swap, so swap will not be "
                                   "limited (boot with swapaccount=1 to turn it on)."));

    if (l.nanoCpus < 0 || (l.nanoCpus > 0 && l.nanoCpus < CgroupLimits::kMinNanoCpus))
        issues.error(RunField::Cpus,
                     RunForm::tr("The CPU limit must be at least 0.01, or 0 for no limit: the "
                                 "kernel's smallest quota is 1 ms in every 100 ms."));
    else if (host.hostCpus > 0 && l.nanoCpus > qint64(host.hostCpus) * 1'000'000'000)
        issues.error(RunField::Cpus,
                     RunForm::tr("The CPU limit (%1) is more than this host has (%2): choose at "
                                 "most %2.")
                         .arg(formatCpuCount(l.nanoCpus), QString::number(host.hostCpus)));

    if (l.pidsMax < -1)
        issues.error(RunField::Pids, RunForm::tr("The process limit must be a positive number, or "
                                                 "0 for no limit."));
    else if (l.pidsMax > CgroupLimits::kMaxPids)
        issues.error(RunField::Pids, RunForm::tr("The process limit can be at most 4194304 (the "
                                                 "kernel's maximum), or 0 for no limit."));

    // Whatever the rules above missed, the engine's own check still catches: its
    // message is English, but better than sending something the helper refuses.
    if (!issues.has(RunField::Memory) && !issues.has(RunField::Swap) &&
        !issues.has(RunField::Cpus) && !issues.has(RunField::Pids)) {
        if (auto st = validateCgroupLimits(l); !st)
            issues.error(RunField::Memory, QString::fromStdString(st.error().message));
    }
}

} // namespace

// ---------------------------------------------------------------- shell words

std::expected<QStringList, ShellSplitError> splitShellWords(const QString &text)
{
    QStringList words;
    QString word;
    bool inWord = false; // a word has started, even if empty so far ('' is a word)
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\'') {
            const qsizetype end = text.indexOf(u'\'', i + 1);
            if (end < 0)
                return std::unexpected(ShellSplitError::UnclosedSingleQuote);
            word += QStringView(text).sliced(i + 1, end - i - 1);
            i = end;
            inWord = true;
        } else if (c == u'"') {
            qsizetype j = i + 1;
            for (; j < text.size() && text[j] != u'"'; ++j) {
                // In double quotes a backslash only escapes what the shell would
                // otherwise treat specially; elsewhere it stays.
                if (text[j] == u'\\' && j + 1 < text.size() &&
                    QStringView(u"\\\"$`\n").contains(text[j + 1]))
                    ++j;
                word += text[j];
            }
            if (j >= text.size())
                return std::unexpected(ShellSplitError::UnclosedDoubleQuote);
            i = j;
            inWord = true;
        } else if (c == u'\\') {
            if (i + 1 >= text.size())
                return std::unexpected(ShellSplitError::TrailingBackslash);
            word += text[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words << word;
    return words;
}

QString quoteShellWord(const QString &word)
{
    if (word.isEmpty())
        return u"''"_s;
    static const QRegularExpression safe(u"^[A-Za-z0-9_@%+=:,./-]+\\z"_s);
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString joinShellWords(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &w : words)
        quoted << quoteShellWord(w);
    return quoted.join(u' ');
}

QString formatSizeFlag(qint64 bytes)
{
    if (bytes > 0 && bytes % GiB == 0)
        return QString::number(bytes / GiB) + u'g';
    if (bytes > 0 && bytes % MiB == 0)
        return QString::number(bytes / MiB) + u'm';
    if (bytes > 0 && bytes % KiB == 0)
        return QString::number(bytes / KiB) + u'k';
    return QString::number(bytes);
}

// ---------------------------------------------------------------- RunSpec

QVariantMap RunSpec::toDBusSpec() const
{
    // The same keys and types HelperBackend sends for `koker run` as a user, so the
    // GUI and the CLI create identical containers.
    QVariantMap spec{
        {u"image"_s, image},           {u"tty"_s, tty},         {u"interactive"_s, interactive},
        {u"autoRemove"_s, autoRemove}, {u"network"_s, network}, {u"privileged"_s, privileged}};
    if (!name.isEmpty())
        spec.insert(u"name"_s, name);
    if (!hostname.isEmpty())
        spec.insert(u"hostname"_s, hostname);
    if (!cmd.isEmpty())
        spec.insert(u"cmd"_s, cmd);
    if (entrypoint)
        spec.insert(u"entrypoint"_s, *entrypoint);
    if (!env.isEmpty())
        spec.insert(u"env"_s, env);
    if (!workingDir.isEmpty())
        spec.insert(u"workingDir"_s, workingDir);
    if (!user.isEmpty())
        spec.insert(u"user"_s, user);
    if (limits.memoryBytes)
        spec.insert(u"memory"_s, static_cast<qlonglong>(limits.memoryBytes));
    if (limits.memorySwapBytes)
        spec.insert(u"memorySwap"_s, static_cast<qlonglong>(limits.memorySwapBytes));
    if (limits.nanoCpus)
        spec.insert(u"nanoCpus"_s, static_cast<qlonglong>(limits.nanoCpus));
    if (limits.pidsMax)
        spec.insert(u"pidsLimit"_s, static_cast<qlonglong>(limits.pidsMax));
    QStringList portList;
    for (const PortMapping &p : ports)
        portList << (p.hostIp.isEmpty() ? QString() : p.hostIp + u':') +
                        QString::number(p.hostPort) + u':' + QString::number(p.containerPort) +
                        u'/' + p.protocol;
    if (!portList.isEmpty())
        spec.insert(u"ports"_s, portList);
    if (!capAdd.isEmpty())
        spec.insert(u"capAdd"_s, capAdd);
    if (!capDrop.isEmpty())
        spec.insert(u"capDrop"_s, capDrop);
    return spec;
}

QStringList RunSpec::volumeHostPaths() const
{
    QStringList out;
    for (const VolumeMount &v : volumes)
        out << v.source;
    return out;
}

QStringList RunSpec::volumeTargets() const
{
    QStringList out;
    for (const VolumeMount &v : volumes)
        out << v.target;
    return out;
}

KokerVolumeList RunSpec::toDBusVolumes(const QList<QDBusUnixFileDescriptor> &sources) const
{
    KokerVolumeList out;
    for (qsizetype i = 0; i < volumes.size() && i < sources.size(); ++i)
        out << KokerVolume{sources[i], volumes[i].target, volumes[i].readOnly};
    return out;
}

RunOptions RunSpec::toRunOptions() const
{
    RunOptions o;
    o.image = image;
    o.name = name;
    o.hostname = hostname;
    o.env = env;
    if (!workingDir.isEmpty())
        o.workingDir = workingDir;
    o.entrypoint = entrypoint;
    o.cmd = cmd;
    if (!user.isEmpty())
        o.user = user;
    o.tty = tty;
    o.interactive = interactive;
    o.autoRemove = autoRemove;
    o.limits = limits;
    o.network = network;
    o.ports = ports;
    o.volumes = volumes;
    o.privileged = privileged;
    o.capAdd = capAdd;
    o.capDrop = capDrop;
    return o;
}

QStringList RunSpec::commandArguments() const
{
    // The flags of `koker run` (src/cli/containerrun.cpp addRunFlags), in the order
    // `docker run --help` lists the common ones; tst_runspec parses them back with
    // the CLI's own parser.
    QStringList a;
    if (interactive && tty)
        a << u"-it"_s;
    else if (interactive)
        a << u"-i"_s;
    else if (tty)
        a << u"-t"_s;
    if (autoRemove)
        a << u"--rm"_s;
    if (stepThrough)
        a << u"--step"_s;
    if (!name.isEmpty())
        a << u"--name"_s << name;
    if (!hostname.isEmpty())
        a << u"-h"_s << hostname;
    for (const QString &e : env)
        a << u"-e"_s << e;
    if (!workingDir.isEmpty())
        a << u"-w"_s << workingDir;
    if (!user.isEmpty())
        a << u"-u"_s << user;
    if (entrypoint)
        a << u"--entrypoint"_s << (entrypoint->isEmpty() ? QString() : entrypoint->first());
    if (limits.memoryBytes)
        a << u"-m"_s << formatSizeFlag(limits.memoryBytes);
    if (limits.memorySwapBytes == -1)
        a << u"--memory-swap"_s << u"-1"_s;
    else if (limits.memorySwapBytes)
        a << u"--memory-swap"_s << formatSizeFlag(limits.memorySwapBytes);
    if (limits.nanoCpus)
        a << u"--cpus"_s << formatCpuCount(limits.nanoCpus);
    if (limits.pidsMax)
        a << u"--pids-limit"_s << QString::number(limits.pidsMax);
    if (network != u"bridge"_s)
        a << u"--network"_s << network;
    for (const PortMapping &p : ports)
        a << u"-p"_s
          << (p.hostIp.isEmpty() ? QString() : p.hostIp + u':') + QString::number(p.hostPort) +
                 u':' + QString::number(p.containerPort) +
                 (p.protocol == u"tcp"_s ? QString() : u'/' + p.protocol);
    for (const VolumeMount &v : volumes)
        a << u"-v"_s << v.source + u':' + v.target + (v.readOnly ? u":ro"_s : QString());
    if (privileged)
        a << u"--privileged"_s;
    for (const QString &c : capAdd)
        a << u"--cap-add"_s << c;
    for (const QString &c : capDrop)
        a << u"--cap-drop"_s << c;
    a << image;
    // A multi-word entrypoint's other words come first in cmd already (see the header).
    a << cmd;
    return a;
}

QString RunSpec::commandLine() const
{
    return u"koker run "_s + joinShellWords(commandArguments());
}

// ---------------------------------------------------------------- RunCheck

bool RunCheck::isValid() const
{
    return std::none_of(issues.cbegin(), issues.cend(),
                        [](const RunIssue &i) { return i.severity == RunIssue::Severity::Error; });
}

QStringList RunCheck::errorMessages() const
{
    QStringList out;
    for (const RunIssue &i : issues) {
        if (i.severity == RunIssue::Severity::Error)
            out << i.message;
    }
    return out;
}

QStringList RunCheck::warningMessages() const
{
    QStringList out;
    for (const RunIssue &i : issues) {
        if (i.severity == RunIssue::Severity::Warning)
            out << i.message;
    }
    return out;
}

// ---------------------------------------------------------------- RunForm

RunCheck RunForm::check(const HostInfo &host) const
{
    RunSpec spec;
    Issues issues;

    spec.image = image.trimmed();
    if (spec.image.isEmpty())
        issues.error(RunField::Image,
                     tr("Choose the image to run, for example alpine or starter:latest."));
    else if (!ImageReference::parse(spec.image))
        issues.error(RunField::Image, tr("“%1” is not an image name: use lowercase NAME[:TAG] or "
                                         "NAME@sha256:DIGEST, for example alpine:3.19.")
                                          .arg(spec.image));

    spec.name = name.trimmed();
    if (!spec.name.isEmpty() && !ContainerStore::validateName(spec.name))
        issues.error(RunField::Name,
                     tr("The name may contain only letters, digits, '_', '.' and '-', must "
                        "start with a letter or digit and be at most 128 characters long (or "
                        "leave it empty for a generated name)."));

    auto cmdWords = splitShellWords(command);
    if (!cmdWords)
        issues.error(RunField::Command, splitMessage(RunField::Command, cmdWords.error()));
    auto epWords = splitShellWords(entrypoint);
    if (!epWords) {
        issues.error(RunField::Entrypoint, splitMessage(RunField::Entrypoint, epWords.error()));
    } else if (!epWords->isEmpty()) {
        if (epWords->size() == 1 && epWords->first().isEmpty()) {
            // `--entrypoint ""`: no entrypoint, and Docker clears the image's cmd too.
            spec.entrypoint = QStringList{};
            if (cmdWords && cmdWords->isEmpty())
                issues.error(RunField::Command,
                             tr("Without an entrypoint the image's command is cleared too: "
                                "type the command to run."));
        } else if (epWords->first().isEmpty()) {
            issues.error(RunField::Entrypoint,
                         tr("The entrypoint's first word is empty: give the program to run, "
                            "or write just \"\" to run without an entrypoint."));
        } else {
            spec.entrypoint = QStringList{epWords->first()};
            spec.cmd = epWords->mid(1);
        }
    }
    if (cmdWords)
        spec.cmd += *cmdWords;

    QHash<QString, int> envRows;
    for (int row = 0; row < env.size(); ++row) {
        const QString key = env[row].name.trimmed();
        if (key.isEmpty() && env[row].value.isEmpty())
            continue; // a row just added and not filled in yet
        if (key.isEmpty()) {
            issues.error(RunField::Env,
                         tr("Environment row %1: the variable name is empty: type a name such "
                            "as GREETING, or remove the row.")
                             .arg(row + 1),
                         row, 0);
        } else if (!envNameRe().match(key).hasMatch()) {
            issues.error(RunField::Env,
                         tr("Environment row %1: “%2” is not a variable name: use letters, "
                            "digits, '_', '.' and '-', starting with a letter or '_'.")
                             .arg(QString::number(row + 1), key),
                         row, 0);
        } else if (auto it = envRows.constFind(key); it != envRows.cend()) {
            issues.error(RunField::Env,
                         tr("Environment row %1: %2 is already set in row %3: remove one of "
                            "them.")
                             .arg(QString::number(row + 1), key, QString::number(*it + 1)),
                         row, 0);
        } else {
            envRows.insert(key, row);
            spec.env << key + u'=' + env[row].value;
        }
    }

    spec.workingDir = workingDir.trimmed();
    if (!spec.workingDir.isEmpty() && !spec.workingDir.startsWith(u'/'))
        issues.error(RunField::WorkingDir,
                     tr("The working directory must be an absolute path in the container, "
                        "starting with / (or leave it empty for the image's)."));

    spec.user = user.trimmed();
    if (!spec.user.isEmpty() && !userRe().match(spec.user).hasMatch())
        issues.error(RunField::User,
                     tr("The user must be a name or a number, optionally with a group: root, "
                        "1000 or 1000:1000 (or leave it empty for the image's)."));

    spec.hostname = hostname.trimmed();
    if (!spec.hostname.isEmpty() && !hostnameRe().match(spec.hostname).hasMatch())
        issues.error(RunField::Hostname,
                     tr("The hostname may contain letters, digits, '-' and '.', must start and "
                        "end with a letter or digit and be at most 63 characters long."));

    spec.network = network.trimmed().isEmpty() ? u"bridge"_s : network.trimmed();
    if (!networkRe().match(spec.network).hasMatch())
        issues.error(RunField::Network, tr("“%1” is not a network name: choose bridge, none, "
                                           "host or one of your networks.")
                                            .arg(spec.network));

    QList<int> portRows; // the form row of each entry of spec.ports
    for (int row = 0; row < ports.size(); ++row) {
        const PortRow &p = ports[row];
        const QString ip = p.hostIp.trimmed();
        const auto container = parsePort(p.containerPort.trimmed());
        const QString hostText = p.hostPort.trimmed();
        const auto hostPort = hostText.isEmpty() ? container : parsePort(hostText);
        const QString protocol = p.protocol.trimmed().toLower();
        if (ip.isEmpty() && hostText.isEmpty() && p.containerPort.trimmed().isEmpty())
            continue;
        bool ok = true;
        if (!ip.isEmpty() && !ipv4Re().match(ip).hasMatch()) {
            issues.error(RunField::Ports,
                         tr("Port row %1: “%2” is not an IPv4 address: write one such as "
                            "127.0.0.1, or leave it empty to listen on all addresses.")
                             .arg(QString::number(row + 1), ip),
                         row, 0);
            ok = false;
        }
        if (!hostText.isEmpty() && !hostPort) {
            issues.error(RunField::Ports,
                         tr("Port row %1: the host port must be a number from 1 to 65535 (or "
                            "empty for the same as the container port).")
                             .arg(row + 1),
                         row, 1);
            ok = false;
        }
        if (!container) {
            issues.error(RunField::Ports,
                         tr("Port row %1: the container port must be a number from 1 to 65535.")
                             .arg(row + 1),
                         row, 2);
            ok = false;
        }
        if (protocol != u"tcp"_s && protocol != u"udp"_s) {
            issues.error(RunField::Ports,
                         tr("Port row %1: the protocol must be tcp or udp.").arg(row + 1), row, 3);
            ok = false;
        }
        if (!ok || !hostPort)
            continue;
        // Two rows cannot listen on the same host port and protocol (an empty
        // address means every address, so it clashes with any other).
        int clash = -1;
        for (int other = 0; other < spec.ports.size(); ++other) {
            const PortMapping &q = spec.ports[other];
            if (q.hostPort == *hostPort && q.protocol == protocol &&
                (q.hostIp.isEmpty() || ip.isEmpty() || q.hostIp == ip)) {
                clash = other;
                break;
            }
        }
        if (clash >= 0) {
            issues.error(RunField::Ports,
                         tr("Port row %1: host port %2/%3 is already published in row %4: "
                            "choose another host port.")
                             .arg(QString::number(row + 1), QString::number(*hostPort), protocol,
                                  QString::number(portRows[clash] + 1)),
                         row, 1);
            continue;
        }
        PortMapping m;
        m.hostIp = ip;
        m.hostPort = *hostPort;
        m.containerPort = *container;
        m.protocol = protocol;
        spec.ports << m;
        portRows << row;
    }
    if (!spec.ports.isEmpty() && spec.network == u"host"_s)
        issues.warning(RunField::Network,
                       tr("Published ports do nothing with the host network: the container "
                          "already uses the host's own ports."));
    else if (!spec.ports.isEmpty() && spec.network == u"none"_s)
        issues.warning(RunField::Network, tr("Published ports do nothing with the none network: "
                                             "the container has only a loopback interface."));

    QHash<QString, int> targets;
    for (int row = 0; row < volumes.size(); ++row) {
        const VolumeRow &v = volumes[row];
        const QString source = v.hostPath.trimmed();
        const QString target = v.containerPath.trimmed();
        if (source.isEmpty() && target.isEmpty())
            continue;
        bool ok = true;
        if (source.isEmpty()) {
            issues.error(RunField::Volumes,
                         tr("Volume row %1: choose a host folder (Browse…).").arg(row + 1), row, 0);
            ok = false;
        } else if (!source.startsWith(u'/')) {
            issues.error(RunField::Volumes,
                         tr("Volume row %1: the host folder must be an absolute path (starting "
                            "with /).")
                             .arg(row + 1),
                         row, 0);
            ok = false;
        } else if (source.contains(u':')) {
            issues.error(RunField::Volumes,
                         tr("Volume row %1: the host path contains ':', which koker run -v "
                            "cannot express: choose a folder without ':' in its path.")
                             .arg(row + 1),
                         row, 0);
            ok = false;
        }
        const QString cleanTarget = target.startsWith(u'/') ? QDir::cleanPath(target) : target;
        if (!target.startsWith(u'/') || cleanTarget == u"/"_s) {
            issues.error(RunField::Volumes,
                         tr("Volume row %1: the container path must be absolute (start with /) "
                            "and not / itself.")
                             .arg(row + 1),
                         row, 1);
            ok = false;
        } else if (target.contains(u':')) {
            issues.error(RunField::Volumes,
                         tr("Volume row %1: the container path must not contain ':'.").arg(row + 1),
                         row, 1);
            ok = false;
        } else if (auto it = targets.constFind(cleanTarget); it != targets.cend()) {
            issues.error(RunField::Volumes,
                         tr("Volume row %1: %2 is already mounted by row %3: choose another "
                            "container path.")
                             .arg(QString::number(row + 1), cleanTarget, QString::number(*it + 1)),
                         row, 1);
            ok = false;
        } else {
            targets.insert(cleanTarget, row);
        }
        if (!ok)
            continue;
        // VolumeMount::parse is what the CLI runs on `-v`: the spec holds exactly
        // what the command line gives back (cleaned paths).
        auto parsed = VolumeMount::parse(source + u':' + target + (v.readOnly ? u":ro"_s : u""_s));
        if (!parsed) {
            issues.error(RunField::Volumes, QString::fromStdString(parsed.error().message), row);
            continue;
        }
        spec.volumes << *parsed;
    }

    checkLimits(*this, host, spec, issues);

    spec.tty = tty;
    spec.interactive = interactive;
    spec.autoRemove = autoRemove;
    spec.stepThrough = stepThrough;
    spec.privileged = privileged;
    if (privileged)
        issues.warning(RunField::Privileged,
                       tr("Privileged: the container gets every capability and no seccomp "
                          "filter, so it can change the host. Use it only for experiments."));

    const std::pair<RunField, const QString *> capFields[] = {{RunField::CapAdd, &capAdd},
                                                              {RunField::CapDrop, &capDrop}};
    for (const auto &[field, text] : capFields) {
        QStringList &out = field == RunField::CapAdd ? spec.capAdd : spec.capDrop;
        for (const QString &cap : splitCapabilities(*text)) {
            if (!isCapability(cap)) {
                issues.error(field, tr("“%1” is not a Linux capability: use names like NET_ADMIN "
                                       "or SYS_TIME (the CAP_ prefix is optional), or ALL.")
                                        .arg(cap));
                continue;
            }
            out << cap;
        }
    }

    return RunCheck{std::move(spec), issues.take()};
}

RunForm RunForm::fromSpec(const RunSpec &spec)
{
    RunForm f;
    f.image = spec.image;
    f.name = spec.name;
    f.hostname = spec.hostname;
    if (spec.entrypoint)
        f.entrypoint = spec.entrypoint->isEmpty() ? u"\"\""_s : joinShellWords(*spec.entrypoint);
    f.command = joinShellWords(spec.cmd);
    for (const QString &e : spec.env) {
        const qsizetype eq = e.indexOf(u'=');
        f.env << EnvRow{eq < 0 ? e : e.left(eq), eq < 0 ? QString() : e.mid(eq + 1)};
    }
    f.workingDir = spec.workingDir;
    f.user = spec.user;
    f.network = spec.network;
    for (const PortMapping &p : spec.ports)
        f.ports << PortRow{p.hostIp, QString::number(p.hostPort), QString::number(p.containerPort),
                           p.protocol};
    for (const VolumeMount &v : spec.volumes)
        f.volumes << VolumeRow{v.source, v.target, v.readOnly};
    f.tty = spec.tty;
    f.interactive = spec.interactive;
    f.autoRemove = spec.autoRemove;
    f.stepThrough = spec.stepThrough;
    f.privileged = spec.privileged;
    f.capAdd = spec.capAdd.join(u' ');
    f.capDrop = spec.capDrop.join(u' ');
    f.memoryBytes = spec.limits.memoryBytes;
    f.memorySwapBytes = spec.limits.memorySwapBytes;
    f.nanoCpus = spec.limits.nanoCpus;
    f.pidsLimit = spec.limits.pidsMax;
    return f;
}

// ---------------------------------------------------------------- cgroup preview

QString CgroupPreview::text() const
{
    return writes.isEmpty() ? note : writes.join(u'\n');
}

QString cgroupModeDescription(CgroupMode mode)
{
    switch (mode) {
    case CgroupMode::Legacy:
        return RunForm::tr("cgroup v1 (legacy)");
    case CgroupMode::Hybrid:
        return RunForm::tr("cgroup v1 + v2 (hybrid: limits use the v1 files)");
    case CgroupMode::Unified:
        return RunForm::tr("cgroup v2 (unified)");
    }
    return {};
}

CgroupPreview cgroupPreview(const CgroupLimits &limits, LimitKind kind, const HostInfo &host)
{
    // Only the fields of this limit go into the mapping, so one bad slider does not
    // blank the previews of the others (Swap needs Memory: its rules involve both).
    CgroupLimits only;
    const char *key = "";
    switch (kind) {
    case LimitKind::Memory:
        only.memoryBytes = limits.memoryBytes;
        key = "cgroup.limit.memory";
        break;
    case LimitKind::Swap:
        only.memoryBytes = limits.memoryBytes;
        only.memorySwapBytes = limits.memorySwapBytes;
        key = host.cgroupMode == CgroupMode::Unified ? "cgroup.limit.swap" : "cgroup.limit.memsw";
        break;
    case LimitKind::Cpus:
        only.nanoCpus = limits.nanoCpus;
        key = "cgroup.limit.cpu";
        break;
    case LimitKind::Pids:
        only.pidsMax = limits.pidsMax;
        key = "cgroup.limit.pids";
        break;
    }

    CgroupPreview preview;
    const QString modeLine =
        host.known ? RunForm::tr("On this host (%1):").arg(cgroupModeDescription(host.cgroupMode))
                   : RunForm::tr("The helper has not told the host's cgroup mode yet; "
                                 "assuming %1:")
                         .arg(cgroupModeDescription(host.cgroupMode));
    CgroupLimitOptions options;
    options.swapAccounting = host.swapAccounting;
    options.hostCpus = host.hostCpus;
    auto plan = mapCgroupLimits(only, host.cgroupMode, options);
    if (!plan) {
        preview.note = RunForm::tr("nothing can be written until the value is fixed");
        preview.toolTip = modeLine + u'\n' + preview.note;
        return preview;
    }
    std::vector<CgroupWrite> writes;
    for (const CgroupWrite &w : plan->writes) {
        if (w.key == key)
            writes.push_back(w);
    }
    auto arrow = [](const CgroupWrite &w) -> QString {
        return QString::fromStdString(w.file) + u" ← "_s + QString::fromStdString(w.value);
    };
    QStringList detail;
    for (const CgroupWrite &w : writes)
        detail << arrow(w) + u"  ("_s + QString::fromStdString(w.title) + u')';

    if (kind == LimitKind::Cpus && writes.size() == 2) {
        // v1 writes the period, then the quota: shown as one line, the quota with
        // its period, since the quota is the number that changes.
        preview.writes << QString::fromStdString(writes[1].file) + u" ← "_s +
                              QString::fromStdString(writes[1].value) + u" (period "_s +
                              QString::fromStdString(writes[0].value) + u')';
    } else {
        for (const CgroupWrite &w : writes)
            preview.writes << arrow(w);
    }

    if (writes.empty()) {
        bool skipped = false;
        for (const CgroupWrite &w : plan->skipped) {
            if (w.key == key) {
                skipped = true;
                preview.note = RunForm::tr("%1 is not written: this kernel does not account "
                                           "swap (boot with swapaccount=1)")
                                   .arg(QString::fromStdString(w.file));
            }
        }
        if (!skipped) {
            if (kind == LimitKind::Swap && limits.memoryBytes == 0)
                preview.note = RunForm::tr("nothing is written: swap is limited only together "
                                           "with memory");
            else
                preview.note = RunForm::tr("no limit: nothing is written");
        }
    }
    preview.toolTip = modeLine + u'\n' + (detail.isEmpty() ? preview.note : detail.join(u'\n'));
    return preview;
}

} // namespace koker::studio
