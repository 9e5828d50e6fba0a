// LocalBackend's commands that move images in and out (import, pull, load, save):
// in koker-full only, with the registry client and libarchive. The light `koker`
// hands these commands over before it gets here (handover.h).

#include "engine/imagepuller.h"
#include "localbackend.h"

#include <QtCore/QEventLoop>

namespace koker::cli {

Result<ImageRecord> LocalBackend::importTarball(int fd, const QString &name,
                                                const ImportOptions &options,
                                                const StepObserver &observer)
{
    m_engine.images().setObserver(observer);
    return m_engine.images().importTarball(fd, name, options);
}

Result<ImageRecord> LocalBackend::importStarter(const QString &busybox,
                                                const StepObserver &observer)
{
    m_engine.images().setObserver(observer);
    return m_engine.images().importStarter(busybox);
}

Result<PullResult> LocalBackend::pullImage(const QString &reference, const PullOptions &options,
                                           const QString &authFile, const PullCallbacks &callbacks)
{
    ImageService &images = m_engine.images();
    images.setCredentialsFile(authFile);
    images.setObserver(callbacks.observer);
    QEventLoop loop;
    auto puller = images.pull(reference, options, &loop);
    if (!puller)
        return std::unexpected(puller.error());
    if (callbacks.progress)
        (*puller)->setProgressCallback(callbacks.progress);
    if (callbacks.resolved)
        QObject::connect(*puller, &ImagePuller::resolved, &loop,
                         [&callbacks, p = *puller] { callbacks.resolved(p->layers()); });
    QObject::connect(*puller, &ImagePuller::finished, &loop, &QEventLoop::quit);
    if (!(*puller)->isFinished())
        loop.exec();
    return (*puller)->result();
}

Result<QList<LoadedImage>> LocalBackend::loadImages(int fd, const StepObserver &observer)
{
    m_engine.images().setObserver(observer);
    return m_engine.images().load(fd);
}

Status LocalBackend::saveImages(const QStringList &names, int fd, const StepObserver &observer)
{
    m_engine.images().setObserver(observer);
    return m_engine.images().save(names, fd);
}

} // namespace koker::cli
