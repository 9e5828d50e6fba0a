#include "steptimelinemodel.h"

#include "engine/stepjson.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>
#include <QtGui/QBrush>
#include <QtGui/QColor>
#include <QtGui/QFont>

#include <algorithm>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// How far a step has come. An update never moves a step back: a replayed or late
// "running" must not hide a "done" the model already shows.
int stateRank(StepState state)
{
    switch (state) {
    case StepState::Planned:
        return 0;
    case StepState::Running:
        return 1;
    case StepState::Done:
    case StepState::Failed:
    case StepState::Skipped:
    case StepState::RolledBack:
        return 2;
    }
    return 0;
}

// Qt's containers index with qsizetype; rows are int in the model API.
int count(const auto &container)
{
    return static_cast<int>(container.size());
}

} // namespace

StepTimelineModel::Step StepTimelineModel::Step::fromRecord(const StepRecord &r)
{
    Step s;
    s.seq = r.seq;
    s.phase = r.phase;
    s.side = r.side;
    s.state = r.state;
    s.pid = r.pid;
    s.err = r.err;
    s.startNs = r.startNs;
    // The image puller keeps the step's monotonic start time in durationNs until the
    // step ends; a running step has no duration yet, whatever the field holds.
    s.durationNs = r.state == StepState::Running ? 0 : std::max<qint64>(r.durationNs, 0);
    s.key = QString::fromUtf8(r.key, static_cast<qsizetype>(::strnlen(r.key, sizeof r.key)));
    s.title =
        QString::fromUtf8(r.title, static_cast<qsizetype>(::strnlen(r.title, sizeof r.title)));
    s.op = QString::fromUtf8(r.op, static_cast<qsizetype>(::strnlen(r.op, sizeof r.op)));
    s.shell =
        QString::fromUtf8(r.shell, static_cast<qsizetype>(::strnlen(r.shell, sizeof r.shell)));
    s.message = QString::fromUtf8(r.message,
                                  static_cast<qsizetype>(::strnlen(r.message, sizeof r.message)));
    return s;
}

StepRecord StepTimelineModel::Step::toRecord() const
{
    StepRecord r;
    r.seq = seq;
    r.phase = phase;
    r.side = side;
    r.state = state;
    r.pid = pid;
    r.err = err;
    r.startNs = startNs;
    r.durationNs = durationNs;
    r.setKey(key.toStdString());
    r.setTitle(title.toStdString());
    r.setOp(op.toStdString());
    r.setShell(shell.toStdString());
    r.setMessage(message.toStdString());
    return r;
}

StepTimelineModel::StepTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

StepTimelineModel::~StepTimelineModel() = default;

int StepTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int StepTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

StepTimelineModel::Located StepTimelineModel::locate(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    // Groups are few (one per action) and sorted by first row.
    auto it = std::upper_bound(m_groups.cbegin(), m_groups.cend(), row,
                               [](int r, const Group &g) { return r < g.firstRow; });
    const int g = static_cast<int>(it - m_groups.cbegin()) - 1;
    return {g, row - m_groups[g].firstRow};
}

const StepTimelineModel::Step &StepTimelineModel::step(int row) const
{
    const Located at = locate(row);
    Q_ASSERT(at.group >= 0);
    return m_groups[at.group].steps[at.index];
}

StepRecord StepTimelineModel::record(int row) const
{
    return step(row).toRecord();
}

QString StepTimelineModel::actionName(int action) const
{
    return action >= 0 && action < actionCount() ? m_groups[action].action : QString();
}

int StepTimelineModel::actionFirstRow(int action) const
{
    return action >= 0 && action < actionCount() ? m_groups[action].firstRow : -1;
}

int StepTimelineModel::actionRowCount(int action) const
{
    return action >= 0 && action < actionCount() ? count(m_groups[action].steps) : 0;
}

int StepTimelineModel::actionOfRow(int row) const
{
    return locate(row).group;
}

