#pragma once

// The studio's consoles: one tab per terminal on a container, either attached to
// its main process or running a shell in it. Every console comes from kokerd
// (Attach, Exec) as an attach-protocol socket, so the studio never needs root;
// closing a tab detaches, and the container keeps running.

#include "client/helperclient.h"
#include "studio/consoletab.h"

#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtWidgets/QTabWidget>

namespace koker {

class ConsoleTabs final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleTabs)

public:
    /// Consoles opened through `helper` (not owned; may be null for addConsole() only).
    explicit ConsoleTabs(client::HelperClient *helper, QWidget *parent = nullptr);
    ~ConsoleTabs() override;

    /// Attach to the container's main process (input on, recent output replayed); an
    /// attach tab already open for it is shown instead. Null without a helper.
    ConsoleTab *openAttach(const QString &id, const QString &name);
    /// Run `command` (a shell by default) with a terminal in the container, in a new tab.
    ConsoleTab *openShell(const QString &id, const QString &name,
                          const QStringList &command = {QStringLiteral("/bin/sh")});
    /// Show a tab made elsewhere (its connector set), take ownership and connect it
    /// unless it is connected already (e.g. given a console with setConsole()).
    void addConsole(ConsoleTab *tab);
    /// A connector that attaches through kokerd, for tabs made elsewhere.
    ConsoleTab::Connector attachConnector() const;
    /// Detach the console at `index` and close its tab.
    void closeConsole(int index);
    /// Detach and close every console (the window is closing).
    void closeAll();

    /// The console at `index`, or null.
    ConsoleTab *console(int index) const;
    /// The open attach tab of a container, or null.
    ConsoleTab *findAttach(const QString &id) const;

Q_SIGNALS:
    /// An exec started; `steps` are the steps that made it (for the timeline).
    void execStarted(const QString &id, const QVariantMapList &steps);
    /// A tab was added or closed.
    void countChanged(int count);

protected:
    void tabInserted(int index) override;
    void tabRemoved(int index) override;

private:
    void updateTab(ConsoleTab *tab);

    QPointer<client::HelperClient> m_helper;
};

} // namespace koker
