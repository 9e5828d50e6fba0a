// The light `koker` binary's LocalBackend: the commands that move images in and out
// are handed to koker-full before they get here (main.cpp, CliContext); should
// one arrive anyway, it is handed over too. koker-full has the real ones
// (localbackend_transfer.cpp).

#include "handover.h"
#include "localbackend.h"

namespace koker::cli {

Result<ImageRecord> LocalBackend::importTarball(int, const QString &, const ImportOptions &,
                                                const StepObserver &)
{
    return std::unexpected(handOverToFullCli());
}

Result<ImageRecord> LocalBackend::importStarter(const QString &, const StepObserver &)
{
    return std::unexpected(handOverToFullCli());
}

Result<PullResult> LocalBackend::pullImage(const QString &, const PullOptions &, const QString &,
                                           const PullCallbacks &)
{
    return std::unexpected(handOverToFullCli());
}

Result<QList<LoadedImage>> LocalBackend::loadImages(int, const StepObserver &)
{
    return std::unexpected(handOverToFullCli());
}

Status LocalBackend::saveImages(const QStringList &, int, const StepObserver &)
{
    return std::unexpected(handOverToFullCli());
}

} // namespace koker::cli
