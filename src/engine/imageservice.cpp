#include "imageservice.h"

#include "runtime/fsutil.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

} // namespace

ImageService::ImageService(ImageStore &store)
    : m_store(store)
{}

ImageService::~ImageService() = default;

Status ImageService::runPlan(Plan &plan)
{
    return plan.run(m_observer);
}

QSet<Digest> ImageService::layersInUseByContainers()
{
    QSet<Digest> layers;
    if (!m_users)
        return layers;
    auto users = m_users();
    auto all = m_store.images();
    if (!all)
        return layers;
    for (const ImageRecord &r : *all) {
        if (users.contains(r.id)) {
            for (const Digest &d : r.layers)
                layers.insert(d);
        }
    }
    return layers;
}

Result<std::optional<FileLock>> ImageService::lockUsers() const
{
    if (!m_usersLock)
        return std::optional<FileLock>{};
    auto lock = m_usersLock();
    if (!lock)
        return std::unexpected(lock.error());
    return std::optional<FileLock>{std::move(*lock)};
}

Result<ImageService::RemoveResult> ImageService::remove(const QString &nameOrId, bool force)
{
    auto usersLock = lockUsers();
    if (!usersLock)
        return std::unexpected(usersLock.error());
    auto image = m_store.resolve(nameOrId);
    if (!image)
        return std::unexpected(image.error());
    RemoveResult result;
    QMap<Digest, QStringList> users = m_users ? m_users() : QMap<Digest, QStringList>{};
    QStringList usedBy = users.value(image->id);

    // A name given: untag it; the image goes with its last tag, as with Docker
    // (repo digests do not keep an image; they go with the last tag of their
    // repository). A repo digest given: just that one while anything else names it.
    auto ref = ImageReference::parse(nameOrId);
    bool byName = ref && (image->names.contains(ref->toString()) ||
                          image->repoDigests.contains(ref->toString()));
    if (byName) {
        const QString name = ref->toString();
        const bool isDigest = image->repoDigests.contains(name);
        QStringList otherTags = image->names;
        otherTags.removeAll(name);
        const bool keep =
            isDigest ? !otherTags.isEmpty() || image->repoDigests.size() > 1 : !otherTags.isEmpty();
        if (keep) {
            QStringList untag{name};
            // The repository's digests go with its last tag.
            const bool repositoryKeepsATag =
                std::any_of(otherTags.cbegin(), otherTags.cend(), [&](const QString &t) {
                    auto other = ImageReference::parse(t);
                    return other && other->name() == ref->name();
                });
            if (!isDigest && !repositoryKeepsATag) {
                for (const QString &d : image->repoDigests) {
                    auto r = ImageReference::parse(d);
                    if (r && r->name() == ref->name())
                        untag << d;
                }
            }
            for (const QString &n : untag) {
                if (auto r = m_store.untag(n); !r)
                    return std::unexpected(r.error());
                auto shown = ImageReference::parse(n);
                result.untagged << (shown ? shown->familiarString() : n);
            }
            return result;
        }
    }
    if (!usedBy.isEmpty()) {
        if (!force)
            return fail(ErrorCode::Busy,
                        "image " + str(nameOrId) + " is used by container(s) " +
                            str(usedBy.join(u", "_s)) +
                            "; remove them first (koker rm) or use -f to untag it anyway");
        // Docker's -f on an image in use: the names go, the image stays for its
        // containers and `image prune` removes it once they are gone.
        for (const QString &name : image->names + image->repoDigests) {
            if (m_store.untag(name))
                result.untagged << name;
        }
        return result;
    }
    if (!byName && image->names.size() > 1 && !force)
        return fail(ErrorCode::Busy, "image " + str(image->id.shortId()) + " has several names (" +
                                         str(image->names.join(u", "_s)) +
                                         "); remove them one by one or use -f");
    for (const QString &name : image->names + image->repoDigests)
        result.untagged << name;
    if (auto st = m_store.removeImage(image->id); !st)
        return std::unexpected(st.error());
    result.deleted << image->id.toString();
    auto gc = m_store.collectGarbage(layersInUseByContainers());
    if (!gc)
        return std::unexpected(gc.error());
    result.freed = *gc;
    return result;
}

Status ImageService::tag(const QString &source, const QString &target)
{
    auto image = m_store.resolve(source);
    if (!image)
        return std::unexpected(image.error());
    auto ref = ImageReference::parse(target);
    if (!ref)
        return std::unexpected(ref.error());
    if (ref->digest().isValid())
        return fail(ErrorCode::InvalidArgument, "a tag cannot contain a digest: " + str(target));
    return m_store.tag(image->id, ref->toString());
}