qint64 StepTimelineModel::actionStartNs(int action) const
{
    return action >= 0 && action < actionCount() ? m_groups[action].startNs : 0;
}

int StepTimelineModel::rowOf(quint32 seq, const QString &key, int action) const
{
    if (action < 0)
        action = actionCount() - 1;
    if (action < 0 || action >= actionCount())
        return -1;
    const Group &g = m_groups[action];
    const int i = findInGroup(g, seq, key);
    return i < 0 ? -1 : g.firstRow + i;
}

int StepTimelineModel::findInGroup(const Group &group, quint32 seq, const QString &key) const
{
    // The lowest index wins when an empty key matches several steps.
    int found = -1;
    for (auto it = group.bySeq.constFind(seq); it != group.bySeq.cend() && it.key() == seq; ++it) {
        if (key.isEmpty() || group.steps[it.value()].key == key) {
            if (found < 0 || it.value() < found)
                found = it.value();
        }
    }
    return found;
}

QVariant StepTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Located at = locate(index.row());
    const Group &g = m_groups[at.group];
    const Step &s = g.steps[at.index];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return s.seq;
        case ActionColumn:
            return actionText(g.action);
        case PhaseColumn:
            return phaseText(s.phase);
        case TitleColumn:
            return s.title;
        case DurationColumn:
            if (s.state == StepState::Planned)
                return QString();
            if (s.state == StepState::Running)
                return tr("running…");
            return formatDuration(s.durationNs);
        case StateColumn:
            if (s.err != 0 && (s.state == StepState::Failed))
                return tr("%1 (%2)").arg(stateText(s.state), errnoText(s.err).section(u' ', 0, 0));
            return stateText(s.state);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn || index.column() == StateColumn) {
            QString tip = s.op;
            if (!s.message.isEmpty())
                tip += u"\n\n"_s + s.message;
            return tip;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // The list carries the same signal as the timeline: failures in red,
        // rollbacks in amber, planned steps greyed out.
        switch (s.state) {
        case StepState::Failed:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        case StepState::RolledBack:
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        case StepState::Planned:
        case StepState::Skipped:
            return QBrush(QColor(0x80, 0x80, 0x80));
        default:
            return {};
        }
    case Qt::FontRole:
        if (s.state == StepState::Failed || s.state == StepState::Running) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case SeqRole:
        return s.seq;
    case ActionRole:
        return g.action;
    case ActionIndexRole:
        return at.group;
    case PhaseRole:
        return static_cast<int>(s.phase);
    case SideRole:
        return static_cast<int>(s.side);
    case StateRole:
        return static_cast<int>(s.state);
    case PidRole:
        return s.pid;
    case ErrnoRole:
        return s.err;
    case StartRole:
        return s.startNs;
    case RelativeStartRole:
        return s.hasStarted() && g.startNs > 0 ? s.startNs - g.startNs : qint64(0);
    case DurationRole:
        return s.durationNs;
    case KeyRole:
        return s.key;
    case TitleRole:
        return s.title;
    case OpRole:
        return s.op;
    case ShellRole:
        return s.shell;
    case MessageRole:
        return s.message;
    }
    return {};
}

QVariant StepTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return tr("#");
    case ActionColumn:
        return tr("Action");
    case PhaseColumn:
        return tr("Phase");
    case TitleColumn:
        return tr("Step");
    case DurationColumn:
        return tr("Duration");
    case StateColumn:
        return tr("State");
    }
    return {};
}

QHash<int, QByteArray> StepTimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{SeqRole, "seq"},
                  {ActionRole, "action"},
                  {ActionIndexRole, "actionIndex"},
                  {PhaseRole, "phase"},
                  {SideRole, "side"},
                  {StateRole, "state"},
                  {PidRole, "pid"},
                  {ErrnoRole, "errno"},
                  {StartRole, "start"},
                  {RelativeStartRole, "relativeStart"},
                  {DurationRole, "duration"},
                  {KeyRole, "key"},
                  {TitleRole, "title"},
                  {OpRole, "op"},
                  {ShellRole, "shell"},
                  {MessageRole, "message"}});
    return names;
}

