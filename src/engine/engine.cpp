#include "engine.h"

#include "engine/networkservice.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

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
    m_containerStore = std::make_unique<ContainerStore>(m_config.root, m_config.runRoot);
    m_networks =
        std::make_unique<NetworkService>(m_config.root, m_config.runRoot, *m_containerStore);
    m_containers = std::make_unique<ContainerService>(*m_containerStore, *m_images);
    m_containers->setNetworkService(m_networks.get());
    QStringList cleanup;
    if (!m_config.cliPath.isEmpty())
        cleanup = {m_config.cliPath, u"--root"_s,    m_config.root, u"--runroot"_s,
                   m_config.runRoot, u"container"_s, u"cleanup"_s};
    m_containers->setPrograms(m_config.monitorPath, cleanup);
    m_images->setImageUsers([this] { return m_containers->imageUsers(); },
                            [this] { return m_containerStore->lockNames(); });
}

Engine::~Engine() = default;

Status Engine::open()
{
    if (auto st = m_store->open(); !st)
        return st;
    if (auto st = m_containerStore->open(); !st)
        return st;
    // After the containers' own reconcile (which detaches the dead ones it can):
    // leases, netns files, veths and rules still held by containers that do not run.
    m_networks->reconcile(m_containers->reconcile());
    return {};
}

QString Engine::findProgram(const QString &program, const QString &selfDir)
{
    const QStringList candidates = {
        selfDir + u'/' + program,
        // the build tree: src/cli/koker next to src/monitor/koker-monitor
        QDir::cleanPath(selfDir + u"/../monitor/"_s + program),
        QDir::cleanPath(selfDir + u"/../cli/"_s + program),
        QDir::cleanPath(selfDir + u"/../src/monitor/"_s + program),
        QDir::cleanPath(selfDir + u"/../src/cli/"_s + program),
        QStringLiteral(KOKER_LIBEXECDIR) + u'/' + program,
        QStringLiteral(KOKER_BINDIR) + u'/' + program,
    };
    for (const QString &c : candidates) {
        QFileInfo fi(c);
        if (fi.isFile() && fi.isExecutable())
            return fi.absoluteFilePath();
    }
    return QStringLiteral(KOKER_LIBEXECDIR) + u'/' + program;
}

} // namespace koker
