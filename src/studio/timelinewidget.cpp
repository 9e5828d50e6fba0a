#include "timelinewidget.h"

#include "stepdetailspane.h"
#include "steptimelinemodel.h"
#include "timelineview.h"

#include <QtCore/QEvent>
#include <QtCore/QItemSelectionModel>
#include <QtGui/QAction>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
    , m_ownModel(new StepTimelineModel(this))
    , m_model(m_ownModel)
    , m_toolBar(new QToolBar(this))
    , m_zoomIn(new QAction(this))
    , m_zoomOut(new QAction(this))
    , m_fit(new QAction(this))
    , m_follow(new QAction(this))
    , m_summary(new QLabel(this))
    , m_vertical(new QSplitter(Qt::Vertical, this))
    , m_horizontal(new QSplitter(Qt::Horizontal, m_vertical))
    , m_view(new TimelineView(m_vertical))
    , m_table(new QTableView(m_horizontal))
    , m_details(new StepDetailsPane(m_horizontal))
{
    m_zoomIn->setIcon(QIcon::fromTheme(u"zoom-in"_s));
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    m_zoomOut->setIcon(QIcon::fromTheme(u"zoom-out"_s));
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_fit->setIcon(QIcon::fromTheme(u"zoom-fit-best"_s));
    m_follow->setIcon(QIcon::fromTheme(u"go-last"_s));
    m_follow->setCheckable(true);
    for (QAction *a : {m_zoomIn, m_zoomOut, m_fit, m_follow}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_zoomIn);
    m_toolBar->addAction(m_zoomOut);
    m_toolBar->addAction(m_fit);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_follow);
    m_toolBar->addSeparator();
    m_toolBar->addWidget(m_summary);

    connect(m_zoomIn, &QAction::triggered, m_view, &TimelineView::zoomIn);
    connect(m_zoomOut, &QAction::triggered, m_view, &TimelineView::zoomOut);
    connect(m_fit, &QAction::triggered, m_view, &TimelineView::zoomToFit);
    connect(m_follow, &QAction::toggled, m_view, &TimelineView::setFollow);
    connect(m_view, &TimelineView::followChanged, m_follow, &QAction::setChecked);
    connect(m_view, &TimelineView::rowClicked, this, [this](int row) {
        if (!m_model)
            return;
        const QModelIndex index = m_model->index(row, 0);
        Q_EMIT stepClicked(index, index.data(StepTimelineModel::SeqRole).toUInt());
    });

    // The list: one row per step, fixed row heights so 10 000 rows stay cheap.
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setHighlightSections(false);

    m_horizontal->addWidget(m_table);
    m_horizontal->addWidget(m_details);
    m_horizontal->setStretchFactor(0, 3);
    m_horizontal->setStretchFactor(1, 2);
    m_vertical->addWidget(m_view);
    m_vertical->addWidget(m_horizontal);
    m_vertical->setStretchFactor(0, 0);
    m_vertical->setStretchFactor(1, 1);
    m_vertical->setChildrenCollapsible(false);

    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(0);
    connect(&m_summaryTimer, &QTimer::timeout, this, [this] {
        updateSummary();
        updateColumns();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_vertical, 1);

    retranslate();
    wireModel();
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::setModel(StepTimelineModel *model)
{
    m_model = model ? model : m_ownModel;
    wireModel();
}

void TimelineWidget::wireModel()
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    if (m_table->model() != m_model) {
        QItemSelectionModel *old = m_table->selectionModel();
        m_table->setModel(m_model);
        delete old; // QAbstractItemView::setModel does not delete the one it made
    }
    m_view->setModel(m_model);
    // One selection for the lanes and the list.
    QItemSelectionModel *selection = m_table->selectionModel();
    m_view->setSelectionModel(selection);
    m_details->clear();

    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(StepTimelineModel::TitleColumn, QHeaderView::Stretch);
    const int em = m_table->fontMetrics().horizontalAdvance(u"M"_s);
    h->resizeSection(StepTimelineModel::SeqColumn, 4 * em);
    h->resizeSection(StepTimelineModel::ActionColumn, 7 * em);
    h->resizeSection(StepTimelineModel::PhaseColumn, 8 * em);
    h->resizeSection(StepTimelineModel::DurationColumn, 7 * em);
    h->resizeSection(StepTimelineModel::StateColumn, 11 * em);

    m_connections << connect(
        selection, &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
            m_details->setIndex(current);
            if (current.isValid())
                m_table->scrollTo(current);
            Q_EMIT currentStepChanged(current, current.data(StepTimelineModel::SeqRole).toUInt());
        });
    // The summary and the columns change with counts, not with every record:
    // coalesce a stream of upserts into one update per event-loop turn.
    auto changed = [this] {
        if (!m_summaryTimer.isActive())
            m_summaryTimer.start();
    };
    m_connections << connect(m_model, &QAbstractItemModel::modelReset, this, changed);
    m_connections << connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
    m_connections << connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
    // In follow mode the list keeps the newest step in view too.
    m_connections << connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (follow() && m_model && m_model->lastUpsertedRow() >= 0)
            m_table->scrollTo(m_model->index(m_model->lastUpsertedRow(), 0));
    });
    updateSummary();
    updateColumns();
}

