#pragma once

// The byte pipe between a terminal and the program behind it. The emulation does not
// care where bytes come from: a pty master, a unix socket, or (later) the container
// monitor's framed console protocol. Keep this interface small: every channel must
// implement it.

#include <QtCore/QByteArray>
#include <QtCore/QObject>

namespace koker {

class TerminalChannel : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalChannel)

public:
    explicit TerminalChannel(QObject *parent = nullptr);
    ~TerminalChannel() override;

    /// Queue bytes for the program; never blocks.
    virtual void write(const QByteArray &bytes) = 0;
    /// Tell the program the terminal's size in cells (TIOCSWINSZ or its equivalent).
    virtual void resize(int rows, int columns) = 0;
    /// Whether bytes can still flow.
    virtual bool isOpen() const = 0;
    /// Stop using the channel from our side; closed() is not emitted for this.
    virtual void close() = 0;

Q_SIGNALS:
    /// Bytes from the program.
    void received(const QByteArray &bytes);
    /// The program's side went away; exitCode is its exit status, or -1 if unknown.
    void closed(int exitCode);
};

} // namespace koker
