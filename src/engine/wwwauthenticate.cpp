#include "wwwauthenticate.h"

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

// RFC 9110 5.6.2: tchar.
bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

// RFC 9110 11.2: token68 characters (before the trailing '=' padding).
bool isToken68Char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

class Parser
{
public:
    explicit Parser(QByteArrayView text)
        : m_text(text)
    {}

    Status parseInto(QList<WwwAuthenticate::Challenge> &out)
    {
        skipSeparators();
        while (!atEnd()) {
            if (out.size() >= WwwAuthenticate::kMaxChallenges)
                return error("more than " + std::to_string(WwwAuthenticate::kMaxChallenges) +
                             " challenges");
            WwwAuthenticate::Challenge challenge;
            if (auto st = parseChallenge(challenge); !st)
                return st;
            out.append(std::move(challenge));
            skipSeparators();
        }
        return {};
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    void skipOws()
    {
        while (!atEnd() && isOws(peek()))
            ++m_pos;
    }
    // List rule (RFC 9110 5.6.1): empty elements and spaces between commas are fine.
    void skipSeparators()
    {
        while (!atEnd() && (isOws(peek()) || peek() == ','))
            ++m_pos;
    }

    std::unexpected<Error> error(const std::string &what) const
    {
        return fail(ErrorCode::InvalidArgument, "malformed WWW-Authenticate header: " + what +
                                                    " at offset " + std::to_string(m_pos));
    }

    QByteArray token()
    {
        qsizetype start = m_pos;
        while (!atEnd() && isTchar(peek()))
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toByteArray();
    }

    Result<QString> quotedString()
    {
        Q_ASSERT(peek() == '"');
        ++m_pos;
        QByteArray value;
        while (true) {
            if (atEnd())
                return error("unterminated quoted string");
            char c = peek();
            auto u = static_cast<unsigned char>(c);
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c == '\\') {
                ++m_pos;
                if (atEnd())
                    return error("unterminated quoted string");
                auto e = static_cast<unsigned char>(peek());
                // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                if (e != '\t' && (e < 0x20 || e == 0x7f))
                    return error("control character in quoted string");
                value.append(static_cast<char>(e));
                ++m_pos;
                continue;
            }
            // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
            if (u != '\t' && (u < 0x20 || u == 0x7f))
                return error("control character in quoted string");
            value.append(c);
            ++m_pos;
        }
        return QString::fromUtf8(value);
    }

    // After the scheme: `1*SP ( token68 / #auth-param )`, or nothing.
    Status parseChallenge(WwwAuthenticate::Challenge &challenge)
    {
        QByteArray scheme = token();
        if (scheme.isEmpty())
            return error("expected an authentication scheme");
        challenge.scheme = QString::fromLatin1(scheme).toLower();
        if (atEnd() || peek() == ',')
            return {};
        if (!isOws(peek()))
            return error("unexpected character after the scheme");
        skipOws();
        if (atEnd() || peek() == ',')
            return {};

        // Bearer (RFC 6750) and Basic (RFC 7617) challenges carry parameters only, so
        // for them "realm=" is a parameter without a value, not a token68.
        const bool paramsOnly = challenge.scheme == u"bearer"_s || challenge.scheme == u"basic"_s;
        if (!paramsOnly && tryToken68(challenge))
            return {};

        // #auth-param. A token not followed by "=" is the scheme of the next
        // challenge, which is only allowed after a comma.
        bool first = true;
        while (true) {
            qsizetype itemStart = m_pos;
            QByteArray name = token();
            if (name.isEmpty())
                return error("expected a parameter name");
            skipOws();
            if (peek() != '=') {
                if (first)
                    return error("expected \"=\" after parameter \"" + name.left(40).toStdString() +
                                 "\"");
                m_pos = itemStart; // the next challenge starts here
                return {};
            }
            ++m_pos;
            skipOws();
            QString value;
            if (peek() == '"') {
                auto quoted = quotedString();
                if (!quoted)
                    return std::unexpected(quoted.error());
                value = *quoted;
            } else {
                QByteArray bare = token();
                if (bare.isEmpty())
                    return error("parameter \"" + name.left(40).toStdString() + "\" has no value");
                value = QString::fromLatin1(bare);
            }
            QString key = QString::fromLatin1(name).toLower();
            if (challenge.params.contains(key))
                return error("parameter \"" + key.toStdString() + "\" given twice");
            if (challenge.params.size() >= WwwAuthenticate::kMaxParams)
                return error("too many parameters");
            challenge.params.insert(key, value);
            first = false;

            skipOws();
            if (atEnd())
                return {};
            if (peek() != ',')
                return error("unexpected character after the value of \"" + key.toStdString() +
                             "\"");
            skipSeparators();
            if (atEnd())
                return {};
        }
    }

    // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=", which
    // must then be the whole challenge: end of input or a comma follows.
    bool tryToken68(WwwAuthenticate::Challenge &challenge)
    {
        qsizetype start = m_pos;
        qsizetype p = m_pos;
        while (p < m_text.size() && isToken68Char(m_text[p]))
            ++p;
        if (p == start)
            return false;
        while (p < m_text.size() && m_text[p] == '=')
            ++p;
        qsizetype end = p;
        while (p < m_text.size() && isOws(m_text[p]))
            ++p;
        if (p < m_text.size() && m_text[p] != ',')
            return false;
        challenge.token68 = QString::fromLatin1(m_text.sliced(start, end - start));
        m_pos = p;
        return true;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

} // namespace

Result<WwwAuthenticate> WwwAuthenticate::parse(QByteArrayView header)
{
    return parse(QList<QByteArray>{header.toByteArray()});
}

Result<WwwAuthenticate> WwwAuthenticate::parse(const QList<QByteArray> &headers)
{
    WwwAuthenticate result;
    qsizetype total = 0;
    for (const QByteArray &header : headers) {
        total += header.size();
        if (total > kMaxHeaderSize)
            return fail(ErrorCode::LimitExceeded, "WWW-Authenticate header is longer than " +
                                                      std::to_string(kMaxHeaderSize) + " bytes");
        if (auto st = Parser(header).parseInto(result.m_challenges); !st)
            return std::unexpected(st.error());
    }
    if (result.m_challenges.size() > kMaxChallenges)
        return fail(ErrorCode::InvalidArgument, "malformed WWW-Authenticate header: more than " +
                                                    std::to_string(kMaxChallenges) + " challenges");
    return result;
}

std::optional<WwwAuthenticate::Challenge> WwwAuthenticate::find(const QString &scheme) const
{
    const QString wanted = scheme.toLower();
    for (const Challenge &c : m_challenges) {
        if (c.scheme == wanted)
            return c;
    }
    return std::nullopt;
}

} // namespace koker
