#include "studio/consoletabs.h"

#include "studio/consoletab.h"
#include "terminal/terminalemulation.h" // for terminalwidget.h's QPointer<TerminalEmulation>
#include "terminal/terminalwidget.h"

#include <QtGui/QPainter>
#include <QtGui/QPixmap>

#include <fcntl.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

// QDBusUnixFileDescriptor closes its fd with the last copy of the reply; the console
// lives longer, so it gets its own descriptor (close-on-exec like every fd of ours).
Result<UniqueFd> takeConsole(const QDBusUnixFileDescriptor &fd)
{
    if (!fd.isValid())
        return fail(ErrorCode::Internal, "kokerd answered without a console descriptor");
    UniqueFd own(::fcntl(fd.fileDescriptor(), F_DUPFD_CLOEXEC, 3));
    if (!own)
        return failErrno("duplicate the console descriptor");
    return own;
}

// A dot in the tab: green while connected, grey when it ended quietly, red when
// something went wrong, so a console that died in a background tab is noticed.
QIcon statusDot(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(4, 4, 8, 8));
    return QIcon(pixmap);
}

} // namespace

ConsoleTabs::ConsoleTabs(client::HelperClient *helper, QWidget *parent)
    : QTabWidget(parent)
    , m_helper(helper)
{
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    setElideMode(Qt::ElideRight);
    setUsesScrollButtons(true);
    connect(this, &QTabWidget::tabCloseRequested, this, &ConsoleTabs::closeConsole);
}

ConsoleTabs::~ConsoleTabs()
{
    closeAll();
}

ConsoleTab *ConsoleTabs::console(int index) const
{
    return qobject_cast<ConsoleTab *>(widget(index));
}

ConsoleTab *ConsoleTabs::findAttach(const QString &id) const
{
    for (int i = 0; i < count(); ++i) {
        ConsoleTab *tab = console(i);
        if (tab && tab->kind() == ConsoleTab::Kind::Attach && tab->containerId() == id)
            return tab;
    }
    return nullptr;
}

ConsoleTab *ConsoleTabs::openAttach(const QString &id, const QString &name)
{
    if (ConsoleTab *existing = findAttach(id)) {
        // One attach per container is enough: a second would show the same output.
        setCurrentWidget(existing);
        existing->connectConsole(); // no-op while connected
        existing->setFocus();
        return existing;
    }
    if (!m_helper)
        return nullptr;
    auto *tab = new ConsoleTab(id, name, ConsoleTab::Kind::Attach);
    tab->setConnector(attachConnector());
    addConsole(tab);
    return tab;
}

ConsoleTab::Connector ConsoleTabs::attachConnector() const
{
    QPointer<client::HelperClient> helper = m_helper;
    return [helper](ConsoleTab *t, const ConsoleTab::ConnectDone &done) {
        if (!helper) {
            done(fail(ErrorCode::Unavailable, "no connection to kokerd"));
            return;
        }
        // Replay: a terminal opened late still shows the screen the program drew.
        helper->attach(t->containerId(), true, true, [done](Result<QDBusUnixFileDescriptor> reply) {
            if (!reply)
                done(std::unexpected(reply.error()));
            else
                done(takeConsole(*reply));
        });
    };
}

ConsoleTab *ConsoleTabs::openShell(const QString &id, const QString &name,
                                   const QStringList &command)
{
    if (!m_helper || command.isEmpty())
        return nullptr;
    auto *tab = new ConsoleTab(id, name, ConsoleTab::Kind::Exec, command);
    QPointer<client::HelperClient> helper = m_helper;
    QPointer<ConsoleTabs> self(this);
    tab->setConnector([helper, self](ConsoleTab *t, const ConsoleTab::ConnectDone &done) {
        if (!helper) {
            done(fail(ErrorCode::Unavailable, "no connection to kokerd"));
            return;
        }
        // The first size goes with the request so the shell starts with the right
        // one (a terminal not laid out yet says 80x24); kokerd accepts 1-1000.
        const TerminalWidget *terminal = t->terminal();
        const bool laidOut = terminal->isVisible() && terminal->rows() > 0;
        const int rows = laidOut ? terminal->rows() : 24;
        const int cols = laidOut ? terminal->columns() : 80;
        const QVariantMap spec{
            {u"cmd"_s, t->command()},
            {u"tty"_s, true},
            {u"interactive"_s, true},
            {u"rows"_s, QVariant::fromValue(ushort(std::clamp(rows, 1, 1000)))},
            {u"cols"_s, QVariant::fromValue(ushort(std::clamp(cols, 1, 1000)))},
        };
        const QString containerId = t->containerId();
        helper->exec(containerId, spec,
                     [done, self, containerId](
                         Result<std::pair<QDBusUnixFileDescriptor, QVariantMapList>> reply) {
                         if (!reply) {
                             done(std::unexpected(reply.error()));
                             return;
                         }
                         if (self)
                             Q_EMIT self->execStarted(containerId, reply->second);
                         done(takeConsole(reply->first));
                     });
    });
    addConsole(tab);
    return tab;
}

void ConsoleTabs::addConsole(ConsoleTab *tab)
{
    if (!tab)
        return;
    const int index = addTab(tab, tab->title());
    updateTab(tab);
    connect(tab, &ConsoleTab::statusChanged, this, [this, tab] { updateTab(tab); });
    setCurrentIndex(index);
    tab->setFocus();
    if (tab->status() == ConsoleTab::Status::Idle)
        tab->connectConsole();
}

void ConsoleTabs::closeConsole(int index)
{
    ConsoleTab *tab = console(index);
    if (!tab)
        return;
    removeTab(index);
    tab->detach();
    tab->deleteLater();
}

void ConsoleTabs::closeAll()
{
    while (count() > 0)
        closeConsole(count() - 1);
}

void ConsoleTabs::updateTab(ConsoleTab *tab)
{
    const int index = indexOf(tab);
    if (index < 0)
        return;
    QColor color(0x9a, 0x99, 0x96); // idle, detached, exited 0
    switch (tab->status()) {
    case ConsoleTab::Status::Running:
        color = QColor(0x2e, 0xc2, 0x7e);
        break;
    case ConsoleTab::Status::Connecting:
        color = QColor(0xe5, 0xa5, 0x0a);
        break;
    case ConsoleTab::Status::Lost:
    case ConsoleTab::Status::Failed:
        color = QColor(0xe0, 0x1b, 0x24);
        break;
    case ConsoleTab::Status::Exited:
        if (tab->oomKilled() || tab->exitCode() != 0)
            color = QColor(0xe0, 0x1b, 0x24);
        break;
    case ConsoleTab::Status::Idle:
    case ConsoleTab::Status::Detached:
        break;
    }
    setTabText(index, tab->title());
    setTabIcon(index, statusDot(color));
    setTabToolTip(index, tr("%1\n%2").arg(tab->title(), tab->statusText()));
}

void ConsoleTabs::tabInserted(int index)
{
    QTabWidget::tabInserted(index);
    Q_EMIT countChanged(count());
}

void ConsoleTabs::tabRemoved(int index)
{
    QTabWidget::tabRemoved(index);
    Q_EMIT countChanged(count());
}

} // namespace koker
