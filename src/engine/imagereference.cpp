#include "imagereference.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

const QString kDockerDomain = u"docker.io"_s;
const QString kLegacyDockerDomain = u"index.docker.io"_s;
const QString kOfficialRepoPrefix = u"library/"_s;
constexpr qsizetype kNameTotalLengthMax = 255;

// distribution/reference's grammar, checked by hand: each check matches its
// regular expression over the whole string (tst_imagereference compares them).
// Compiling the expressions with PCRE cost every `koker run` 0.4 ms.
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || isDigit(c);
}
bool isAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}
bool isWordChar(QChar c)
{
    return isAlnum(c) || c == u'_';
}

std::unexpected<Error> invalid(const QString &text, const std::string &why)
{
    return fail(ErrorCode::InvalidArgument,
                "invalid reference format \"" + text.left(300).toStdString() + "\": " + why);
}

} // namespace

namespace referencegrammar {

// [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*
bool isPathComponent(QStringView s)
{
    qsizetype i = 0;
    auto alnumRun = [&] {
        const qsizetype from = i;
        while (i < s.size() && isLowerAlnum(s[i]))
            ++i;
        return i > from;
    };
    if (!alnumRun())
        return false;
    while (i < s.size()) {
        if (s[i] == u'.') {
            ++i;
        } else if (s[i] == u'_') {
            i += (i + 1 < s.size() && s[i + 1] == u'_') ? 2 : 1;
        } else if (s[i] == u'-') {
            while (i < s.size() && s[i] == u'-')
                ++i;
        } else {
            return false;
        }
        if (!alnumRun())
            return false;
    }
    return true;
}

// (?:component(?:\.component)*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?, where a component is
// letters, digits and '-', starting and ending with a letter or digit.
bool isDomain(QStringView s)
{
    qsizetype i = 0;
    if (s.startsWith(u'[')) {
        const qsizetype close = s.indexOf(u']');
        if (close < 2)
            return false;
        for (QChar c : s.sliced(1, close - 1)) {
            if (!isDigit(c) && !(c >= u'a' && c <= u'f') && !(c >= u'A' && c <= u'F') && c != u':')
                return false;
        }
        i = close + 1;
    } else {
        for (;;) {
            if (i >= s.size() || !isAlnum(s[i]))
                return false;
            while (i < s.size() && (isAlnum(s[i]) || s[i] == u'-'))
                ++i;
            if (s[i - 1] == u'-')
                return false;
            if (i < s.size() && s[i] == u'.') {
                ++i;
                continue;
            }
            break;
        }
    }
    if (i == s.size())
        return true;
    if (s[i] != u':' || i + 1 == s.size())
        return false;
    return std::all_of(s.begin() + i + 1, s.end(), isDigit);
}

// [\w][\w.-]{0,127}, \w being ASCII letters, digits and '_'.
bool isTag(QStringView s)
{
    return !s.isEmpty() && s.size() <= 128 && isWordChar(s.front()) &&
           std::all_of(s.begin() + 1, s.end(),
                       [](QChar c) { return isWordChar(c) || c == u'.' || c == u'-'; });
}

} // namespace referencegrammar

Result<ImageReference> ImageReference::parse(const QString &input)
{
    QString text = input;
    if (text.isEmpty())
        return invalid(text, "the image name is empty");
    if (text.size() > 1024)
        return invalid(text, "the reference is longer than 1024 characters");
    if (isSha256Hex(text))
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
        if (!referencegrammar::isTag(tag))
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
            if (!referencegrammar::isDomain(first))
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
        if (!referencegrammar::isPathComponent(component))
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