// ---- live updates -------------------------------------------------------------

int StepTimelineModel::beginAction(const QString &action)
{
    Group g;
    g.action = action;
    g.firstRow = m_rows;
    // An empty group has no rows: no row signals, but views read actionCount().
    m_groups.append(std::move(g));
    return actionCount() - 1;
}

int StepTimelineModel::currentGroup()
{
    if (m_groups.isEmpty())
        beginAction(QString());
    return actionCount() - 1;
}

void StepTimelineModel::noteStart(Group &group, const Step &step)
{
    if (step.hasStarted() && (group.startNs == 0 || step.startNs < group.startNs))
        group.startNs = step.startNs;
}

bool StepTimelineModel::replaceStep(Group &group, Step &old, Step incoming)
{
    if (stateRank(incoming.state) < stateRank(old.state))
        return false;
    // A later record may lack what an earlier one had (a done step's record from
    // another source without the op); keep the richer text.
    if (incoming.op.isEmpty())
        incoming.op = old.op;
    if (incoming.shell.isEmpty())
        incoming.shell = old.shell;
    if (!incoming.hasStarted())
        incoming.startNs = old.startNs;
    countIn(old, -1);
    countIn(incoming, +1);
    old = std::move(incoming);
    noteStart(group, old);
    return true;
}

void StepTimelineModel::countIn(const Step &step, int sign)
{
    if (step.state == StepState::Failed)
        m_failed += sign;
    else if (step.state == StepState::Running)
        m_running += sign;
}

int StepTimelineModel::upsertStep(const StepRecord &record)
{
    const int gi = currentGroup();
    Group &g = m_groups[gi];
    Step incoming = Step::fromRecord(record);
    const int i = findInGroup(g, incoming.seq, incoming.key);
    if (i >= 0) {
        if (!replaceStep(g, g.steps[i], std::move(incoming)))
            return -1;
        const int row = g.firstRow + i;
        m_lastUpserted = row;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return row;
    }
    const int row = g.firstRow + count(g.steps);
    beginInsertRows({}, row, row);
    g.bySeq.insert(incoming.seq, count(g.steps));
    countIn(incoming, +1);
    noteStart(g, incoming);
    g.steps.append(std::move(incoming));
    ++m_rows;
    for (int k = gi + 1; k < actionCount(); ++k)
        ++m_groups[k].firstRow;
    m_lastUpserted = row;
    endInsertRows();
    return row;
}

void StepTimelineModel::upsertSteps(const QList<StepRecord> &records)
{
    if (records.isEmpty())
        return;
    const int gi = currentGroup();
    Group &g = m_groups[gi];
    const int existing = count(g.steps);
    // Updates of rows already shown are applied in place and announced as one
    // range; new steps are appended to the group's storage right away (so later
    // records of the batch find them) but announced together, so 10 000 records
    // cost one insert notification, not 10 000. m_rows, what views see, only
    // grows inside begin/endInsertRows.
    int changedFirst = -1;
    int changedLast = -1;
    int lastTouched = -1;
    for (const StepRecord &record : records) {
        Step incoming = Step::fromRecord(record);
        const int i = findInGroup(g, incoming.seq, incoming.key);
        if (i < 0) {
            g.bySeq.insert(incoming.seq, count(g.steps));
            noteStart(g, incoming);
            countIn(incoming, +1);
            lastTouched = count(g.steps);
            g.steps.append(std::move(incoming));
            continue;
        }
        if (!replaceStep(g, g.steps[i], std::move(incoming)))
            continue;
        lastTouched = i;
        if (i < existing) {
            changedFirst = changedFirst < 0 ? i : std::min(changedFirst, i);
            changedLast = std::max(changedLast, i);
        }
    }
    const int added = count(g.steps) - existing;
    if (added > 0) {
        const int first = g.firstRow + existing;
        beginInsertRows({}, first, first + added - 1);
        m_rows += added;
        for (int k = gi + 1; k < actionCount(); ++k)
            m_groups[k].firstRow += added;
        endInsertRows();
    }
    if (lastTouched >= 0)
        m_lastUpserted = g.firstRow + lastTouched;
    if (changedFirst >= 0)
        Q_EMIT dataChanged(index(g.firstRow + changedFirst, 0),
                           index(g.firstRow + changedLast, ColumnCount - 1));
}

