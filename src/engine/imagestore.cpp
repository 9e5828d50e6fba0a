#include "imagestore.h"

#include "engine/imagereference.h"
#include "runtime/fsutil.h"
#include "runtime/random.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

QByteArray enc(const QString &path)
{
    return QFile::encodeName(path);
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject recordToJson(const ImageRecord &r)
{
    QJsonArray layers;
    for (const Digest &d : r.layers)
        layers.append(d.toString());
    return QJsonObject{{u"id"_s, r.id.toString()},
                       {u"manifest"_s, r.manifestDigest.toString()},
                       {u"names"_s, toArray(r.names)},
                       {u"repoDigests"_s, toArray(r.repoDigests)},
                       {u"layers"_s, layers},
                       {u"created"_s, r.created},
                       {u"architecture"_s, r.architecture},
                       {u"os"_s, r.os},
                       {u"addedAt"_s, r.addedAt.toString(Qt::ISODateWithMs)},
                       {u"size"_s, r.size}};
}

Result<ImageRecord> recordFromJson(const QJsonObject &o)
{
    ImageRecord r;
    auto id = Digest::parse(o.value(u"id"_s).toString());
    auto manifest = Digest::parse(o.value(u"manifest"_s).toString());
    if (!id || !manifest)
        return fail(ErrorCode::Corrupt, "image index entry has an invalid digest");
    r.id = *id;
    r.manifestDigest = *manifest;
    const QJsonArray names = o.value(u"names"_s).toArray();
    for (const QJsonValue &v : names)
        r.names << v.toString();
    const QJsonArray repoDigests = o.value(u"repoDigests"_s).toArray();
    for (const QJsonValue &v : repoDigests)
        r.repoDigests << v.toString();
    const QJsonArray layers = o.value(u"layers"_s).toArray();
    for (const QJsonValue &v : layers) {
        auto d = Digest::parse(v.toString());
        if (!d)
            return fail(ErrorCode::Corrupt, "image index entry has an invalid layer digest");
        r.layers << *d;
    }
    r.created = o.value(u"created"_s).toString();
    r.architecture = o.value(u"architecture"_s).toString();
    r.os = o.value(u"os"_s).toString();
    r.addedAt = QDateTime::fromString(o.value(u"addedAt"_s).toString(), Qt::ISODateWithMs);
    r.size = o.value(u"size"_s).toInteger();
    return r;
}

bool processAlive(pid_t pid)
{
    return ::kill(pid, 0) == 0 || errno == EPERM;
}

} // namespace

ImageStore::ImageStore(QString root)
    : m_root(std::move(root))
{
    while (m_root.size() > 1 && m_root.endsWith(u'/'))
        m_root.chop(1);
    m_tmpDir = m_root + u"/tmp/"_s + QString::number(::getpid()) + u'-' +
               QString::fromStdString(randomHex(4));
}

Status ImageStore::open()
{
    fs::raiseFileLimit();
    // The store holds setuid binaries and other users' layers: nobody but root
    // may traverse it (security brief, rule 9).
    if (auto st = fs::makeDirectories(str(m_root), 0700); !st)
        return st;
    if (::chmod(enc(m_root).constData(), 0700) != 0)
        return failErrno("chmod 0700 " + str(m_root));
    for (const char *sub : {"blobs/sha256", "layers", "partial", "tmp"}) {
        if (auto st = fs::makeDirectories(str(m_root + u'/' + QLatin1StringView(sub)), 0700); !st)
            return st;
    }
    // Sweep scratch dirs of processes that died mid-operation.
    QDir tmp(m_root + u"/tmp"_s);
    const QStringList entries = tmp.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &name : entries) {
        bool ok = false;
        pid_t pid = name.section(u'-', 0, 0).toInt(&ok);
        if (ok && pid > 0 && !processAlive(pid))
            (void)fs::removeTree(str(tmp.filePath(name)));
    }
    // Prefixes by hand: a QDir name filter compiles a regular expression each time.
    QDir layers(layersDir());
    const QStringList all = layers.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &name : all) {
        if (!name.startsWith(u".tmp-"_s))
            continue;
        bool ok = false;
        pid_t pid = name.section(u'-', 1, 1).toInt(&ok);
        if (ok && pid > 0 && !processAlive(pid))
            (void)fs::removeTree(str(layers.filePath(name)));
    }
    return {};
}