void TimelineWidget::updateSummary()
{
    if (!m_model)
        return;
    // "Steps: 80", not "80 step(s)": reads right without a plural form per language.
    QString text = tr("Steps: %1").arg(m_model->rowCount());
    if (m_model->actionCount() > 1)
        text += u" · "_s + tr("Actions: %1").arg(m_model->actionCount());
    if (m_model->runningCount() > 0)
        text += u" · "_s + tr("Running: %1").arg(m_model->runningCount());
    if (m_model->failedCount() > 0)
        text += u" · <span style='color:#c62828'><b>"_s +
                tr("Failed: %1").arg(m_model->failedCount()) + u"</b></span>"_s;
    if (m_summary->text() != text)
        m_summary->setText(text);
}

void TimelineWidget::updateColumns()
{
    // The action column only helps when there is more than one action.
    const bool hide = !m_model || m_model->actionCount() <= 1;
    if (m_table->isColumnHidden(StepTimelineModel::ActionColumn) != hide)
        m_table->setColumnHidden(StepTimelineModel::ActionColumn, hide);
}

bool TimelineWidget::follow() const
{
    return m_view->follow();
}

void TimelineWidget::setFollow(bool on)
{
    m_view->setFollow(on);
}

void TimelineWidget::selectRow(int row)
{
    QItemSelectionModel *selection = m_table->selectionModel();
    if (!m_model || !selection)
        return;
    if (row < 0 || row >= m_model->rowCount()) {
        selection->clear();
        m_details->clear();
        return;
    }
    selection->setCurrentIndex(m_model->index(row, 0),
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

int TimelineWidget::currentRow() const
{
    const QItemSelectionModel *selection = m_table->selectionModel();
    return selection && selection->currentIndex().isValid() ? selection->currentIndex().row() : -1;
}

bool TimelineWidget::selectStep(quint32 seq, const QString &key, int action)
{
    if (!m_model)
        return false;
    const int row = m_model->rowOf(seq, key, action);
    if (row < 0)
        return false;
    selectRow(row);
    return true;
}

void TimelineWidget::retranslate()
{
    m_zoomIn->setText(tr("Zoom in"));
    m_zoomIn->setToolTip(tr("Zoom in (Ctrl+wheel on the lanes)"));
    m_zoomOut->setText(tr("Zoom out"));
    m_zoomOut->setToolTip(tr("Zoom out (Ctrl+wheel on the lanes)"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show every step"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the newest step in view while a container is being made"));
    updateSummary();
}

void TimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace koker::studio