// ---- loaders --------------------------------------------------------------------

namespace {

// Appends a stored record to the groups. A stored history holds finished records
// only, so the same (seq, key) twice in a row of one action means the action ran
// again (a second kill of the same stop, a restart): a new group.
template <class Group, class Step>
void appendGrouped(QList<Group> &groups, const QString &action, Step step)
{
    bool fresh = groups.isEmpty() || groups.last().action != action;
    if (!fresh) {
        const Group &g = groups.last();
        for (auto it = g.bySeq.constFind(step.seq); it != g.bySeq.cend() && it.key() == step.seq;
             ++it) {
            if (g.steps[it.value()].key == step.key) {
                fresh = true;
                break;
            }
        }
    }
    if (fresh) {
        Group g;
        g.action = action;
        groups.append(std::move(g));
    }
    Group &g = groups.last();
    if (step.hasStarted() && (g.startNs == 0 || step.startNs < g.startNs))
        g.startNs = step.startNs;
    g.bySeq.insert(step.seq, static_cast<int>(g.steps.size()));
    g.steps.append(std::move(step));
}

} // namespace

void StepTimelineModel::setSteps(const QList<StepRecord> &records, const QString &action)
{
    QList<Group> groups;
    Group g;
    g.action = action;
    groups.append(std::move(g));
    Group &only = groups.last();
    only.steps.reserve(records.size());
    // One action: every record is an upsert into the same group.
    for (const StepRecord &r : records) {
        Step s = Step::fromRecord(r);
        const int i = findInGroup(only, s.seq, s.key);
        if (i >= 0) {
            if (stateRank(s.state) >= stateRank(only.steps[i].state))
                only.steps[i] = std::move(s);
            continue;
        }
        only.bySeq.insert(s.seq, count(only.steps));
        only.steps.append(std::move(s));
    }
    for (const Step &s : only.steps)
        noteStart(only, s);
    resetWith(std::move(groups));
}

void StepTimelineModel::loadInspectSteps(const QJsonArray &steps)
{
    QList<Group> groups;
    for (const QJsonValue &v : steps) {
        const QJsonObject o = v.toObject();
        appendGrouped(groups, o.value(u"action"_s).toString(), Step::fromRecord(stepFromJson(o)));
    }
    resetWith(std::move(groups));
}

bool StepTimelineModel::loadInspectJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        if (error)
            *error = parseError.errorString();
        return false;
    }
    // `koker inspect` prints an array of containers; accept one container object
    // and a bare "Steps" array too.
    QJsonArray steps;
    if (doc.isArray()) {
        const QJsonArray a = doc.array();
        if (!a.isEmpty() && a.first().toObject().contains(u"Steps"_s))
            steps = a.first().toObject().value(u"Steps"_s).toArray();
        else
            steps = a;
    } else {
        steps = doc.object().value(u"Steps"_s).toArray();
    }
    loadInspectSteps(steps);
    return true;
}

void StepTimelineModel::loadDBusSteps(const QVariantMapList &steps)
{
    QList<Group> groups;
    for (const QVariantMap &m : steps)
        appendGrouped(groups, m.value(u"action"_s).toString(),
                      Step::fromRecord(dbus::stepFromVariant(m)));
    resetWith(std::move(groups));
}

