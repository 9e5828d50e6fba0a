#include "specparser.h"

#include "engine/containerstore.h"

#include <QtCore/QRegularExpression>
#include <QtDBus/QDBusArgument>

using namespace Qt::Literals::StringLiterals;

namespace koker::helper {

namespace {

std::unexpected<Error> invalid(const QString &text)
{
    return fail(ErrorCode::InvalidArgument, text.toStdString());
}

bool hasControlChars(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// D-Bus hands us variants: check the signature the caller used, not what Qt
// could coerce it into (a string "1" is not a boolean).
bool hasType(const QVariant &v, const QString &signature)
{
    switch (v.metaType().id()) {
    case QMetaType::Bool:
        return signature == u"b"_s;
    case QMetaType::QString:
        return signature == u"s"_s;
    case QMetaType::QStringList:
        return signature == u"as"_s;
    case QMetaType::LongLong:
        return signature == u"x"_s;
    case QMetaType::UShort:
        return signature == u"q"_s;
    case QMetaType::UInt:
        return signature == u"u"_s;
    case QMetaType::Int:
        return signature == u"i"_s;
    default:
        break;
    }
    // An empty "as" arrives as a QDBusArgument when the sender's type was not known.
    if (v.canConvert<QDBusArgument>() && signature == u"as"_s) {
        return v.value<QDBusArgument>().currentSignature() == u"as"_s;
    }
    return false;
}

QStringList stringList(const QVariant &v)
{
    if (v.metaType().id() == QMetaType::QStringList)
        return v.toStringList();
    QStringList out;
    if (v.canConvert<QDBusArgument>())
        v.value<QDBusArgument>() >> out;
    return out;
}

Status checkString(const QString &what, const QString &s, qsizetype max, qsizetype &total)
{
    if (s.size() > max)
        return invalid(what + u" is longer than "_s + QString::number(max) + u" characters"_s);
    if (s.contains(QChar(0)))
        return invalid(what + u" contains a NUL character"_s);
    total += s.size();
    if (total > kMaxSpecBytes)
        return invalid(u"the request is larger than 1 MiB"_s);
    return {};
}

Status checkList(const QString &what, const QStringList &list, qsizetype maxEach,
                 qsizetype maxCount, qsizetype &total)
{
    if (list.size() > maxCount)
        return invalid(what + u" has more than "_s + QString::number(maxCount) + u" entries"_s);
    for (const QString &s : list) {
        if (auto st = checkString(what, s, maxEach, total); !st)
            return st;
    }
    return {};
}

const QMap<QString, QString> kContainerSpecKeys = {
    {u"image"_s, u"s"_s},       {u"name"_s, u"s"_s},        {u"hostname"_s, u"s"_s},
    {u"cmd"_s, u"as"_s},        {u"entrypoint"_s, u"as"_s}, {u"env"_s, u"as"_s},
    {u"workingDir"_s, u"s"_s},  {u"user"_s, u"s"_s},        {u"tty"_s, u"b"_s},
    {u"interactive"_s, u"b"_s}, {u"autoRemove"_s, u"b"_s},  {u"memory"_s, u"x"_s},
    {u"memorySwap"_s, u"x"_s},  {u"nanoCpus"_s, u"x"_s},    {u"pidsLimit"_s, u"x"_s},
    {u"network"_s, u"s"_s},     {u"ports"_s, u"as"_s},      {u"privileged"_s, u"b"_s},
    {u"capAdd"_s, u"as"_s},     {u"capDrop"_s, u"as"_s},
};

const QMap<QString, QString> kExecSpecKeys = {
    {u"cmd"_s, u"as"_s}, {u"env"_s, u"as"_s},        {u"workingDir"_s, u"s"_s}, {u"user"_s, u"s"_s},
    {u"tty"_s, u"b"_s},  {u"interactive"_s, u"b"_s}, {u"rows"_s, u"q"_s},       {u"cols"_s, u"q"_s},
};

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

const QRegularExpression &envKeyRe()
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_.-]{0,255}=.*\\z"_s,
                                       QRegularExpression::DotMatchesEverythingOption);
    return re;
}

} // namespace