Result<FileLock> ImageStore::lock() const
{
    return FileLock::acquire(str(m_root + u"/store.lock"_s));
}

QString ImageStore::blobPath(const Digest &digest) const
{
    return m_root + u"/blobs/sha256/"_s + digest.hex();
}

bool ImageStore::hasBlob(const Digest &digest) const
{
    return digest.isValid() && QFile::exists(blobPath(digest));
}

Result<QByteArray> ImageStore::readBlob(const Digest &digest, qint64 maxSize) const
{
    auto data = fs::readFile(str(blobPath(digest)), static_cast<size_t>(maxSize));
    if (!data) {
        if (data.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound,
                        "blob " + str(digest.toString()) + " is missing from the store");
        return std::unexpected(data.error());
    }
    QByteArray bytes(data->data(), static_cast<qsizetype>(data->size()));
    // Blobs are immutable and named by content: re-check small documents on read,
    // so a damaged store cannot feed us a manifest other than the one we verified.
    if (Digest::ofData(bytes) != digest)
        return fail(ErrorCode::Corrupt, "blob " + str(digest.toString()) +
                                            " is damaged (its content no longer matches)");
    return bytes;
}

Result<Digest> ImageStore::writeBlob(const QByteArray &data)
{
    Digest digest = Digest::ofData(data);
    if (hasBlob(digest))
        return digest;
    if (auto st = fs::writeFileAtomic(str(blobPath(digest)),
                                      std::string_view(data.constData(), data.size()), 0600);
        !st)
        return std::unexpected(st.error());
    return digest;
}

QString ImageStore::partialBlobPath(const Digest &digest) const
{
    return partialDir() + u"/sha256-"_s + digest.hex() + u".partial"_s;
}

QString ImageStore::partialDir() const
{
    return m_root + u"/partial"_s;
}

Status ImageStore::adoptVerifiedBlobFile(const QString &path, const Digest &digest)
{
    if (!digest.isValid())
        return fail(ErrorCode::InvalidArgument, "adopting a blob needs a valid digest");
    if (::rename(enc(path).constData(), enc(blobPath(digest)).constData()) != 0) {
        // Two pulls that fetched the same blob into partial/ one after the other share
        // the verified file's name: whichever renames it second finds it gone, and the
        // store already holds the same content.
        if (errno == ENOENT && hasBlob(digest))
            return {};
        return failErrno("rename " + str(path) + " into the store");
    }
    return fs::syncDirectory(str(m_root + u"/blobs/sha256"_s));
}

QString ImageStore::layersDir() const
{
    return m_root + u"/layers"_s;
}

QString ImageStore::layerPath(const Digest &diffId) const
{
    return layersDir() + u'/' + diffId.hex();
}

bool ImageStore::hasLayer(const Digest &diffId) const
{
    return diffId.isValid() && QFile::exists(layerPath(diffId)) &&
           QFile::exists(layerPath(diffId) + u".json"_s);
}

Result<LayerRecord> ImageStore::layerInfo(const Digest &diffId) const
{
    auto data = fs::readFile(str(layerPath(diffId) + u".json"_s), 4096);
    if (!data)
        return fail(ErrorCode::NotFound,
                    "layer " + str(diffId.toString()) + " is not in the store");
    QJsonObject o =
        QJsonDocument::fromJson(QByteArray(data->data(), static_cast<qsizetype>(data->size())))
            .object();
    LayerRecord r;
    r.diffId = diffId;
    r.size = o.value(u"size"_s).toInteger();
    r.entries = o.value(u"entries"_s).toInteger();
    return r;
}