void StepTimelineModel::clear()
{
    resetWith({});
}

void StepTimelineModel::resetWith(QList<Group> groups)
{
    beginResetModel();
    m_groups = std::move(groups);
    m_rows = 0;
    for (Group &g : m_groups) {
        g.firstRow = m_rows;
        m_rows += count(g.steps);
    }
    m_lastUpserted = -1;
    recount();
    endResetModel();
}

void StepTimelineModel::recount()
{
    m_failed = 0;
    m_running = 0;
    for (const Group &g : std::as_const(m_groups)) {
        for (const Step &s : g.steps)
            countIn(s, +1);
    }
}

// ---- text -----------------------------------------------------------------------

QString StepTimelineModel::phaseText(Phase phase)
{
    switch (phase) {
    case Phase::Image:
        return tr("image");
    case Phase::Storage:
        return tr("storage");
    case Phase::Cgroup:
        return tr("cgroup");
    case Phase::Network:
        return tr("network");
    case Phase::Namespace:
        return tr("namespace");
    case Phase::Process:
        return tr("process");
    case Phase::Cleanup:
        return tr("cleanup");
    }
    return QString();
}

QString StepTimelineModel::sideText(Side side)
{
    return side == Side::Container ? tr("container") : tr("host");
}

QString StepTimelineModel::stateText(StepState state)
{
    switch (state) {
    case StepState::Planned:
        return tr("planned");
    case StepState::Running:
        return tr("running");
    case StepState::Done:
        return tr("done");
    case StepState::Failed:
        return tr("failed");
    case StepState::Skipped:
        return tr("skipped");
    case StepState::RolledBack:
        return tr("rolled back");
    }
    return QString();
}

QString StepTimelineModel::actionText(const QString &action)
{
    if (action == u"create")
        return tr("Create");
    if (action == u"start")
        return tr("Start");
    if (action == u"run")
        return tr("Run");
    if (action == u"exec")
        return tr("Exec");
    if (action == u"kill")
        return tr("Kill");
    if (action == u"stop")
        return tr("Stop");
    if (action == u"cleanup")
        return tr("Cleanup");
    if (action == u"reconcile")
        return tr("Reconcile");
    if (action == u"rm" || action == u"remove")
        return tr("Remove");
    if (action == u"pull")
        return tr("Pull");
    if (action == u"import")
        return tr("Import");
    if (action == u"load")
        return tr("Load");
    if (action == u"save")
        return tr("Save");
    if (action.isEmpty())
        return QString();
    return action;
}

QString StepTimelineModel::formatDuration(qint64 ns)
{
    const QLocale locale;
    if (ns < 0)
        ns = 0;
    // Below 10 µs "0.00 ms" would hide that the kernel took any time at all.
    if (ns < 10'000)
        return tr("%1 µs").arg(locale.toString(double(ns) / 1e3, 'f', 1));
    if (ns < 1'000'000'000)
        return tr("%1 ms").arg(locale.toString(double(ns) / 1e6, 'f', 2));
    if (ns < 60'000'000'000)
        return tr("%1 s").arg(locale.toString(double(ns) / 1e9, 'f', 2));
    const qint64 s = ns / 1'000'000'000;
    return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

QString StepTimelineModel::errnoText(int err)
{
    if (err <= 0)
        return QString();
    // strerrorname_np/strerrordesc_np (glibc 2.32) are thread-safe and not
    // localized: students search for "ENOENT", and the man pages use it.
    const char *name = ::strerrorname_np(err);
    const char *desc = ::strerrordesc_np(err);
    if (!name)
        return tr("errno %1").arg(err);
    return tr("%1 (%2)").arg(QString::fromLatin1(name),
                             desc ? QString::fromLocal8Bit(desc) : QString::number(err));
}

} // namespace koker::studio