Status checkOptions(const QVariantMap &options, const QMap<QString, QString> &allowed)
{
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        auto want = allowed.find(it.key());
        if (want == allowed.end())
            return invalid(u"unknown option \""_s + it.key().left(64) + u'"');
        if (!hasType(it.value(), *want))
            return invalid(u"option \""_s + it.key() + u"\" must be of type "_s + *want);
    }
    return {};
}

Status checkName(const QString &what, const QString &value)
{
    if (value.isEmpty())
        return invalid(what + u" is empty"_s);
    if (value.size() > kMaxName)
        return invalid(what + u" is longer than "_s + QString::number(kMaxName) + u" characters"_s);
    if (hasControlChars(value))
        return invalid(what + u" contains control characters"_s);
    return {};
}

Result<RunOptions> parseContainerSpec(const QVariantMap &spec)
{
    if (auto st = checkOptions(spec, kContainerSpecKeys); !st)
        return std::unexpected(st.error());
    RunOptions o;
    qsizetype total = 0;
    o.image = spec.value(u"image"_s).toString();
    if (auto st = checkName(u"image"_s, o.image); !st)
        return std::unexpected(st.error());
    o.name = spec.value(u"name"_s).toString();
    if (!o.name.isEmpty()) {
        if (auto st = ContainerStore::validateName(o.name); !st)
            return std::unexpected(st.error());
    }
    o.hostname = spec.value(u"hostname"_s).toString();
    if (!o.hostname.isEmpty() && !hostnameRe().match(o.hostname).hasMatch())
        return invalid(u"invalid hostname \""_s + o.hostname.left(64) + u'"');
    o.cmd = stringList(spec.value(u"cmd"_s));
    if (auto st = checkList(u"cmd"_s, o.cmd, kMaxString, 4096, total); !st)
        return std::unexpected(st.error());
    if (spec.contains(u"entrypoint"_s)) {
        QStringList ep = stringList(spec.value(u"entrypoint"_s));
        if (auto st = checkList(u"entrypoint"_s, ep, kMaxString, 256, total); !st)
            return std::unexpected(st.error());
        o.entrypoint = ep;
    }
    o.env = stringList(spec.value(u"env"_s));
    if (auto st = checkList(u"env"_s, o.env, kMaxString, 4096, total); !st)
        return std::unexpected(st.error());
    for (const QString &e : std::as_const(o.env)) {
        // Over the bus there is no caller environment to take a bare NAME from.
        if (!envKeyRe().match(e).hasMatch())
            return invalid(u"env entries must be KEY=VALUE: \""_s + e.left(64) + u'"');
    }
    if (spec.contains(u"workingDir"_s)) {
        QString wd = spec.value(u"workingDir"_s).toString();
        if (auto st = checkString(u"workingDir"_s, wd, 4096, total); !st)
            return std::unexpected(st.error());
        if (!wd.startsWith(u'/'))
            return invalid(u"workingDir must be an absolute path"_s);
        o.workingDir = wd;
    }
    if (spec.contains(u"user"_s)) {
        QString user = spec.value(u"user"_s).toString();
        if (!user.isEmpty() && !userRe().match(user).hasMatch())
            return invalid(u"invalid user \""_s + user.left(64) + u'"');
        o.user = user;
    }
    o.tty = spec.value(u"tty"_s).toBool();
    o.interactive = spec.value(u"interactive"_s).toBool();
    o.autoRemove = spec.value(u"autoRemove"_s).toBool();
    o.limits.memoryBytes = spec.value(u"memory"_s).toLongLong();
    o.limits.memorySwapBytes = spec.value(u"memorySwap"_s).toLongLong();
    o.limits.nanoCpus = spec.value(u"nanoCpus"_s).toLongLong();
    o.limits.pidsMax = spec.value(u"pidsLimit"_s).toLongLong();
    if (o.limits.memoryBytes < 0 || o.limits.nanoCpus < 0 || o.limits.memorySwapBytes < -1 ||
        o.limits.pidsMax < -1)
        return invalid(u"limits must not be negative (-1 means unlimited swap or pids)"_s);
    if (auto st = validateCgroupLimits(o.limits); !st)
        return std::unexpected(st.error());
    o.network = spec.value(u"network"_s, u"bridge"_s).toString();
    if (!networkRe().match(o.network).hasMatch())
        return invalid(u"invalid network name \""_s + o.network.left(64) + u'"');
    const QStringList ports = stringList(spec.value(u"ports"_s));
    if (auto st = checkList(u"ports"_s, ports, 64, 256, total); !st)
        return std::unexpected(st.error());
    for (const QString &p : ports) {
        auto m = PortMapping::parse(p);
        if (!m)
            return std::unexpected(m.error());
        o.ports << *m;
    }
    o.privileged = spec.value(u"privileged"_s).toBool();
    o.capAdd = stringList(spec.value(u"capAdd"_s));
    o.capDrop = stringList(spec.value(u"capDrop"_s));
    if (auto st = checkList(u"capAdd"_s, o.capAdd, 64, 64, total); !st)
        return std::unexpected(st.error());
    if (auto st = checkList(u"capDrop"_s, o.capDrop, 64, 64, total); !st)
        return std::unexpected(st.error());
    if (auto caps = applyCapabilityChanges(0, o.capAdd, o.capDrop); !caps)
        return std::unexpected(caps.error());
    return o;
}