Result<ImageService::RemoveResult> ImageService::prune()
{
    auto usersLock = lockUsers();
    if (!usersLock)
        return std::unexpected(usersLock.error());
    RemoveResult result;
    auto all = m_store.images();
    if (!all)
        return std::unexpected(all.error());
    QMap<Digest, QStringList> users = m_users ? m_users() : QMap<Digest, QStringList>{};
    for (const ImageRecord &r : *all) {
        if (r.names.isEmpty() && !users.contains(r.id)) {
            if (m_store.removeImage(r.id))
                result.deleted << r.id.toString();
        }
    }
    auto gc = m_store.collectGarbage(layersInUseByContainers());
    if (!gc)
        return std::unexpected(gc.error());
    result.freed = *gc;
    return result;
}

Result<ImageConfig> ImageService::config(const ImageRecord &image)
{
    auto bytes = m_store.readBlob(image.id, kMaxConfigBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    return ImageConfig::parse(*bytes);
}

Result<ImageManifest> ImageService::manifest(const ImageRecord &image)
{
    auto bytes = m_store.readBlob(image.manifestDigest, kMaxManifestBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    return ImageManifest::parse(*bytes);
}

Result<QJsonObject> ImageService::inspect(const QString &nameOrId)
{
    auto image = m_store.resolve(nameOrId);
    if (!image)
        return std::unexpected(image.error());
    auto cfg = config(*image);
    if (!cfg)
        return std::unexpected(cfg.error());
    auto manifestBytes = m_store.readBlob(image->manifestDigest, kMaxManifestBytes);
    if (!manifestBytes)
        return std::unexpected(manifestBytes.error());
    QStringList tags;
    for (const QString &n : image->names) {
        auto r = ImageReference::parse(n);
        tags << (r ? r->familiarString() : n);
    }
    QJsonArray layers;
    for (const Digest &d : image->layers) {
        QJsonObject l{{u"DiffID"_s, d.toString()}};
        if (auto info = m_store.layerInfo(d); info)
            l.insert(u"Size"_s, info->size);
        layers.append(l);
    }
    return QJsonObject{
        {u"Id"_s, image->id.toString()},
        {u"RepoTags"_s, QJsonArray::fromStringList(tags)},
        {u"RepoDigests"_s, QJsonArray::fromStringList(image->repoDigests)},
        {u"Created"_s, image->created},
        {u"Architecture"_s, image->architecture},
        {u"Os"_s, image->os},
        {u"Size"_s, image->size},
        {u"Layers"_s, layers},
        {u"ManifestDigest"_s, image->manifestDigest.toString()},
        {u"Manifest"_s, QJsonDocument::fromJson(*manifestBytes).object()},
        {u"Config"_s, cfg->raw},
    };
}

Result<QList<HistoryEntry>> ImageService::history(const QString &nameOrId)
{
    auto image = m_store.resolve(nameOrId);
    if (!image)
        return std::unexpected(image.error());
    auto cfg = config(*image);
    if (!cfg)
        return std::unexpected(cfg.error());
    QList<HistoryEntry> rows;
    qsizetype layer = 0;
    auto layerSize = [&](qsizetype index) -> qint64 {
        if (index >= cfg->diffIds.size())
            return 0;
        auto info = m_store.layerInfo(cfg->diffIds[index]);
        return info ? info->size : 0;
    };
    const QList<QJsonObject> history = cfg->history();
    for (const QJsonObject &h : history) {
        HistoryEntry e;
        e.created = h.value(u"created"_s).toString();
        e.createdBy = h.value(u"created_by"_s).toString();
        e.comment = h.value(u"comment"_s).toString();
        e.emptyLayer = h.value(u"empty_layer"_s).toBool();
        if (!e.emptyLayer)
            e.size = layerSize(layer++);
        rows << e;
    }
    // Layers the history does not describe (images built by hand) still get a row.
    for (; layer < cfg->diffIds.size(); ++layer) {
        HistoryEntry e;
        e.created = cfg->created;
        e.size = layerSize(layer);
        rows << e;
    }
    std::reverse(rows.begin(), rows.end());
    if (!rows.isEmpty())
        rows.first().id = image->id.toString();
    return rows;
}

} // namespace koker
