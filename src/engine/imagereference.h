#pragma once

// An image reference as Docker understands it: [domain/]path[:tag][@digest].
// "busybox" is docker.io/library/busybox:latest; "localhost:5000/x" names a
// registry at localhost:5000. Grammar: github.com/distribution/reference.

#include "engine/digest.h"
#include "runtime/error.h"

#include <QtCore/QString>

namespace koker {

class ImageReference
{
public:
    /// Parse and normalise; errors name the problem ("repository name must be
    /// lowercase", "invalid tag", ...). A tag defaults to "latest" only when
    /// neither a tag nor a digest is given.
    static Result<ImageReference> parse(const QString &text);

    QString domain() const { return m_domain; } // "docker.io", "localhost:5000"
    QString path() const { return m_path; }     // "library/busybox"
    QString tag() const { return m_tag; }       // "latest", or empty with a digest
    Digest digest() const { return m_digest; }  // invalid when absent

    /// domain/path: "docker.io/library/busybox"
    QString name() const { return m_domain + u'/' + m_path; }
    /// The full normalised form: "docker.io/library/busybox:latest".
    QString toString() const;
    /// The short form Docker prints: "busybox:latest", "localhost:5000/x:1".
    QString familiarName() const; // without tag/digest
    QString familiarString() const;

    /// Host (and port) to talk to: "registry-1.docker.io" for docker.io.
    QString registryHost() const;

    ImageReference withTag(const QString &tag) const;
    ImageReference withDigest(const Digest &digest) const;

    friend bool operator==(const ImageReference &a, const ImageReference &b)
    {
        return a.toString() == b.toString();
    }

private:
    QString m_domain;
    QString m_path;
    QString m_tag;
    Digest m_digest;
};

/// distribution/reference's grammar, piece by piece; each matches the whole string.
namespace referencegrammar {
bool isPathComponent(QStringView s); // [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*
bool isDomain(QStringView s);        // host names or [IPv6], with an optional :port
bool isTag(QStringView s);           // [\w][\w.-]{0,127}
} // namespace referencegrammar

} // namespace koker
