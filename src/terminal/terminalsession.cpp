#include "terminal/terminalsession.h"

#include "terminal/terminalchannel.h"
#include "terminal/terminalemulation.h"
#include "terminal/terminalwidget.h"

namespace koker {

TerminalSession::TerminalSession(TerminalWidget *widget, QObject *parent)
    : QObject(parent)
    , m_emulation(new TerminalEmulation(24, 80, this))
    , m_widget(widget)
{
    connect(m_emulation, &TerminalEmulation::titleChanged, this, &TerminalSession::titleChanged);
    connect(m_emulation, &TerminalEmulation::outputReady, this, [this](const QByteArray &bytes) {
        if (m_channel && m_channel->isOpen())
            m_channel->write(bytes);
    });
    if (m_widget) {
        m_widget->setEmulation(m_emulation);
        connect(m_widget, &TerminalWidget::sizeChanged, this, [this](int rows, int columns) {
            if (m_channel && m_channel->isOpen())
                m_channel->resize(rows, columns);
        });
        connect(m_widget, &TerminalWidget::messageAccepted, this, [this] {
            if (!isRunning())
                Q_EMIT reconnectRequested();
        });
    }
}

TerminalSession::~TerminalSession()
{
    if (m_widget && m_widget->emulation() == m_emulation)
        m_widget->setEmulation(nullptr);
}

void TerminalSession::setChannel(TerminalChannel *channel)
{
    if (m_channel == channel)
        return;
    if (m_channel) {
        disconnect(m_channel, nullptr, this, nullptr);
        m_channel->close();
        // Later: we may be inside one of the old channel's own signals.
        m_channel->deleteLater();
    }
    m_channel = channel;
    if (!m_channel)
        return;
    m_channel->setParent(this);
    connect(m_channel, &TerminalChannel::received, m_emulation,
            qOverload<const QByteArray &>(&TerminalEmulation::feed));
    connect(m_channel, &TerminalChannel::closed, this, &TerminalSession::channelClosed);
    m_channel->resize(m_emulation->rows(), m_emulation->columns());
    if (m_widget) {
        m_widget->clearMessage();
        m_widget->setReadOnly(false);
    }
}

bool TerminalSession::isRunning() const
{
    return m_channel && m_channel->isOpen();
}

void TerminalSession::channelClosed(int exitCode)
{
    if (m_widget) {
        m_widget->setReadOnly(true);
        m_widget->showMessage(
            exitCode >= 0
                ? tr("Process exited with code %1 — press Enter to reconnect").arg(exitCode)
                : tr("Connection closed — press Enter to reconnect"));
    }
    Q_EMIT finished(exitCode);
}

} // namespace koker
