#include "containerstore.h"

#include "engine/stepjson.h"
#include "runtime/fsutil.h"
#include "runtime/netnames.h"
#include "runtime/plan.h"
#include "runtime/random.h"
#include "runtime/uniquefd.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QThread>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

// State is rebuilt from the exit record and /proc after a crash, so only a
// long-lived container's config is worth an fsync.
Status writeJson(const QString &path, const QJsonObject &o, bool durable)
{
    QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    return fs::writeFileAtomic(str(path), std::string_view(bytes.constData(), bytes.size()), 0600,
                               durable);
}

Result<QJsonObject> readJson(const QString &path)
{
    auto data = fs::readFile(str(path), 4u << 20);
    if (!data)
        return std::unexpected(data.error());
    QJsonParseError e{};
    auto doc =
        QJsonDocument::fromJson(QByteArray(data->data(), static_cast<qsizetype>(data->size())), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::Corrupt, str(path) + " is damaged");
    return doc.object();
}

// Docker's name generator idea, with scientists and engineers of computing.
const char16_t *const kAdjectives[] = {
    u"admiring", u"bold",    u"brave",  u"calm",   u"clever",   u"eager",   u"focused",
    u"gentle",   u"happy",   u"keen",   u"kind",   u"lucid",    u"modest",  u"nifty",
    u"patient",  u"quirky",  u"serene", u"sharp",  u"tender",   u"vibrant", u"wizardly",
    u"zealous",  u"curious", u"jolly",  u"upbeat", u"wonderful"};
const char16_t *const kNames[] = {
    u"allen",    u"babbage", u"backus",  u"bell",     u"cerf",     u"dijkstra", u"engelbart",
    u"hamilton", u"hopper",  u"kahn",    u"knuth",    u"lamport",  u"liskov",   u"lovelace",
    u"mccarthy", u"perlman", u"ritchie", u"shannon",  u"thompson", u"torvalds", u"turing",
    u"wirth",    u"wozniak", u"bartik",  u"goldberg", u"sammet"};

} // namespace

ContainerStore::ContainerStore(QString root, QString runRoot)
    : m_root(std::move(root))
    , m_runRoot(std::move(runRoot))
{}

QString ContainerStore::runDir(const QString &id) const
{
    // Short: unix socket paths are limited to 108 bytes.
    return m_runRoot + u"/c/"_s + id.left(12);
}

Status ContainerStore::open()
{
    if (auto st = fs::makeDirectories(str(containersDir()), 0700); !st)
        return st;
    if (auto st = fs::makeDirectories(str(m_runRoot + u"/c"_s), 0700); !st)
        return st;
    ::chmod(QFile::encodeName(m_runRoot).constData(), 0700);
    return {};
}

QString ContainerStore::newId() const
{
    for (;;) {
        const QString id = QString::fromStdString(randomHex(32));
        // Docker avoids ids whose short form is all digits (they read as numbers).
        bool allDigits =
            std::all_of(id.begin(), id.begin() + 12, [](QChar c) { return c.isDigit(); });
        if (!allDigits && !QFile::exists(containerDir(id)))
            return id;
    }
}

