#include "registryauth.h"

#include "engine/registriesconfig.h"
#include "runtime/filelock.h"
#include "runtime/fsutil.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <unistd.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

const QString kAuths = u"auths"_s;
const QString kDockerHub = u"docker.io"_s;

std::string localPath(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

// The file as a JSON object; a missing file is an empty object.
Result<QJsonObject> readConfig(const QString &path)
{
    auto text = fs::readFile(localPath(path), RegistryAuth::kMaxFileSize);
    if (!text) {
        if (text.error().code == ErrorCode::NotFound)
            return QJsonObject{};
        if (text.error().code == ErrorCode::LimitExceeded || text.error().sysErrno == EFBIG)
            return fail(ErrorCode::LimitExceeded,
                        "credentials file " + path.toStdString() + " is larger than 1 MiB");
        return std::unexpected(
            withContext(text.error(), "read credentials file " + path.toStdString()));
    }
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(text->data(), static_cast<qsizetype>(text->size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::Corrupt, "credentials file " + path.toStdString() +
                                            " is not a JSON object (" +
                                            error.errorString().toStdString() +
                                            "); fix or delete it and run koker login again");
    QJsonObject root = doc.object();
    if (root.contains(kAuths) && !root.value(kAuths).isObject())
        return fail(ErrorCode::Corrupt,
                    "credentials file " + path.toStdString() + ": \"auths\" is not an object");
    return root;
}

Result<RegistryAuth::Credentials> decodeEntry(const QString &path, const QString &key,
                                              const QJsonValue &value)
{
    auto bad = [&](const std::string &why) {
        return fail(ErrorCode::Corrupt, "credentials file " + path.toStdString() +
                                            ": the entry for " + key.left(100).toStdString() + " " +
                                            why + "; run koker login " +
                                            key.left(100).toStdString() + " again");
    };
    if (!value.isObject())
        return bad("is not an object");
    QJsonObject entry = value.toObject();
    RegistryAuth::Credentials c;
    if (entry.value(u"auth"_s).isString() && !entry.value(u"auth"_s).toString().isEmpty()) {
        auto decoded = QByteArray::fromBase64Encoding(entry.value(u"auth"_s).toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return bad("has an \"auth\" value that is not base64");
        // user:password, split at the first colon (a password may contain colons).
        qsizetype colon = decoded.decoded.indexOf(':');
        if (colon <= 0)
            return bad("has an \"auth\" value that is not base64(user:password)");
        c.username = QString::fromUtf8(decoded.decoded.left(colon));
        c.password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
    } else if (entry.value(u"username"_s).isString()) {
        // Some tools write the two fields instead of "auth".
        c.username = entry.value(u"username"_s).toString();
        c.password = entry.value(u"password"_s).toString();
    } else {
        return bad("has neither \"auth\" nor \"username\"");
    }
    if (auto st = RegistryAuth::validate(c); !st)
        return bad("is invalid (" + st.error().message + ")");
    return c;
}

// Run `change` on the parsed file under a lock, then write it back atomically.
template <class Change>
Status updateConfig(const QString &path, Change change)
{
    QString dir = QFileInfo(path).absolutePath();
    if (auto st = fs::makeDirectories(localPath(dir), 0700); !st)
        return std::unexpected(withContext(st.error(), "create " + dir.toStdString()));
    // Two `koker login` at once must not lose one of the updates.
    auto lock = FileLock::acquire(localPath(path + u".lock"_s));
    if (!lock)
        return std::unexpected(withContext(lock.error(), "lock " + path.toStdString()));
    auto root = readConfig(path);
    if (!root)
        return std::unexpected(root.error());
    QJsonObject auths = root->value(kAuths).toObject();
    if (!change(auths))
        return {};
    root->insert(kAuths, auths);
    QByteArray data = QJsonDocument(*root).toJson(QJsonDocument::Indented);
    return fs::writeFileAtomic(localPath(path), std::string_view(data.constData(), data.size()),
                               0600);
}

} // namespace

RegistryAuth::RegistryAuth(QString path)
    : m_path(std::move(path))
{}

QString RegistryAuth::defaultPath()
{
    if (::geteuid() == 0)
        return u"/etc/koker/auth.json"_s;
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || !QDir::isAbsolutePath(config))
        config = QDir::homePath() + u"/.config"_s;
    return config + u"/koker/auth.json"_s;
}

bool RegistryAuth::isDockerHub(const QString &registry)
{
    return normalizeRegistry(registry) == kDockerHub;
}

QString RegistryAuth::normalizeRegistry(const QString &registry)
{
    QString r = registry.trimmed();
    // Docker writes Docker Hub as "https://index.docker.io/v1/"; users paste URLs.
    for (const QString &scheme : {u"https://"_s, u"http://"_s}) {
        if (r.startsWith(scheme, Qt::CaseInsensitive)) {
            r = r.mid(scheme.size());
            break;
        }
    }
    if (qsizetype slash = r.indexOf(u'/'); slash >= 0)
        r = r.left(slash);
    r = RegistriesConfig::normalize(r);
    if (r == u"docker.io"_s || r == u"index.docker.io"_s || r == u"registry-1.docker.io"_s ||
        r == u"registry.hub.docker.com"_s)
        return kDockerHub;
    return r;
}

Status RegistryAuth::validate(const Credentials &credentials)
{
    if (credentials.username.isEmpty())
        return fail(ErrorCode::InvalidArgument, "the username is empty");
    if (credentials.username.contains(u':'))
        return fail(ErrorCode::InvalidArgument, "a username cannot contain ':'");
    if (credentials.username.size() > 1024 || credentials.password.size() > 16384)
        return fail(ErrorCode::InvalidArgument, "the username or password is too long");
    auto hasControl = [](const QString &s) {
        return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 0x20; });
    };
    if (hasControl(credentials.username) || hasControl(credentials.password))
        return fail(ErrorCode::InvalidArgument,
                    "the username or password contains a control character");
    return {};
}

