#include "engine.h"

using namespace Qt::Literals::StringLiterals;

namespace koker {

Engine::Engine(EngineConfig config)
    : m_config(std::move(config))
{
    if (m_config.runRoot.isEmpty())
        m_config.runRoot =
            m_config.root == u"/var/lib/koker"_s ? u"/run/koker"_s : m_config.root + u"/run"_s;
    m_store = std::make_unique<ImageStore>(m_config.root);
    m_images = std::make_unique<ImageService>(*m_store);
}

Engine::~Engine() = default;

Status Engine::open()
{
    return m_store->open();
}

} // namespace koker