QStringList ContainerStore::ids() const
{
    // Entries being created or removed are renamed (".creating-...", ".removing-...").
    QStringList out = QDir(containersDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    out.removeIf([](const QString &name) { return name.size() != 64; });
    return out;
}

QHash<QString, QString> ContainerStore::names() const
{
    QHash<QString, QString> out;
    for (const QString &id : ids()) {
        if (auto config = readJson(containerDir(id) + u"/config.json"_s))
            out.insert(config->value(u"name"_s).toString(), id);
    }
    return out;
}

QString ContainerStore::generateName(const QHash<QString, QString> &taken)
{
    for (int attempt = 0;; ++attempt) {
        QString name = QString::fromUtf16(kAdjectives[randomBelow(std::size(kAdjectives))]) + u'_' +
                       QString::fromUtf16(kNames[randomBelow(std::size(kNames))]);
        if (attempt > 10)
            name += QString::number(randomBelow(100));
        if (!taken.contains(name))
            return name;
    }
}

Status ContainerStore::validateName(const QString &name)
{
    if (!net::isDockerStyleName(name.toStdString(), 128))
        return fail(ErrorCode::InvalidArgument,
                    "invalid container name \"" + name.left(200).toStdString() +
                        "\": use letters, digits, '_', '.' and '-' (at most 128, starting with "
                        "a letter or digit)");
    return {};
}

Result<FileLock> ContainerStore::lockNames() const
{
    return FileLock::acquire(str(m_root + u"/containers.lock"_s));
}

// The lock is on the container's directory itself (flock works on a directory's
// fd): one file fewer to create and delete per container, and a container being
// removed (renamed away) has nothing left to lock.
Result<FileLock> ContainerStore::lockContainer(const QString &id) const
{
    auto lock = FileLock::acquireExisting(str(containerDir(id)));
    if (!lock && lock.error().code == ErrorCode::NotFound)
        return fail(ErrorCode::NotFound, "no such container: " + str(id));
    return lock;
}

Result<FileLock> ContainerStore::tryLockContainer(const QString &id) const
{
    return FileLock::tryAcquire(str(containerDir(id)));
}

Status ContainerStore::create(const ContainerConfig &config)
{
    // Built under a hidden name and renamed into place: a container directory is
    // complete (its config) or absent, even if this process is killed
    // half-way. What a kill leaves is swept by sweepRemovals().
    QString dir = containerDir(config.id);
    QString building = containersDir() + u"/.creating-"_s + config.id;
    if (::mkdir(QFile::encodeName(building).constData(), 0700) != 0)
        return failErrno("create " + str(building));
    auto abandon = [&](Status st) {
        (void)fs::removeTree(str(building));
        return st;
    };
    if (auto st = writeJson(building + u"/config.json"_s, config.toJson(), !config.autoRemove); !st)
        return abandon(st);
    // No state.json yet: a container that never started is Created (load()), and
    // its first start writes one. One file fewer to make per container.
    faultInjectionPoint("fault.record-rename");
    if (::rename(QFile::encodeName(building).constData(), QFile::encodeName(dir).constData()) != 0)
        return abandon(failErrno("create " + str(dir)));
    // Only a long-lived container's record is worth the fsyncs (see writeJson).
    return config.autoRemove ? Status{} : fs::syncDirectory(str(containersDir()));
}

Result<ContainerRecord> ContainerStore::load(const QString &id) const
{
    ContainerRecord r;
    r.dir = containerDir(id);
    auto config = readJson(r.dir + u"/config.json"_s);
    if (!config) {
        if (config.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound, "no such container: " + str(id));
        return std::unexpected(config.error());
    }
    auto parsed = ContainerConfig::fromJson(*config);
    if (!parsed)
        return std::unexpected(parsed.error());
    r.config = *parsed;
    if (auto state = loadState(id))
        r.state = *state;
    return r;
}

std::optional<ContainerState> ContainerStore::loadState(const QString &id) const
{
    auto state = readJson(containerDir(id) + u"/state.json"_s);
    if (!state)
        return std::nullopt;
    return ContainerState::fromJson(*state);
}

Status ContainerStore::saveState(const QString &id, const ContainerState &state)
{
    return writeJson(containerDir(id) + u"/state.json"_s, state.toJson(), false);
}

Status ContainerStore::saveConfig(const ContainerConfig &config)
{
    return writeJson(containerDir(config.id) + u"/config.json"_s, config.toJson(),
                     !config.autoRemove);
}

QString ContainerStore::volumeStash(const QString &id, int n) const
{
    return containerDir(id) + u"/volumes/"_s + QString::number(n);
}

// Volumes passed as fds are bind mounts inside the container's directory; they go
// before the directory does (tree removal never crosses a mount).
static void unmountVolumeStashes(const QString &dir)
{
    QDir volumes(dir + u"/volumes"_s);
    for (const QString &name : volumes.entryList(QDir::AllEntries | QDir::NoDotAndDotDot)) {
        QByteArray path = QFile::encodeName(volumes.filePath(name));
        while (::umount2(path.constData(), MNT_DETACH | UMOUNT_NOFOLLOW) == 0) {
        }
    }
}

Result<QList<ContainerRecord>> ContainerStore::list() const
{
    QList<ContainerRecord> out;
    for (const QString &id : ids()) {
        auto r = load(id);
        if (r)
            out << *r; // a half-created or half-removed one is skipped
    }
    return out;
}

Result<QList<ContainerRecord>> ContainerStore::listStates() const
{
    QList<ContainerRecord> out;
    for (const QString &id : ids()) {
        ContainerRecord r;
        r.dir = containerDir(id);
        r.config.id = id;
        if (auto state = loadState(id))
            r.state = *state;
        out << r;
    }
    return out;
}

Result<ContainerRecord> ContainerStore::resolve(const QString &input) const
{
    QString key = input.startsWith(u'/') ? input.mid(1) : input;
    if (key.isEmpty())
        return fail(ErrorCode::InvalidArgument, "empty container name or id");
    // A whole id (what the engine passes around) is a directory name: no need to
    // read every container's record to find it.
    if (isSha256Hex(key)) {
        if (auto r = load(key); r || r.error().code != ErrorCode::NotFound)
            return r;
    }
    auto all = list();
    if (!all)
        return std::unexpected(all.error());
    for (const auto &r : *all) {
        if (r.config.id == key || r.config.name == key)
            return r;
    }
    const ContainerRecord *found = nullptr;
    for (const auto &r : *all) {
        if (r.config.id.startsWith(key)) {
            if (found)
                return fail(ErrorCode::InvalidArgument, "container id prefix \"" + str(input) +
                                                            "\" is ambiguous; give more of it");
            found = &r;
        }
    }
    if (found)
        return *found;
    return fail(ErrorCode::NotFound, "no such container: " + str(input));
}

Status ContainerStore::remove(const QString &id)
{
    (void)fs::removeTree(str(runDir(id)));
    unmountVolumeStashes(containerDir(id));
    // Rename first: the container disappears at once and for everyone (no reader
    // sees half a directory, no racing cleanup can add a file back), then delete.
    QString trash =
        containersDir() + u"/.removing-"_s + id + u'-' + QString::fromStdString(randomHex(4));
    if (::rename(QFile::encodeName(containerDir(id)).constData(),
                 QFile::encodeName(trash).constData()) != 0) {
        if (errno == ENOENT)
            return {};
        return failErrno("remove " + str(containerDir(id)));
    }
    // The kernel may still be tearing down the container's overlay (its work
    // directory) while we delete: a directory that refills is tried again.
    Status st = fs::removeTree(str(trash));
    for (int attempt = 0; !st && st.error().sysErrno == ENOTEMPTY && attempt < 5; ++attempt) {
        QThread::msleep(20);
        st = fs::removeTree(str(trash));
    }
    return st;
}

void ContainerStore::sweepRemovals()
{
    // Prefixes by hand: a QDir name filter compiles a regular expression each time.
    QDir dir(containersDir());
    auto hidden = [&dir] {
        return dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    };
    bool creating = false;
    for (const QString &name : hidden()) {
        if (name.startsWith(u".creating-"_s)) {
            creating = true;
            continue;
        }
        if (!name.startsWith(u".removing-"_s))
            continue;
        unmountVolumeStashes(dir.filePath(name));
        (void)fs::removeTree(str(dir.filePath(name)));
    }
    // A creation in progress holds the names lock; one left without it was killed.
    if (!creating)
        return;
    auto names = lockNames();
    if (!names)
        return;
    for (const QString &name : hidden()) {
        if (name.startsWith(u".creating-"_s))
            (void)fs::removeTree(str(dir.filePath(name)));
    }
}

void ContainerStore::appendSteps(const QString &id, const QString &action,
                                 const QList<StepRecord> &steps)
{
    QFile f(containerDir(id) + u"/steps.jsonl"_s);
    if (!f.open(QIODevice::Append | QIODevice::WriteOnly))
        return;
    QByteArray out;
    for (const StepRecord &r : steps)
        out += stepToJsonLine(r, action);
    f.write(out);
}

Result<QList<QJsonObject>> ContainerStore::readSteps(const QString &id) const
{
    auto data = fs::readFile(str(containerDir(id) + u"/steps.jsonl"_s), 64u << 20);
    if (!data) {
        if (data.error().code == ErrorCode::NotFound)
            return QList<QJsonObject>{};
        return std::unexpected(data.error());
    }
    QList<QJsonObject> out;
    const auto lines = QByteArray(data->data(), static_cast<qsizetype>(data->size())).split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        auto doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            out << doc.object();
    }
    return out;
}

} // namespace koker