Result<std::optional<RegistryAuth::Credentials>> RegistryAuth::find(const QString &registry) const
{
    const QString key = normalizeRegistry(registry);
    if (key.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    "\"" + registry.left(100).toStdString() + "\" is not a registry host");
    auto root = readConfig(m_path);
    if (!root)
        return std::unexpected(root.error());
    const QJsonObject auths = root->value(kAuths).toObject();
    // Prefer the exact normalised key, then any alias (a file written by Docker).
    if (auths.contains(key))
        return decodeEntry(m_path, key, auths.value(key));
    for (auto it = auths.constBegin(); it != auths.constEnd(); ++it) {
        if (normalizeRegistry(it.key()) == key)
            return decodeEntry(m_path, key, it.value());
    }
    return std::optional<Credentials>{};
}

Status RegistryAuth::store(const QString &registry, const Credentials &credentials) const
{
    const QString key = normalizeRegistry(registry);
    if (key.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    "\"" + registry.left(100).toStdString() + "\" is not a registry host");
    if (auto st = validate(credentials); !st)
        return st;
    return updateConfig(m_path, [&](QJsonObject &auths) {
        for (const QString &other : auths.keys()) {
            if (normalizeRegistry(other) == key)
                auths.remove(other);
        }
        QByteArray pair = credentials.username.toUtf8() + ':' + credentials.password.toUtf8();
        auths.insert(key, QJsonObject{{u"auth"_s, QString::fromLatin1(pair.toBase64())}});
        return true;
    });
}

Result<bool> RegistryAuth::remove(const QString &registry) const
{
    const QString key = normalizeRegistry(registry);
    if (key.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    "\"" + registry.left(100).toStdString() + "\" is not a registry host");
    if (!QFileInfo::exists(m_path))
        return false;
    bool removed = false;
    auto st = updateConfig(m_path, [&](QJsonObject &auths) {
        for (const QString &other : auths.keys()) {
            if (normalizeRegistry(other) == key) {
                auths.remove(other);
                removed = true;
            }
        }
        return removed;
    });
    if (!st)
        return std::unexpected(st.error());
    return removed;
}

Result<QStringList> RegistryAuth::registries() const
{
    auto root = readConfig(m_path);
    if (!root)
        return std::unexpected(root.error());
    QStringList out;
    const QJsonObject auths = root->value(kAuths).toObject();
    for (auto it = auths.constBegin(); it != auths.constEnd(); ++it) {
        QString key = normalizeRegistry(it.key());
        if (!key.isEmpty() && !out.contains(key))
            out.append(key);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace koker
