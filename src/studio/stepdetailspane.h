#pragma once

// Everything about one step, for a student: what it did (title, phase, side,
// pid), how it went (state, errno as ENOENT with its text, the message), when and
// how long, the exact kernel-level operation, the shell command that does the
// same (with a Copy button) and the lesson from StepExplanations with the man
// pages to read. Failed steps and rollbacks get a coloured banner.

#include "stepexplanations.h"
#include "steptimelinemodel.h"

#include <QtCore/QPersistentModelIndex>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

namespace Ui {
class StepDetailsPane;
}

namespace koker::studio {

class StepDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepDetailsPane)

public:
    explicit StepDetailsPane(QWidget *parent = nullptr);
    ~StepDetailsPane() override;

    /// Shows the step at an index of a StepTimelineModel (any column) and follows its updates.
    void setIndex(const QModelIndex &index);
    /// Shows a record that is not in a model (e.g. the next step in step-through mode).
    void setRecord(const StepRecord &record, const QString &action = {}, qint64 actionStartNs = 0);
    /// Shows the placeholder.
    void clear();

    /// True while a step is shown (not the placeholder).
    bool hasStep() const;
    /// The shell command of the step shown (what Copy puts on the clipboard).
    QString shellCommand() const { return m_shell; }
    /// The explanation shown for the current step.
    const StepExplanation &explanation() const { return m_explanation; }

Q_SIGNALS:
    /// The user copied the shell command.
    void shellCommandCopied(const QString &command);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showStep(const StepTimelineModel::Step &step, const QString &action, qint64 actionStartNs);
    void refresh();
    void disconnectModel();
    void fitTextHeights();
    void copyShell();

    Ui::StepDetailsPane *m_ui;
    QPersistentModelIndex m_index;
    QList<QMetaObject::Connection> m_modelConnections; // to the shown step's model
    QString m_shell;
    StepExplanation m_explanation;
};

} // namespace koker::studio
