#pragma once

// Image operations that users name: import, the starter image, inspect, remove,
// tag. Each is a plan of steps (reported to a StepObserver like container steps)
// built on the ImageStore, which only knows how to keep objects safely.

#include "engine/imagearchive.h"
#include "engine/imagereference.h"
#include "engine/imagestore.h"
#include "runtime/filelock.h"
#include "runtime/plan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QSet>

#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace koker {

class ImagePuller;
class RegistryClient;

/// How to pull (see ImagePuller).
struct PullOptions
{
    std::optional<Platform> platform; // from an index; default: the host's
};

/// One row of `image history`, newest first.
struct HistoryEntry
{
    QString id;      // the image id on the newest row; empty ("<missing>") on the others
    QString created; // RFC 3339, as in the config
    QString createdBy;
    QString comment;
    qint64 size = 0; // uncompressed bytes of the layer this step made; 0 for empty layers
    bool emptyLayer = false;
};

struct ImportOptions
{
    QStringList cmd;        // default Cmd of the new image
    QStringList entrypoint; // default Entrypoint
    QStringList env;        // defaults to a standard PATH
    QString workingDir;
    QString comment;   // history comment, e.g. where the tarball came from
    QString createdBy; // history created_by
};

/// Which images containers use (id -> container names), asked before removal.
using ImageUsers = std::function<QMap<Digest, QStringList>()>;
/// The lock container creation holds from resolving its image to recording the
/// container; removal holds it from asking the users to deleting the layers, so a
/// container can never be created from an image that is going away.
using ImageUsersLock = std::function<Result<FileLock>()>;

class ImageService
{
public:
    explicit ImageService(ImageStore &store);
    ~ImageService();

    void setObserver(StepObserver observer) { m_observer = std::move(observer); }
    void setImageUsers(ImageUsers users, ImageUsersLock lock)
    {
        m_users = std::move(users);
        m_usersLock = std::move(lock);
    }

    /// `docker import`: a root file system tarball (plain, gzip, zstd, xz) read
    /// from `fd` becomes a one-layer image named `name` (may be empty: dangling).
    Result<ImageRecord> importTarball(int fd, const QString &name, const ImportOptions &options);

    /// Build `starter:latest` from the host's static busybox so a machine with no
    /// network can run containers at once. `busyboxPath` defaults to /bin/busybox.
    Result<ImageRecord> importStarter(const QString &busyboxPath = {});

    /// `docker rmi`: a name removes that name; when it was the last one (or an
    /// id was given) the image goes, then unreferenced layers and blobs. An image
    /// used by a container is refused unless `force` (then it is only untagged).
    struct RemoveResult
    {
        QStringList untagged;
        QStringList deleted; // ids
        ImageStore::GcStats freed;
    };
    Result<RemoveResult> remove(const QString &nameOrId, bool force);

    /// `docker tag`.
    Status tag(const QString &source, const QString &target);

    /// Remove dangling images no container uses, then garbage.
    Result<RemoveResult> prune();

    /// The document `image inspect` prints: id, names, the manifest and the config.
    Result<QJsonObject> inspect(const QString &nameOrId);

    /// Load an image's config (verified against its digest).
    Result<ImageConfig> config(const ImageRecord &image);
    Result<ImageManifest> manifest(const ImageRecord &image);

    ImageStore &store() { return m_store; }

    /// Where pulls find saved credentials (default RegistryAuth::defaultPath()).
    void setCredentialsFile(const QString &path);
    /// The registry client pulls use: made on first use, on the calling thread (whose
    /// event loop then runs it), with /etc/koker/registries.conf and the credentials.
    Result<RegistryClient *> registryClient();

    /// `docker pull`: an ImagePuller already started on this thread's event loop,
    /// owned by `parent` (or the caller); its finished() signal gives the outcome.
    Result<ImagePuller *> pull(const QString &reference, const PullOptions &options,
                               QObject *parent = nullptr);

    /// `docker load`: the images of a docker-archive or OCI archive read from `fd`.
    Result<QList<LoadedImage>> load(int fd);

    /// `docker save`: a docker-archive of the named images (names or ids) to `fd`.
    Status save(const QStringList &namesOrIds, int fd);

    /// `docker history`: the config's history, newest first, with each layer's size.
    Result<QList<HistoryEntry>> history(const QString &nameOrId);

private:
    Status runPlan(Plan &plan);
    QSet<Digest> layersInUseByContainers();
    Result<std::optional<FileLock>> lockUsers() const;

    ImageStore &m_store;
    StepObserver m_observer;
    ImageUsers m_users;
    ImageUsersLock m_usersLock;
    QString m_credentialsFile;
    // Made by the first pull (imagetransfer.cpp) together with its deleter, so that a
    // program that never pulls does not link the registry client and QtNetwork.
    std::unique_ptr<RegistryClient, void (*)(RegistryClient *)> m_registry{nullptr, nullptr};
};

/// The compression of a layer stream, from its first bytes.
enum class Compression
{
    None,
    Gzip,
    Zstd,
    Xz,
    Bzip2
};
Compression sniffCompression(const QByteArray &head);

} // namespace koker
