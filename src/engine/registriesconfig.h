#pragma once

// Per-registry transport settings, read from /etc/koker/registries.conf: which
// registries the administrator marked insecure (plain HTTP or an unverified TLS
// certificate). The format is a tiny subset of TOML, documented in docs/registries.md:
//
//   # a classroom registry without a certificate
//   [registry."lab-registry.local:5000"]
//   insecure = true
//
// Also the fixed transport rules that need no configuration: loopback registries
// may fall back to plain HTTP (Docker's rule), every other host needs HTTPS.

#include "runtime/error.h"

#include <QtCore/QByteArray>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace koker {

class RegistriesConfig
{
public:
    /// Bound on the configuration file's size.
    static constexpr qsizetype kMaxFileSize = 256 * 1024;

    /// /etc/koker/registries.conf
    static QString defaultPath();

    /// Read and parse `path`; a missing file is an empty configuration.
    static Result<RegistriesConfig> load(const QString &path = defaultPath());
    /// Parse the text of a registries.conf; `origin` (a file name) prefixes errors.
    static Result<RegistriesConfig> parse(QByteArrayView text, const QString &origin = {});

    /// Whether `registry` ("host" or "host:port", as in an image name) is marked insecure.
    bool isInsecure(const QString &registry) const;
    /// Registries marked insecure, normalised and sorted.
    QStringList insecureRegistries() const;
    /// Mark a registry insecure (or not); `registry` must be a valid host[:port].
    Status setInsecure(const QString &registry, bool insecure = true);

    /// Whether plain HTTP may be tried when HTTPS cannot connect: loopback or insecure.
    bool allowsPlainHttp(const QString &registry) const;
    /// Whether a failed TLS certificate check may be ignored: insecure registries only.
    bool skipsTlsVerification(const QString &registry) const { return isInsecure(registry); }

    /// "localhost[:port]", 127.0.0.0/8 and [::1], with or without a port.
    static bool isLoopback(const QString &registry);
    /// Whether `registry` looks like one the user runs (loopback or private address,
    /// a name without a dot or under .local/.lan/.internal/.home.arpa, or an explicit
    /// port other than 443). Only then does a TLS error suggest the insecure setting:
    /// for a public registry such an error is more likely an attack than a lab setup.
    static bool looksSelfHosted(const QString &registry);
    /// Lowercase host, port kept: "Lab.Local:5000" -> "lab.local:5000"; empty if invalid.
    static QString normalize(const QString &registry);

private:
    QSet<QString> m_insecure;
};

} // namespace koker
