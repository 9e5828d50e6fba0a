#pragma once

// The step timeline as the studio shows it: a toolbar (zoom, fit, follow), the
// phase lanes (TimelineView), the steps as a list (QTableView) and the details
// of the selected step (StepDetailsPane). The lanes and the list share one
// selection model, so a click in either selects the same step everywhere.
//
// Feed it through model(): loadDBusSteps() for a container's history,
// beginAction() + upsertStep() for a live operation (OperationClient::stepChanged).

#include <QtCore/QModelIndex>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

class QAction;
class QLabel;
class QSplitter;
class QTableView;
class QToolBar;

namespace koker::studio {

class StepDetailsPane;
class StepTimelineModel;
class TimelineView;

class TimelineWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineWidget)

public:
    explicit TimelineWidget(QWidget *parent = nullptr);
    ~TimelineWidget() override;

    /// The model shown (the widget's own unless setModel() gave another).
    StepTimelineModel *model() const { return m_model; }
    /// Shows another model (not owned; nullptr = back to the widget's own).
    void setModel(StepTimelineModel *model);

    /// The lanes.
    TimelineView *view() const { return m_view; }
    /// The list of steps (the model in a QTableView).
    QTableView *tableView() const { return m_table; }
    /// The details of the selected step.
    StepDetailsPane *detailsPane() const { return m_details; }

    /// Follow mode: keep the newest step in view while steps arrive.
    bool follow() const;
    /// Turns follow mode on or off.
    void setFollow(bool on);

    /// Selects a row in the lanes, the list and the details pane (-1 clears).
    void selectRow(int row);
    /// The selected row, or -1.
    int currentRow() const;
    /// Selects the step (seq, key) of an action (-1 = the last); returns false if absent.
    bool selectStep(quint32 seq, const QString &key = {}, int action = -1);

Q_SIGNALS:
    /// The selected step changed (by a click, the keyboard or selectRow()).
    void currentStepChanged(const QModelIndex &index, quint32 seq);
    /// The user clicked a step's bar in the lanes.
    void stepClicked(const QModelIndex &index, quint32 seq);

protected:
    void changeEvent(QEvent *event) override;

private:
    void wireModel();
    void updateSummary();
    void updateColumns();
    void retranslate();

    StepTimelineModel *m_ownModel;
    QPointer<StepTimelineModel> m_model;
    QToolBar *m_toolBar;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fit;
    QAction *m_follow;
    QLabel *m_summary;
    QSplitter *m_vertical;
    QSplitter *m_horizontal;
    TimelineView *m_view;
    QTableView *m_table;
    StepDetailsPane *m_details;
    QList<QMetaObject::Connection> m_connections;
    QTimer m_summaryTimer;
};

} // namespace koker::studio
