#include "stepjson.h"

#include <cstdio>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

template <class E, size_t N>
E parseEnum(const QString &text, const char *(*name)(E), const E (&values)[N], E fallback)
{
    for (E v : values) {
        if (text == QLatin1StringView(name(v)))
            return v;
    }
    return fallback;
}

const Phase kPhases[] = {Phase::Image,     Phase::Storage, Phase::Cgroup, Phase::Network,
                         Phase::Namespace, Phase::Process, Phase::Cleanup};
const StepState kStates[] = {StepState::Planned, StepState::Running, StepState::Done,
                             StepState::Failed,  StepState::Skipped, StepState::RolledBack};
const Side kSides[] = {Side::Host, Side::Container};

// A JSON string of UTF-8 text: quotes, backslashes and control characters escaped;
// bytes that are not UTF-8 (a record's text cut inside a character) become U+FFFD,
// as QString::fromUtf8 makes them.
void appendJsonString(QByteArray &out, const char *s, size_t max)
{
    out += '"';
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    const auto *end = p + max; // a record's fields end at their NUL or their size
    while (p < end && *p) {
        const unsigned char c = *p;
        if (c < 0x80) {
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    char esc[8];
                    std::snprintf(esc, sizeof esc, "\\u%04x", c);
                    out += esc;
                } else {
                    out += char(c);
                }
            }
            ++p;
            continue;
        }
        // The length of a well-formed sequence starting here, or 0.
        int n = 0;
        if (c >= 0xc2 && c <= 0xdf)
            n = 2;
        else if (c >= 0xe0 && c <= 0xef)
            n = 3;
        else if (c >= 0xf0 && c <= 0xf4)
            n = 4;
        if (end - p < n)
            n = 0;
        for (int i = 1; i < n; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                n = 0;
        }
        // No overlong forms, surrogates or code points above U+10FFFF.
        if ((n == 3 && c == 0xe0 && p[1] < 0xa0) || (n == 3 && c == 0xed && p[1] >= 0xa0) ||
            (n == 4 && c == 0xf0 && p[1] < 0x90) || (n == 4 && c == 0xf4 && p[1] >= 0x90))
            n = 0;
        if (n == 0) {
            out += "\xef\xbf\xbd";
            ++p;
            continue;
        }
        out.append(reinterpret_cast<const char *>(p), n);
        p += n;
    }
    out += '"';
}

} // namespace

QByteArray stepToJsonLine(const StepRecord &r, const QString &action)
{
    // The keys in QJsonObject's order (sorted), so both forms print the same.
    QByteArray out;
    out.reserve(512);
    auto key = [&out](const char *k) {
        out += out.isEmpty() ? "{\"" : ",\"";
        out += k;
        out += "\":";
    };
    auto number = [&](const char *k, qint64 v) {
        key(k);
        out += QByteArray::number(v);
    };
    auto text = [&](const char *k, const char *v, size_t max) {
        key(k);
        appendJsonString(out, v, max);
    };
    auto name = [&](const char *k, const char *v) { text(k, v, std::strlen(v)); };
    if (!action.isEmpty()) {
        const QByteArray utf8 = action.toUtf8();
        text("action", utf8.constData(), size_t(utf8.size()));
    }
    number("duration", r.durationNs);
    if (r.err)
        number("errno", r.err);
    text("key", r.key, sizeof r.key);
    if (r.message[0])
        text("message", r.message, sizeof r.message);
    text("op", r.op, sizeof r.op);
    name("phase", phaseName(r.phase));
    number("pid", r.pid);
    number("seq", r.seq);
    text("shell", r.shell, sizeof r.shell);
    name("side", sideName(r.side));
    number("start", r.startNs);
    name("state", stepStateName(r.state));
    text("title", r.title, sizeof r.title);
    out += "}\n";
    return out;
}

QJsonObject stepToJson(const StepRecord &r, const QString &action)
{
    QJsonObject o{{u"seq"_s, static_cast<qint64>(r.seq)},
                  {u"phase"_s, QLatin1StringView(phaseName(r.phase))},
                  {u"side"_s, QLatin1StringView(sideName(r.side))},
                  {u"state"_s, QLatin1StringView(stepStateName(r.state))},
                  {u"pid"_s, r.pid},
                  {u"start"_s, static_cast<qint64>(r.startNs)},
                  {u"duration"_s, static_cast<qint64>(r.durationNs)},
                  {u"key"_s, QString::fromUtf8(r.key)},
                  {u"title"_s, QString::fromUtf8(r.title)},
                  {u"op"_s, QString::fromUtf8(r.op)},
                  {u"shell"_s, QString::fromUtf8(r.shell)}};
    if (r.err)
        o.insert(u"errno"_s, r.err);
    if (r.message[0])
        o.insert(u"message"_s, QString::fromUtf8(r.message));
    if (!action.isEmpty())
        o.insert(u"action"_s, action);
    return o;
}

StepRecord stepFromJson(const QJsonObject &o)
{
    StepRecord r;
    r.seq = static_cast<uint32_t>(o.value(u"seq"_s).toInteger());
    r.phase = parseEnum(o.value(u"phase"_s).toString(), phaseName, kPhases, Phase::Process);
    r.side = parseEnum(o.value(u"side"_s).toString(), sideName, kSides, Side::Host);
    r.state = parseEnum(o.value(u"state"_s).toString(), stepStateName, kStates, StepState::Planned);
    r.pid = static_cast<int32_t>(o.value(u"pid"_s).toInteger());
    r.err = static_cast<int32_t>(o.value(u"errno"_s).toInteger());
    r.startNs = o.value(u"start"_s).toInteger();
    r.durationNs = o.value(u"duration"_s).toInteger();
    r.setKey(o.value(u"key"_s).toString().toStdString());
    r.setTitle(o.value(u"title"_s).toString().toStdString());
    r.setOp(o.value(u"op"_s).toString().toStdString());
    r.setShell(o.value(u"shell"_s).toString().toStdString());
    r.setMessage(o.value(u"message"_s).toString().toStdString());
    return r;
}

} // namespace koker
