#pragma once

// The engine as one object: the store, the services on top of it and the paths
// they share. The CLI (as root) and kokerd each own one.

#include "engine/imageservice.h"
#include "engine/imagestore.h"

#include <QtCore/QString>

#include <memory>

namespace koker {

struct EngineConfig
{
    QString root = QStringLiteral("/var/lib/koker"); // persistent state (0700)
    QString runRoot;    // sockets, netns files, locks; default /run/koker, or <root>/run
    QString libexecDir; // where koker-monitor lives; default: next to the program, else installed
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

private:
    EngineConfig m_config;
    std::unique_ptr<ImageStore> m_store;
    std::unique_ptr<ImageService> m_images;
};

} // namespace koker
