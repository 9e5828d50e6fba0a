#pragma once

// The engine as one object: the stores, the services on top of them and the
// paths they share. The CLI (as root) and kokerd each own one.

#include "engine/containerservice.h"
#include "engine/containerstore.h"
#include "engine/imageservice.h"
#include "engine/imagestore.h"

#include <QtCore/QString>

#include <memory>

namespace koker {

class NetworkService;

struct EngineConfig
{
    QString root = QStringLiteral("/var/lib/koker"); // persistent state (0700)
    QString runRoot;     // sockets, netns files; default /run/koker, or <root>/run with --root
    QString monitorPath; // koker-monitor; default: found next to the program, else installed
    QString cliPath;     // the koker CLI, for the monitors' cleanup commands
};

class Engine
{
public:
    explicit Engine(EngineConfig config);
    ~Engine();

    /// Create the layout and reconcile what crashed processes left behind.
    Status open();

    const EngineConfig &config() const { return m_config; }
    ImageStore &store() { return *m_store; }
    ImageService &images() { return *m_images; }
    ContainerStore &containerStore() { return *m_containerStore; }
    ContainerService &containers() { return *m_containers; }
    NetworkService &networks() { return *m_networks; }

    /// Where `program` (koker-monitor, koker) is: next to `selfDir`, in the build
    /// tree's sibling directory, or in the installed libexec/bin directory.
    static QString findProgram(const QString &program, const QString &selfDir);

private:
    EngineConfig m_config;
    std::unique_ptr<ImageStore> m_store;
    std::unique_ptr<ImageService> m_images;
    std::unique_ptr<ContainerStore> m_containerStore;
    std::unique_ptr<NetworkService> m_networks;
    std::unique_ptr<ContainerService> m_containers;
};

} // namespace koker
