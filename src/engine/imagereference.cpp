#include "imagereference.h"

#include <QtCore/QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

const QString kDockerDomain = u"docker.io"_s;
const QString kLegacyDockerDomain = u"index.docker.io"_s;
const QString kOfficialRepoPrefix = u"library/"_s;
constexpr qsizetype kNameTotalLengthMax = 255;

// distribution/reference's grammar, anchored. \z, not $: PCRE's $ also matches
// before a final newline, which Go's does not ("busybox\n" is not a name).
const QRegularExpression &pathComponentRe()
{
    static const QRegularExpression re(u"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*\\z"_s);
    return re;
}
const QRegularExpression &domainRe()
{
    // domain-name-component ("." component)* [":" port], or a bracketed IPv6 address.
    static const QRegularExpression re(
        u"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
        u"(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
        u"|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?\\z"_s);
    return re;
}
const QRegularExpression &tagRe()
{
    static const QRegularExpression re(u"^[\\w][\\w.-]{0,127}\\z"_s);
    return re;
}
const QRegularExpression &anchoredHex64Re()
{
    static const QRegularExpression re(u"^[a-f0-9]{64}\\z"_s);
    return re;
}

std::unexpected<Error> invalid(const QString &text, const std::string &why)
{
    return fail(ErrorCode::InvalidArgument,
                "invalid reference format \"" + text.left(300).toStdString() + "\": " + why);
}

} // namespace

Result<ImageReference> ImageReference::parse(const QString &input)
{
    QString text = input;
    if (text.isEmpty())
        return invalid(text, "the image name is empty");
    if (text.size() > 1024)
        return invalid(text, "the reference is longer than 1024 characters");
    if (anchoredHex64Re().match(text).hasMatch())
        return invalid(text, "a 64-character hexadecimal string is an image ID, not a name");

    ImageReference ref;

    // @digest
    if (qsizetype at = text.indexOf(u'@'); at >= 0) {
        auto digest = Digest::parse(text.mid(at + 1));
        if (!digest)
            return invalid(text, digest.error().message);
        ref.m_digest = *digest;
        text.truncate(at);
    }
    // :tag -- only a colon after the last slash is a tag (before it, a port).
    qsizetype lastSlash = text.lastIndexOf(u'/');
    if (qsizetype colon = text.lastIndexOf(u':'); colon > lastSlash) {
        QString tag = text.mid(colon + 1);
        if (!tagRe().match(tag).hasMatch())
            return invalid(text, "invalid tag \"" + tag.left(200).toStdString() +
                                     "\" (letters, digits, '_', '.', '-'; at most 128)");
        ref.m_tag = tag;
        text.truncate(colon);
    }
    if (text.isEmpty())
        return invalid(input, "the repository name is empty");

    // domain: the first component when it looks like a host.
    QString remainder = text;
    qsizetype slash = text.indexOf(u'/');
    if (slash > 0) {
        QString first = text.left(slash);
        if (first.contains(u'.') || first.contains(u':') || first == u"localhost"_s ||
            first != first.toLower()) {
            if (!domainRe().match(first).hasMatch())
                return invalid(input, "invalid registry host \"" + first.toStdString() + "\"");
            ref.m_domain = first;
            remainder = text.mid(slash + 1);
        }
    }
    if (ref.m_domain.isEmpty() || ref.m_domain == kLegacyDockerDomain)
        ref.m_domain = kDockerDomain;
    if (remainder != remainder.toLower())
        return invalid(input, "repository name must be lowercase");
    const auto components = remainder.split(u'/');
    for (const QString &component : components) {
        if (!pathComponentRe().match(component).hasMatch())
            return invalid(input, "invalid repository name component \"" +
                                      component.left(200).toStdString() +
                                      "\" (lowercase letters, digits and . _ __ - separators)");
    }
    if (ref.m_domain == kDockerDomain && components.size() == 1)
        remainder = kOfficialRepoPrefix + remainder;
    ref.m_path = remainder;
    if (ref.name().size() > kNameTotalLengthMax)
        return invalid(input, "repository name must not be longer than 255 characters");
    if (ref.m_tag.isEmpty() && !ref.m_digest.isValid())
        ref.m_tag = u"latest"_s;
    return ref;
}

QString ImageReference::toString() const
{
    QString s = name();
    if (!m_tag.isEmpty())
        s += u':' + m_tag;
    if (m_digest.isValid())
        s += u'@' + m_digest.toString();
    return s;
}

QString ImageReference::familiarName() const
{
    if (m_domain != kDockerDomain)
        return name();
    if (m_path.startsWith(kOfficialRepoPrefix) && m_path.count(u'/') == 1)
        return m_path.mid(kOfficialRepoPrefix.size());
    // "docker.io/foo.bar/baz" must keep its domain: printed as "foo.bar/baz", parse()
    // would read foo.bar as a registry host, and a user who copies the name from
    // `koker images` would pull from another registry (found by tests/fuzz).
    if (const qsizetype slash = m_path.indexOf(u'/'); slash > 0) {
        const QStringView first = QStringView(m_path).left(slash);
        if (first.contains(u'.') || first == u"localhost")
            return name();
    }
    return m_path;
}

QString ImageReference::familiarString() const
{
    QString s = familiarName();
    if (!m_tag.isEmpty())
        s += u':' + m_tag;
    if (m_digest.isValid())
        s += u'@' + m_digest.toString();
    return s;
}

QString ImageReference::registryHost() const
{
    return m_domain == kDockerDomain ? u"registry-1.docker.io"_s : m_domain;
}

ImageReference ImageReference::withTag(const QString &tag) const
{
    ImageReference r = *this;
    r.m_tag = tag;
    return r;
}

ImageReference ImageReference::withDigest(const Digest &digest) const
{
    ImageReference r = *this;
    r.m_digest = digest;
    return r;
}

} // namespace koker
