#pragma once

// The credentials store: `koker login` saves a username and password per registry,
// pulls read them back. The file has Docker's config.json shape, so a student's
// ~/.docker/config.json entries can be copied over as they are:
//
//   {"auths": {"docker.io": {"auth": "<base64 of user:password>"}}}
//
// Every write is atomic (temp file, fsync, rename) and leaves the file mode 0600 in
// a 0700 directory; keys and fields this version does not know are kept as they
// are. Docker Hub has several names (docker.io, index.docker.io,
// registry-1.docker.io, https://index.docker.io/v1/); they all map to "docker.io".

#include "runtime/error.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace koker {

class RegistryAuth
{
public:
    /// A username and password (or a registry token used as the password).
    struct Credentials
    {
        QString username;
        QString password;

        friend bool operator==(const Credentials &, const Credentials &) = default;
    };

    /// Bound on the size of the credentials file.
    static constexpr qint64 kMaxFileSize = 1024 * 1024;

    /// Use the credentials file at `path` (created on the first store()).
    explicit RegistryAuth(QString path = defaultPath());

    /// /etc/koker/auth.json for root, else $XDG_CONFIG_HOME (~/.config)/koker/auth.json.
    static QString defaultPath();
    /// The key a registry is stored under: lowercase host[:port] without scheme or
    /// path, and "docker.io" for every name of Docker Hub. Empty if not a registry.
    static QString normalizeRegistry(const QString &registry);
    /// Whether `registry` is one of Docker Hub's names.
    static bool isDockerHub(const QString &registry);

    QString path() const { return m_path; }

    /// The saved credentials for `registry`, std::nullopt when there are none (or
    /// no file); a damaged file is an error (Corrupt) naming the file.
    Result<std::optional<Credentials>> find(const QString &registry) const;
    /// Save credentials (replacing those under any alias of the same registry).
    Status store(const QString &registry, const Credentials &credentials) const;
    /// Forget the credentials of `registry`; returns whether there were any.
    Result<bool> remove(const QString &registry) const;
    /// The registries with saved credentials, normalised and sorted.
    Result<QStringList> registries() const;

    /// Refuse credentials that cannot be stored as base64(user:password).
    static Status validate(const Credentials &credentials);

private:
    QString m_path;
};

} // namespace koker
