#include "underthehoodpanel.h"

#include "cgrouplimitsmodel.h"
#include "mounttreemodel.h"
#include "namespacesmodel.h"
#include "networktopologyview.h"
#include "ui_underthehoodpanel.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonDocument>
#include <QtWidgets/QHeaderView>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

UnderTheHoodPanel::UnderTheHoodPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(new Ui::UnderTheHoodPanel)
    , m_namespaces(new NamespacesModel(this))
    , m_cgroup(new CgroupLimitsModel(this))
    , m_mounts(new MountTreeModel(this))
{
    m_ui->setupUi(this);
    m_ui->namespacesTable->setModel(m_namespaces);
    m_ui->namespacesTable->verticalHeader()->hide();
    m_ui->namespacesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->namespacesTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->limitsTable->setModel(m_cgroup);
    m_ui->limitsTable->verticalHeader()->hide();
    m_ui->limitsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->limitsTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->mountsTree->setModel(m_mounts);
    m_ui->mountsTree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_topology = new NetworkTopologyView;
    m_ui->networkScroll->setWidget(m_topology);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &UnderTheHoodPanel::refresh);
    setContainer({}, {});
}

UnderTheHoodPanel::~UnderTheHoodPanel()
{
    delete m_ui;
}

void UnderTheHoodPanel::setFetcher(Fetcher fetch, ErrorText errorText)
{
    m_fetch = std::move(fetch);
    m_errorText = std::move(errorText);
}

void UnderTheHoodPanel::setContainer(const QString &id, const QString &name)
{
    ++m_generation;
    m_id = id;
    m_name = name;
    m_document = {};
    m_namespaces->clear();
    m_cgroup->clear();
    m_mounts->setMounts({});
    m_topology->setNetwork({});
    m_ui->refreshButton->setEnabled(!id.isEmpty());
    m_ui->statusLabel->clear();
    showMessage(id.isEmpty() ? tr("Select a running container to look under the hood.")
                             : tr("Press Refresh to ask the kernel about %1.").arg(name));
}

void UnderTheHoodPanel::refresh()
{
    if (m_id.isEmpty() || !m_fetch)
        return;
    const quint64 generation = m_generation;
    m_ui->statusLabel->setText(tr("Asking the kernel…"));
    m_fetch(m_id, [this, generation](Result<QString> json) {
        if (generation != m_generation)
            return;
        if (!json) {
            // kokerd answers Busy for a container that is not running: nothing in
            // the kernel to look at, which is a state and not a failure.
            if (json.error().code == ErrorCode::Busy)
                showMessage(tr("%1 is not running, so the kernel has nothing to show: no "
                               "namespaces, no cgroup, no mounts. Start it, then press "
                               "Refresh.")
                                .arg(m_name));
            else
                showMessage(m_errorText ? m_errorText(json.error())
                                        : QString::fromStdString(json.error().describe()));
            m_ui->statusLabel->clear();
            Q_EMIT refreshed(false);
            return;
        }
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(json->toUtf8(), &error);
        if (!doc.isObject()) {
            showMessage(tr("kokerd's answer could not be read: %1").arg(error.errorString()));
            Q_EMIT refreshed(false);
            return;
        }
        showDocument(doc.object());
        Q_EMIT refreshed(true);
    });
}

void UnderTheHoodPanel::showDocument(const QJsonObject &document)
{
    m_document = document;
    m_namespaces->setNamespaces(document.value(u"namespaces"_s).toArray());
    m_cgroup->setCgroup(document.value(u"cgroup"_s).toObject());
    m_mounts->setMounts(document.value(u"mounts"_s).toObject());
    m_topology->setNetwork(document.value(u"network"_s).toObject());
    m_ui->mountsTree->expandToDepth(1);
    m_ui->mountsTree->resizeColumnToContents(MountTreeModel::MountPointColumn);
    updateCgroupLabels();
    const QString name = document.value(u"name"_s).toString();
    m_ui->statusLabel->setText(tr("%1, host PID %2, as the kernel saw it at %3")
                                   .arg(name.isEmpty() ? m_name : name)
                                   .arg(document.value(u"pid"_s).toInt())
                                   .arg(QTime::currentTime().toString(u"HH:mm:ss"_s)));
    m_ui->pages->setCurrentWidget(m_ui->contentPage);
}

void UnderTheHoodPanel::updateCgroupLabels()
{
    m_ui->modeLabel->setText(
        tr("<b>This host:</b> %1").arg(CgroupLimitsModel::modeText(m_cgroup->mode())));
    QStringList paths;
    for (const CgroupLimitsModel::Path &p : m_cgroup->paths())
        paths << (p.exists ? p.path : tr("%1 (missing)").arg(p.path)).toHtmlEscaped();
    m_ui->pathsLabel->setText(
        tr("<b>Its cgroup directories:</b><br>%1").arg(paths.join(u"<br>"_s)));
    const CgroupCounters c = m_cgroup->counters();
    auto n = [](const std::optional<qint64> &v) { return v ? QString::number(*v) : tr("n/a"); };
    const QString throttled =
        c.cpuThrottledNs ? tr("%1 ms").arg(double(*c.cpuThrottledNs) / 1e6, 0, 'f', 1) : tr("n/a");
    m_ui->countersLabel->setText(
        tr("<b>Counters:</b> OOM kills %1 · memory limit hits (failcnt) %2 · CPU periods %3, "
           "throttled %4, throttled time %5 · processes %6 of %7")
            .arg(n(c.oomKills), n(c.memoryFailcnt), n(c.cpuPeriods), n(c.cpuThrottledPeriods),
                 throttled, n(c.pidsCurrent),
                 c.pidsMax && *c.pidsMax < 0 ? tr("no limit") : n(c.pidsMax)));
}

void UnderTheHoodPanel::showMessage(const QString &text)
{
    m_ui->messageLabel->setText(text);
    m_ui->pages->setCurrentWidget(m_ui->messagePage);
}

void UnderTheHoodPanel::showSection(Section section)
{
    m_ui->sections->setCurrentIndex(static_cast<int>(section));
}

bool UnderTheHoodPanel::hasDocument() const
{
    return m_ui->pages->currentWidget() == m_ui->contentPage;
}

QString UnderTheHoodPanel::messageText() const
{
    return hasDocument() ? QString() : m_ui->messageLabel->text();
}

} // namespace koker::studio
