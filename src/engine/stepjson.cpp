#include "stepjson.h"

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

} // namespace

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
