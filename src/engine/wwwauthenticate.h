#pragma once

// The challenges of a WWW-Authenticate header (RFC 9110 section 11.6.1), the way a
// registry tells us how to authenticate: `Bearer realm="https://auth.docker.io/token",
// service="registry.docker.io",scope="repository:library/busybox:pull"` or
// `Basic realm="Registry Realm"`. The header comes from the network, so the parser
// is a pure, bounded function: tolerant of odd spacing and empty list elements,
// strict about anything else (an unterminated quote, a parameter without a value,
// text after a value), and it never reads past its input.

#include "runtime/error.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>

#include <optional>

namespace koker {

class WwwAuthenticate
{
public:
    /// One challenge: a scheme and either parameters or a token68.
    struct Challenge
    {
        QString scheme;                // lowercase: "bearer", "basic"
        QMap<QString, QString> params; // names lowercase, values unquoted
        QString token68;               // the rare `Scheme abc==` form

        /// A parameter's value, empty when absent.
        QString param(const QString &name) const { return params.value(name); }
        QString realm() const { return param(QStringLiteral("realm")); }
    };

    /// Bounds: a longer header or more challenges/parameters is refused.
    static constexpr qsizetype kMaxHeaderSize = 16 * 1024;
    static constexpr int kMaxChallenges = 16;
    static constexpr int kMaxParams = 32;

    /// Parse one header value; errors say what is wrong and at which offset.
    static Result<WwwAuthenticate> parse(QByteArrayView header);
    /// Parse every WWW-Authenticate line of a response as one list of challenges.
    static Result<WwwAuthenticate> parse(const QList<QByteArray> &headers);

    const QList<Challenge> &challenges() const { return m_challenges; }
    /// The first challenge of `scheme` (compared case-insensitively).
    std::optional<Challenge> find(const QString &scheme) const;

private:
    QList<Challenge> m_challenges;
};

} // namespace koker