Result<ExecOptions> parseExecSpec(const QVariantMap &spec)
{
    if (auto st = checkOptions(spec, kExecSpecKeys); !st)
        return std::unexpected(st.error());
    ExecOptions o;
    qsizetype total = 0;
    o.args = stringList(spec.value(u"cmd"_s));
    if (o.args.isEmpty())
        return invalid(u"exec needs a command (cmd)"_s);
    if (auto st = checkList(u"cmd"_s, o.args, kMaxString, 4096, total); !st)
        return std::unexpected(st.error());
    o.env = stringList(spec.value(u"env"_s));
    if (auto st = checkList(u"env"_s, o.env, kMaxString, 4096, total); !st)
        return std::unexpected(st.error());
    for (const QString &e : std::as_const(o.env)) {
        if (!envKeyRe().match(e).hasMatch())
            return invalid(u"env entries must be KEY=VALUE: \""_s + e.left(64) + u'"');
    }
    if (spec.contains(u"workingDir"_s)) {
        QString wd = spec.value(u"workingDir"_s).toString();
        if (auto st = checkString(u"workingDir"_s, wd, 4096, total); !st)
            return std::unexpected(st.error());
        if (!wd.startsWith(u'/'))
            return invalid(u"workingDir must be an absolute path"_s);
        o.workingDir = wd;
    }
    if (spec.contains(u"user"_s)) {
        QString user = spec.value(u"user"_s).toString();
        if (!user.isEmpty() && !userRe().match(user).hasMatch())
            return invalid(u"invalid user \""_s + user.left(64) + u'"');
        o.user = user;
    }
    o.tty = spec.value(u"tty"_s).toBool();
    o.interactive = spec.value(u"interactive"_s).toBool();
    if (spec.contains(u"rows"_s))
        o.rows = static_cast<uint16_t>(spec.value(u"rows"_s).toUInt());
    if (spec.contains(u"cols"_s))
        o.cols = static_cast<uint16_t>(spec.value(u"cols"_s).toUInt());
    if (o.rows == 0 || o.cols == 0 || o.rows > 1000 || o.cols > 1000)
        return invalid(u"rows and cols must be 1-1000"_s);
    return o;
}

} // namespace koker::helper
