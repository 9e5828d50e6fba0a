#include "registriesconfig.h"

#include "runtime/fsutil.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QHostAddress>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

struct HostPort
{
    QString host; // without brackets for IPv6
    int port = -1;
};

// The registry part of an image name: a domain or a bracketed IPv6 address, and an
// optional port; the same grammar as ImageReference.
const QRegularExpression &registryRe()
{
    static const QRegularExpression re(
        u"^(?:(?<name>(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
        u"(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*)"
        u"|\\[(?<ipv6>[a-fA-F0-9:.]+)\\])(?::(?<port>[0-9]{1,5}))?$"_s);
    return re;
}

std::optional<HostPort> splitRegistry(const QString &registry)
{
    if (registry.size() > 255)
        return std::nullopt;
    auto m = registryRe().match(registry);
    if (!m.hasMatch())
        return std::nullopt;
    HostPort hp;
    hp.host = m.captured(u"name"_s);
    if (hp.host.isEmpty())
        hp.host = m.captured(u"ipv6"_s);
    if (m.hasCaptured(u"port"_s)) {
        bool ok = false;
        int port = m.captured(u"port"_s).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return std::nullopt;
        hp.port = port;
    }
    hp.host = hp.host.toLower();
    return hp;
}

bool isPrivateAddress(const QHostAddress &a)
{
    if (a.isLoopback() || a.isLinkLocal() || a.isUniqueLocalUnicast() || a.isSiteLocal())
        return true;
    bool ok = false;
    quint32 v4 = a.toIPv4Address(&ok);
    if (!ok)
        return false;
    return (v4 >> 24) == 10 || (v4 >> 20) == ((172u << 4) | 1u) ||
           (v4 >> 16) == ((192u << 8) | 168u) ||
           (v4 >> 22) == ((100u << 2) | 1u); // 10/8, 172.16/12, 192.168/16, 100.64/10 (CGNAT)
}

// A value of the tiny TOML subset: true/false only (the one key is a boolean).
std::optional<bool> parseBool(const QString &text)
{
    if (text == u"true"_s)
        return true;
    if (text == u"false"_s)
        return false;
    return std::nullopt;
}

// Strip a trailing comment that is not inside a quoted string.
QString stripComment(const QString &line)
{
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        QChar c = line[i];
        if (c == u'"')
            quoted = !quoted;
        else if (c == u'#' && !quoted)
            return line.left(i);
    }
    return line;
}

} // namespace

QString RegistriesConfig::defaultPath()
{
    return u"/etc/koker/registries.conf"_s;
}

QString RegistriesConfig::normalize(const QString &registry)
{
    auto hp = splitRegistry(registry);
    if (!hp)
        return {};
    QString host = hp->host.contains(u':') ? u'[' + hp->host + u']' : hp->host;
    return hp->port >= 0 ? host + u':' + QString::number(hp->port) : host;
}

Result<RegistriesConfig> RegistriesConfig::load(const QString &path)
{
    auto text = fs::readFile(QFile::encodeName(path).toStdString(), kMaxFileSize);
    if (!text) {
        if (text.error().code == ErrorCode::NotFound)
            return RegistriesConfig{};
        return std::unexpected(withContext(text.error(), "read " + path.toStdString()));
    }
    return parse(QByteArrayView(text->data(), static_cast<qsizetype>(text->size())), path);
}

