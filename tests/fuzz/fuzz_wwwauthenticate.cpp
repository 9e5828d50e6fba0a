// Fuzz target: koker::WwwAuthenticate::parse (engine/wwwauthenticate.h).
//
// The input is a header value from a registry (a stranger). It is parsed as one value,
// and split at '\n' as the several WWW-Authenticate lines of one response. Invariants:
//  * the bounds hold (challenges, parameters) and names are lowercase tokens;
//  * the list form of a single line gives what the single-line form gives;
//  * what parses survives a round trip through a canonical writer (every parameter
//    written as a quoted-string): the same schemes, parameters, values and token68s.
//    The realm and service end up in a URL we send credentials to, so the parser and
//    the writer must agree on where a value ends.

#include "engine/wwwauthenticate.h"
#include "fuzzcheck.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <cstddef>
#include <cstdint>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace {

using Challenge = koker::WwwAuthenticate::Challenge;

bool isTchar(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+-.^_`|~").contains(c);
}

bool isLowerToken(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

QByteArray quote(const QString &value)
{
    QByteArray out = "\"";
    const QByteArray utf8 = value.toUtf8();
    for (char c : utf8) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

// The canonical form: `scheme token68` or `scheme k="v", k2="v2"`, challenges joined by
// ", ".
QByteArray write(const QList<Challenge> &challenges)
{
    QByteArray out;
    for (const Challenge &c : challenges) {
        if (!out.isEmpty())
            out += ", ";
        out += c.scheme.toLatin1();
        if (!c.token68.isEmpty()) {
            out += ' ' + c.token68.toLatin1();
            continue;
        }
        bool first = true;
        for (auto it = c.params.cbegin(); it != c.params.cend(); ++it) {
            out += first ? " " : ", ";
            out += it.key().toLatin1() + '=' + quote(it.value());
            first = false;
        }
    }
    return out;
}

bool sameChallenges(const QList<Challenge> &a, const QList<Challenge> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].scheme != b[i].scheme || a[i].params != b[i].params ||
            a[i].token68 != b[i].token68)
            return false;
    }
    return true;
}

void checkParsed(const koker::WwwAuthenticate &parsed, const QByteArray &input)
{
    const QList<Challenge> &challenges = parsed.challenges();
    KOKER_FUZZ_CHECK(challenges.size() <= koker::WwwAuthenticate::kMaxChallenges,
                     "too many challenges");
    for (const Challenge &c : challenges) {
        KOKER_FUZZ_CHECK(isLowerToken(c.scheme), "scheme " + c.scheme.toStdString());
        KOKER_FUZZ_CHECK(c.params.size() <= koker::WwwAuthenticate::kMaxParams,
                         "too many parameters");
        KOKER_FUZZ_CHECK(c.token68.isEmpty() || c.params.isEmpty(),
                         "both a token68 and parameters");
        for (auto it = c.params.cbegin(); it != c.params.cend(); ++it)
            KOKER_FUZZ_CHECK(isLowerToken(it.key()), "parameter name " + it.key().toStdString());
        auto found = parsed.find(c.scheme.toUpper());
        KOKER_FUZZ_CHECK(found.has_value(), "find() misses scheme " + c.scheme.toStdString());
    }

    const QByteArray canonical = write(challenges);
    auto again = koker::WwwAuthenticate::parse(QByteArrayView(canonical));
    // The canonical form can only be longer than the bound when the input was close to it.
    if (!again && canonical.size() > koker::WwwAuthenticate::kMaxHeaderSize)
        return;
    KOKER_FUZZ_CHECK(again.has_value(),
                     "the canonical form " + canonical.left(300).toStdString() + " of " +
                         input.left(300).toStdString() +
                         " does not parse: " + (again ? std::string() : again.error().message));
    KOKER_FUZZ_CHECK(sameChallenges(again->challenges(), challenges),
                     "the canonical form " + canonical.left(300).toStdString() + " of " +
                         input.left(300).toStdString() + " parses differently");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    auto single = koker::WwwAuthenticate::parse(QByteArrayView(input));
    auto asList = koker::WwwAuthenticate::parse(QList<QByteArray>{input});
    KOKER_FUZZ_CHECK(single.has_value() == asList.has_value(), "single and list forms disagree");
    if (single) {
        KOKER_FUZZ_CHECK(sameChallenges(single->challenges(), asList->challenges()),
                         "single and list forms disagree");
        checkParsed(*single, input);
    } else {
        KOKER_FUZZ_CHECK(!single.error().message.empty(), "an error without a message");
    }

    if (input.contains('\n')) {
        auto lines = koker::WwwAuthenticate::parse(input.split('\n'));
        if (lines)
            checkParsed(*lines, input);
    }
    return 0;
}