Result<bool> ImageStore::removeLayerIfUnused(const Digest &diffId)
{
    if (!diffId.isValid())
        return false;
    auto guard = lock();
    if (!guard)
        return std::unexpected(guard.error());
    auto all = readIndexLocked();
    if (!all)
        return std::unexpected(all.error());
    for (const ImageRecord &r : *all) {
        if (r.layers.contains(diffId))
            return false;
    }
    if (!QFile::exists(layerPath(diffId)))
        return false;
    // Metadata first, as in collectGarbage(): the layer stops counting as present
    // before its tree is half gone.
    QFile::remove(layerPath(diffId) + u".json"_s);
    if (auto st = fs::removeTree(str(layerPath(diffId))); !st)
        return std::unexpected(st.error());
    return true;
}

Result<QList<ImageRecord>> ImageStore::readIndexLocked() const
{
    auto data = fs::readFile(str(m_root + u"/images.json"_s), 64u << 20);
    if (!data) {
        if (data.error().code == ErrorCode::NotFound)
            return QList<ImageRecord>{};
        return std::unexpected(data.error());
    }
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(data->data(), static_cast<qsizetype>(data->size())), &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorCode::Corrupt, "the image index " + str(m_root) +
                                            "/images.json is damaged: " + str(error.errorString()));
    QList<ImageRecord> out;
    const QJsonArray images = doc.object().value(u"images"_s).toArray();
    for (const QJsonValue &v : images) {
        auto r = recordFromJson(v.toObject());
        if (!r)
            return std::unexpected(r.error());
        out << *r;
    }
    return out;
}

Status ImageStore::writeIndexLocked(const QList<ImageRecord> &images)
{
    QJsonArray array;
    for (const ImageRecord &r : images)
        array.append(recordToJson(r));
    QJsonObject root{{u"version"_s, 1}, {u"images"_s, array}};
    QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return fs::writeFileAtomic(str(m_root + u"/images.json"_s),
                               std::string_view(bytes.constData(), bytes.size()));
}

Result<QList<ImageRecord>> ImageStore::images() const
{
    // Readers need no lock: the index is replaced atomically by rename.
    return readIndexLocked();
}

Result<ImageRecord> ImageStore::resolve(const QString &nameOrId) const
{
    auto all = images();
    if (!all)
        return std::unexpected(all.error());
    QString id = nameOrId.startsWith(u"sha256:"_s) ? nameOrId.mid(7) : nameOrId;
    const bool hexOnly = id.size() <= 64 && isLowerHex(id);
    if (auto ref = ImageReference::parse(nameOrId); ref) {
        QString full = ref->toString();
        for (const ImageRecord &r : *all) {
            if (r.names.contains(full) || r.repoDigests.contains(full))
                return r;
        }
    }
    if (hexOnly && (id.size() >= 4 || nameOrId.startsWith(u"sha256:"_s))) {
        const ImageRecord *found = nullptr;
        for (const ImageRecord &r : *all) {
            if (r.id.hex().startsWith(id)) {
                if (found)
                    return fail(ErrorCode::InvalidArgument,
                                "image id prefix \"" + str(nameOrId) +
                                    "\" is ambiguous; give more characters");
                found = &r;
            }
        }
        if (found)
            return *found;
    }
    return fail(ErrorCode::NotFound, "no such image: " + str(nameOrId));
}

Status ImageStore::addImage(const ImageRecord &image)
{
    auto guard = lock();
    if (!guard)
        return std::unexpected(guard.error());
    auto all = readIndexLocked();
    if (!all)
        return std::unexpected(all.error());
    // A name belongs to exactly one image: take it away from any other.
    for (ImageRecord &r : *all) {
        if (r.id == image.id)
            continue;
        for (const QString &name : image.names)
            r.names.removeAll(name);
    }
    bool merged = false;
    for (ImageRecord &r : *all) {
        if (r.id != image.id)
            continue;
        for (const QString &name : image.names) {
            if (!r.names.contains(name))
                r.names << name;
        }
        for (const QString &d : image.repoDigests) {
            if (!r.repoDigests.contains(d))
                r.repoDigests << d;
        }
        merged = true;
    }
    if (!merged)
        all->append(image);
    return writeIndexLocked(*all);
}

Status ImageStore::tag(const Digest &id, const QString &name)
{
    ImageRecord r;
    r.id = id;
    auto current = resolve(id.toString());
    if (!current)
        return std::unexpected(current.error());
    r = *current;
    r.names = QStringList{name};
    r.repoDigests.clear();
    return addImage(r);
}