Result<RegistriesConfig> RegistriesConfig::parse(QByteArrayView text, const QString &origin)
{
    const std::string where = origin.isEmpty() ? "registries.conf" : origin.toStdString();
    if (text.size() > kMaxFileSize)
        return fail(ErrorCode::LimitExceeded,
                    where + " is larger than " + std::to_string(kMaxFileSize) + " bytes");
    static const QRegularExpression tableRe(u"^\\[\\s*registry\\.\"([^\"\\\\]*)\"\\s*\\]$"_s);
    static const QRegularExpression keyValueRe(u"^([A-Za-z0-9_-]+)\\s*=\\s*(.*)$"_s);

    RegistriesConfig config;
    QString current; // the registry of the table we are in
    QSet<QString> keysInTable;
    QSet<QString> tablesSeen;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        auto bad = [&](const std::string &why) {
            return fail(ErrorCode::InvalidArgument,
                        where + " line " + std::to_string(n + 1) + ": " + why);
        };
        QString line = stripComment(lines[n]).trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'[')) {
            auto m = tableRe.match(line);
            if (!m.hasMatch())
                return bad("expected a table header like [registry.\"host:port\"]");
            QString registry = normalize(m.captured(1));
            if (registry.isEmpty())
                return bad("\"" + m.captured(1).left(100).toStdString() +
                           "\" is not a registry host (host or host:port)");
            if (tablesSeen.contains(registry))
                return bad("registry \"" + registry.toStdString() + "\" is configured twice");
            tablesSeen.insert(registry);
            current = registry;
            keysInTable.clear();
            continue;
        }
        auto m = keyValueRe.match(line);
        if (!m.hasMatch())
            return bad("expected key = value");
        if (current.isEmpty())
            return bad("a key outside of a [registry.\"...\"] table");
        QString key = m.captured(1);
        QString value = m.captured(2).trimmed();
        if (keysInTable.contains(key))
            return bad("key \"" + key.toStdString() + "\" given twice");
        keysInTable.insert(key);
        if (key == u"insecure"_s) {
            auto b = parseBool(value);
            if (!b)
                return bad("insecure must be true or false");
            if (*b)
                config.m_insecure.insert(current);
            else
                config.m_insecure.remove(current);
        } else {
            // Strict on purpose: a misspelt "insecure" silently ignored would leave a
            // student wondering why the setting has no effect.
            return bad("unknown key \"" + key.left(100).toStdString() +
                       "\" (the only key is \"insecure\")");
        }
    }
    return config;
}

bool RegistriesConfig::isInsecure(const QString &registry) const
{
    QString key = normalize(registry);
    return !key.isEmpty() && m_insecure.contains(key);
}

QStringList RegistriesConfig::insecureRegistries() const
{
    QStringList list(m_insecure.cbegin(), m_insecure.cend());
    std::sort(list.begin(), list.end());
    return list;
}

Status RegistriesConfig::setInsecure(const QString &registry, bool insecure)
{
    QString key = normalize(registry);
    if (key.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    "\"" + registry.left(100).toStdString() + "\" is not a registry host");
    if (insecure)
        m_insecure.insert(key);
    else
        m_insecure.remove(key);
    return {};
}

bool RegistriesConfig::allowsPlainHttp(const QString &registry) const
{
    return isLoopback(registry) || isInsecure(registry);
}

bool RegistriesConfig::isLoopback(const QString &registry)
{
    auto hp = splitRegistry(registry);
    if (!hp)
        return false;
    if (hp->host == u"localhost"_s)
        return true;
    QHostAddress address;
    return address.setAddress(hp->host) && address.isLoopback();
}

bool RegistriesConfig::looksSelfHosted(const QString &registry)
{
    auto hp = splitRegistry(registry);
    if (!hp)
        return false;
    if (isLoopback(registry))
        return true;
    QHostAddress address;
    if (address.setAddress(hp->host))
        return isPrivateAddress(address) || (hp->port >= 0 && hp->port != 443);
    if (!hp->host.contains(u'.'))
        return true;
    static const QStringList privateSuffixes = {u".local"_s,     u".lan"_s,  u".internal"_s,
                                                u".home.arpa"_s, u".home"_s, u".localdomain"_s,
                                                u".test"_s,      u".corp"_s};
    for (const QString &suffix : privateSuffixes) {
        if (hp->host.endsWith(suffix))
            return true;
    }
    return hp->port >= 0 && hp->port != 443;
}

} // namespace koker
