#pragma once

// A content digest, "sha256:<64 lowercase hex>". Digests come from manifests,
// registries and archives, so they are validated before any use, above all before
// one becomes part of a file name in the store (security brief, rule 3).

#include "runtime/error.h"

#include <QtCore/QHash>
#include <QtCore/QString>

namespace koker {

class Digest
{
public:
    Digest() = default;

    /// Parse and validate; the only algorithm accepted is sha256.
    static Result<Digest> parse(const QString &text);
    /// From a hex string already known to be a sha256 (our own hashing).
    static Digest fromSha256Hex(const QString &hex);
    /// The digest of `data`.
    static Digest ofData(const QByteArray &data);

    bool isValid() const { return !m_hex.isEmpty(); }
    QString algorithm() const { return QStringLiteral("sha256"); }
    QString hex() const { return m_hex; }
    QString shortId() const { return m_hex.left(12); }
    QString toString() const { return QStringLiteral("sha256:") + m_hex; }

    friend bool operator==(const Digest &a, const Digest &b) { return a.m_hex == b.m_hex; }
    friend bool operator<(const Digest &a, const Digest &b) { return a.m_hex < b.m_hex; }

private:
    explicit Digest(QString hex)
        : m_hex(std::move(hex))
    {}
    QString m_hex;
};

inline size_t qHash(const Digest &d, size_t seed = 0)
{
    return qHash(d.hex(), seed);
}

/// Whether `hex` is exactly 64 lowercase hexadecimal characters.
bool isSha256Hex(const QString &hex);
/// Whether `hex` is one or more lowercase hexadecimal characters (an id or a prefix).
bool isLowerHex(QStringView hex);

} // namespace koker
