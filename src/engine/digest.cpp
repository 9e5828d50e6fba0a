#include "digest.h"

#include <QtCore/QCryptographicHash>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

bool isLowerHex(QStringView hex)
{
    return !hex.isEmpty() && std::all_of(hex.begin(), hex.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

bool isSha256Hex(const QString &hex)
{
    return hex.size() == 64 && isLowerHex(hex);
}

Result<Digest> Digest::parse(const QString &text)
{
    if (text.size() > 256)
        return fail(ErrorCode::InvalidArgument, "digest is too long");
    qsizetype colon = text.indexOf(u':');
    if (colon <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "invalid digest \"" + text.toStdString() + "\": expected sha256:<hex>");
    QString algorithm = text.left(colon);
    QString hex = text.mid(colon + 1);
    if (algorithm != u"sha256"_s)
        return fail(ErrorCode::Unsupported, "unsupported digest algorithm \"" +
                                                algorithm.left(32).toStdString() +
                                                "\" (only sha256 is supported)");
    if (!isSha256Hex(hex))
        return fail(ErrorCode::InvalidArgument,
                    "invalid digest \"" + text.toStdString() +
                        "\": a sha256 digest is 64 lowercase hexadecimal characters");
    return Digest(hex);
}

Digest Digest::fromSha256Hex(const QString &hex)
{
    Q_ASSERT(isSha256Hex(hex));
    return Digest(hex);
}

Digest Digest::ofData(const QByteArray &data)
{
    // QtCore's SHA-256: the documents hashed here are a few kilobytes, and it keeps
    // libcrypto out of the light `koker` (half a millisecond to load; see
    // ImageStore::commitBlobFile for the large blobs).
    return Digest(
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
}

} // namespace koker