Result<ImageRecord> ImageStore::untag(const QString &name)
{
    auto guard = lock();
    if (!guard)
        return std::unexpected(guard.error());
    auto all = readIndexLocked();
    if (!all)
        return std::unexpected(all.error());
    for (ImageRecord &r : *all) {
        if (r.names.removeAll(name) > 0 || r.repoDigests.removeAll(name) > 0) {
            ImageRecord copy = r;
            if (auto st = writeIndexLocked(*all); !st)
                return std::unexpected(st.error());
            return copy;
        }
    }
    return fail(ErrorCode::NotFound, "no such image: " + str(name));
}

Status ImageStore::removeImage(const Digest &id)
{
    auto guard = lock();
    if (!guard)
        return std::unexpected(guard.error());
    auto all = readIndexLocked();
    if (!all)
        return std::unexpected(all.error());
    qsizetype before = all->size();
    all->removeIf([&](const ImageRecord &r) { return r.id == id; });
    if (all->size() == before)
        return fail(ErrorCode::NotFound, "no such image: " + str(id.toString()));
    return writeIndexLocked(*all);
}

Result<ImageStore::GcStats> ImageStore::collectGarbage(const QSet<Digest> &extraLayers)
{
    auto guard = lock();
    if (!guard)
        return std::unexpected(guard.error());
    auto all = readIndexLocked();
    if (!all)
        return std::unexpected(all.error());
    QSet<QString> blobsInUse;
    QSet<QString> layersInUse;
    for (const Digest &d : extraLayers)
        layersInUse.insert(d.hex());
    for (const ImageRecord &r : *all) {
        blobsInUse.insert(r.id.hex());
        blobsInUse.insert(r.manifestDigest.hex());
        for (const Digest &d : r.layers)
            layersInUse.insert(d.hex());
        auto manifestBytes = readBlob(r.manifestDigest, kMaxManifestBytes);
        if (!manifestBytes)
            continue; // keep going: a damaged image must not block collecting others
        if (auto m = ImageManifest::parse(*manifestBytes); m) {
            for (const Descriptor &d : m->layers)
                blobsInUse.insert(d.digest.hex());
        }
    }
    GcStats stats;
    QDir blobs(m_root + u"/blobs/sha256"_s);
    const auto blobInfos = blobs.entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &fi : blobInfos) {
        if (blobsInUse.contains(fi.fileName()))
            continue;
        stats.bytes += fi.size();
        if (QFile::remove(fi.filePath()))
            ++stats.blobs;
    }
    QDir layers(layersDir());
    const auto layerNames = layers.entryList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &name : layerNames) {
        QString hex = name.endsWith(u".json"_s) ? name.chopped(5) : name;
        if (!isSha256Hex(hex) || layersInUse.contains(hex))
            continue;
        if (name.endsWith(u".json"_s)) {
            QFile::remove(layers.filePath(name));
            continue;
        }
        if (auto info = layerInfo(Digest::fromSha256Hex(hex)); info)
            stats.bytes += info->size;
        // The metadata goes first so the layer stops counting as present before
        // its tree is half gone.
        QFile::remove(layers.filePath(name) + u".json"_s);
        if (fs::removeTree(str(layers.filePath(name))))
            ++stats.layers;
    }
    return stats;
}

QString ImageStore::scratchPath(const QString &prefix) const
{
    static std::atomic<int> counter{0};
    QDir().mkpath(m_tmpDir);
    return m_tmpDir + u'/' + prefix + u'-' + QString::number(counter.fetch_add(1));
}

QString humanSize(qint64 bytes)
{
    static const char *units[] = {"B", "kB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1000.0 && unit < 4) {
        value /= 1000.0;
        ++unit;
    }
    if (unit == 0)
        return QString::number(bytes) + u"B"_s;
    int precision = value < 10 ? 2 : value < 100 ? 1 : 0;
    return QString::number(value, 'f', precision) + QLatin1StringView(units[unit]);
}

} // namespace koker
