#pragma once

// The glue of one terminal: a channel (bytes to and from the program), an emulation
// (bytes <-> screen) and a widget (screen <-> user). The session owns the emulation
// and the channel; the widget belongs to whatever layout shows it. When the program
// goes away the widget turns read-only and says so; Enter asks for a reconnect.

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace koker {

class TerminalChannel;
class TerminalEmulation;
class TerminalWidget;

class TerminalSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalSession)

public:
    /// A session shown in `widget` (not owned), with a fresh emulation and no channel yet.
    explicit TerminalSession(TerminalWidget *widget, QObject *parent = nullptr);
    ~TerminalSession() override;

    /// Connect to a program; takes ownership, replaces (and deletes) the previous channel.
    void setChannel(TerminalChannel *channel);
    /// The current channel, or null.
    TerminalChannel *channel() const { return m_channel; }
    /// The emulation, owned by the session.
    TerminalEmulation *emulation() const { return m_emulation; }
    /// The widget showing the session.
    TerminalWidget *widget() const { return m_widget; }
    /// Whether a channel is connected and open.
    bool isRunning() const;

Q_SIGNALS:
    /// The program set its title (OSC 0/2).
    void titleChanged(const QString &title);
    /// The program's side closed; exitCode is -1 if unknown.
    void finished(int exitCode);
    /// The user pressed Enter on the "exited" message: the owner may call setChannel().
    void reconnectRequested();

private:
    void channelClosed(int exitCode);

    TerminalEmulation *m_emulation = nullptr;
    QPointer<TerminalWidget> m_widget;
    QPointer<TerminalChannel> m_channel;
};

} // namespace koker
