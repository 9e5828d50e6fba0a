#include "rundialog.h"

#include "engine/units.h"
#include "studio/limitslider.h"
#include "ui_rundialog.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTableWidget>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 NanoCpus = 1'000'000'000;

constexpr int kProtocolColumn = 3;
constexpr int kReadOnlyColumn = 2;

const char kSavedToolTip[] = "kokerSavedToolTip";
const char kCellWidget[] = "kokerCellWidget";

// Slider stops for sizes: four per doubling from 8 MiB (8, 10, 12, 14, 16, 20, ...
// 256, 320, ...), so each stop is a round number and every order of magnitude
// gets the same room on the track; the largest is `top` itself.
QList<qint64> sizeStops(qint64 top)
{
    QList<qint64> stops{0};
    for (qint64 octave = 8 * MiB; octave <= top; octave *= 2) {
        for (int quarter = 0; quarter < 4; ++quarter) {
            const qint64 v = octave + quarter * (octave / 4);
            if (v <= top)
                stops << v;
        }
    }
    // A host's memory is rarely a round number: let the slider reach it exactly.
    if (stops.last() != top)
        stops << top;
    return stops;
}

QList<qint64> cpuStops(int cpus)
{
    QList<qint64> stops;
    for (qint64 tenth = 0; tenth <= qint64(cpus) * 10; ++tenth)
        stops << tenth * (NanoCpus / 10);
    return stops;
}

QList<qint64> pidsStops()
{
    // 1-2-5 steps: the values students try (a fork bomb against 50, 100, 1000).
    QList<qint64> stops{0};
    for (qint64 decade = 1; decade <= 1'000'000; decade *= 10)
        stops << decade << 2 * decade << 5 * decade;
    return stops;
}

QString execForm(const QStringList &words)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(words)).toJson(QJsonDocument::Compact));
}

QString invalidStyle(const QWidget *widget)
{
    return QString::fromLatin1(widget->metaObject()->className()) +
           u" { border: 1px solid #d32f2f; border-radius: 3px; padding: 1px 3px; }"_s;
}

} // namespace

RunDialog::RunDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::RunDialog)
{
    m_ui->setupUi(this);
    m_chooseDirectory = [](QWidget *owner, const QString &start) {
        return QFileDialog::getExistingDirectory(owner, tr("Choose a Folder to Share"), start);
    };

    QPushButton *run = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    run->setText(tr("&Run"));
    run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->commandLineEdit->setFont(mono);
    for (QLabel *hint : {m_ui->commandHint, m_ui->entrypointHint}) {
        hint->setFont(mono);
        hint->setForegroundRole(QPalette::PlaceholderText);
        hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_ui->messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_ui->advancedPanel->setVisible(false);
    connect(m_ui->advancedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_ui->advancedPanel->setVisible(open);
        m_ui->advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });

    m_ui->networkCombo->addItem(tr("bridge (default)"), u"bridge"_s);
    m_ui->networkCombo->addItem(tr("none"), u"none"_s);
    m_ui->networkCombo->addItem(tr("host"), u"host"_s);

    setupTables();
    setupLimits();
    connectFields();
    setHostInfo(HostInfo{});
}

RunDialog::~RunDialog()
{
    delete m_ui;
}

void RunDialog::setImages(const QStringList &images)
{
    const QString current = m_ui->imageCombo->currentText();
    m_updating = true;
    m_ui->imageCombo->clear();
    m_ui->imageCombo->addItems(images);
    m_ui->imageCombo->setCurrentText(current.isEmpty() && !images.isEmpty() ? images.first()
                                                                            : current);
    m_updating = false;
    refresh();
}

void RunDialog::setNetworks(const QStringList &networks)
{
    const QString current = m_ui->networkCombo->currentData().toString();
    m_updating = true;
    while (m_ui->networkCombo->count() > 3)
        m_ui->networkCombo->removeItem(3);
    for (const QString &n : networks) {
        if (m_ui->networkCombo->findData(n) < 0)
            m_ui->networkCombo->addItem(n, n);
    }
    const int index = m_ui->networkCombo->findData(current);
    m_ui->networkCombo->setCurrentIndex(std::max(0, index));
    m_updating = false;
    refresh();
}

void RunDialog::setHostInfo(const HostInfo &host)
{
    m_host = host;
    // Unknown host: generous bounds, and no error for more CPUs than a guess.
    const qint64 memoryTop = host.hostMemory > 0 ? host.hostMemory : 16 * GiB;
    const int cpus = host.hostCpus > 0 ? host.hostCpus : 8;
    m_updating = true;
    m_ui->memorySlider->setSliderStops(sizeStops(memoryTop));
    m_ui->memorySlider->setMaximum(std::max<qint64>(4 * memoryTop, 64 * GiB));
    m_ui->swapSlider->setSliderStops(sizeStops(2 * memoryTop));
    m_ui->swapSlider->setMaximum(std::max<qint64>(8 * memoryTop, 128 * GiB));
    m_ui->cpuSlider->setSliderStops(cpuStops(cpus));
    m_ui->cpuSlider->setMaximum(host.hostCpus > 0 ? qint64(cpus) * NanoCpus : 1024 * NanoCpus);
    m_updating = false;
    updateHostLabel();
    refresh();
}

void RunDialog::setDirectoryChooser(DirectoryChooser chooser)
{
    m_chooseDirectory = std::move(chooser);
}

void RunDialog::setForm(const RunForm &form)
{
    m_updating = true;
    if (m_ui->imageCombo->findText(form.image) < 0 && !form.image.isEmpty())
        m_ui->imageCombo->addItem(form.image);
    m_ui->imageCombo->setCurrentText(form.image);
    m_ui->nameEdit->setText(form.name);
    m_ui->commandEdit->setText(form.command);
    m_ui->entrypointEdit->setText(form.entrypoint);
    m_ui->workingDirEdit->setText(form.workingDir);
    m_ui->userEdit->setText(form.user);
    m_ui->hostnameEdit->setText(form.hostname);
    m_ui->ttyCheck->setChecked(form.tty);
    m_ui->interactiveCheck->setChecked(form.interactive);
    m_ui->autoRemoveCheck->setChecked(form.autoRemove);
    m_ui->stepThroughCheck->setChecked(form.stepThrough);
    m_ui->privilegedCheck->setChecked(form.privileged);
    m_ui->capAddEdit->setText(form.capAdd);
    m_ui->capDropEdit->setText(form.capDrop);
    if (form.privileged || !form.capAdd.isEmpty() || !form.capDrop.isEmpty())
        m_ui->advancedToggle->setChecked(true);

    int network = m_ui->networkCombo->findData(form.network);
    if (network < 0) {
        m_ui->networkCombo->addItem(form.network, form.network);
        network = m_ui->networkCombo->count() - 1;
    }
    m_ui->networkCombo->setCurrentIndex(network);

    m_ui->envTable->setRowCount(0);
    for (const EnvRow &row : form.env)
        addEnvRow(row);
    m_ui->portsTable->setRowCount(0);
    for (const PortRow &row : form.ports)
        addPortRow(row);
    m_ui->volumesTable->setRowCount(0);
    for (const VolumeRow &row : form.volumes)
        addVolumeRow(row);

    // GiB when the value is whole GiB: "2 GiB" reads better than "2048 MiB".
    for (auto [slider, value] : {std::pair{m_ui->memorySlider, form.memoryBytes},
                                 std::pair{m_ui->swapSlider, form.memorySwapBytes}}) {
        slider->setUnitIndex(value > 0 && value % GiB == 0 ? 1 : 0);
        slider->setValue(value);
    }
    m_ui->cpuSlider->setValue(form.nanoCpus);
    m_ui->pidsSlider->setValue(form.pidsLimit);
    m_updating = false;
    refresh();
}

RunForm RunDialog::form() const
{
    RunForm f;
    f.image = m_ui->imageCombo->currentText();
    f.name = m_ui->nameEdit->text();
    f.command = m_ui->commandEdit->text();
    f.entrypoint = m_ui->entrypointEdit->text();
    f.workingDir = m_ui->workingDirEdit->text();
    f.user = m_ui->userEdit->text();
    f.hostname = m_ui->hostnameEdit->text();
    f.network = m_ui->networkCombo->currentData().toString();
    f.tty = m_ui->ttyCheck->isChecked();
    f.interactive = m_ui->interactiveCheck->isChecked();
    f.autoRemove = m_ui->autoRemoveCheck->isChecked();
    f.stepThrough = m_ui->stepThroughCheck->isChecked();
    f.privileged = m_ui->privilegedCheck->isChecked();
    f.capAdd = m_ui->capAddEdit->text();
    f.capDrop = m_ui->capDropEdit->text();

    auto text = [](const QTableWidget *table, int row, int column) {
        const QTableWidgetItem *item = table->item(row, column);
        return item ? item->text() : QString();
    };
    const QTableWidget *env = m_ui->envTable;
    for (int row = 0; row < env->rowCount(); ++row)
        f.env << EnvRow{text(env, row, 0), text(env, row, 1)};
    const QTableWidget *ports = m_ui->portsTable;
    for (int row = 0; row < ports->rowCount(); ++row) {
        const auto *protocol = qobject_cast<const QComboBox *>(ports->cellWidget(row, 3));
        f.ports << PortRow{text(ports, row, 0), text(ports, row, 1), text(ports, row, 2),
                           protocol ? protocol->currentText() : u"tcp"_s};
    }
    const QTableWidget *volumes = m_ui->volumesTable;
    for (int row = 0; row < volumes->rowCount(); ++row) {
        const QTableWidgetItem *ro = volumes->item(row, kReadOnlyColumn);
        f.volumes << VolumeRow{text(volumes, row, 0), text(volumes, row, 1),
                               ro && ro->checkState() == Qt::Checked};
    }

    f.memoryBytes = m_ui->memorySlider->value();
    f.memorySwapBytes = m_ui->swapSlider->value();
    f.nanoCpus = m_ui->cpuSlider->value();
    f.pidsLimit = m_ui->pidsSlider->value();
    return f;
}

QString RunDialog::commandLine() const
{
    return m_ui->commandLineEdit->text();
}

void RunDialog::copyCommandLine()
{
    QGuiApplication::clipboard()->setText(commandLine());
    m_ui->copyButton->setText(tr("Copied"));
    QTimer::singleShot(1500, this, [this] { m_ui->copyButton->setText(tr("Cop&y")); });
}

// ---------------------------------------------------------------- setup

void RunDialog::setupTables()
{
    for (QTableWidget *table : {m_ui->envTable, m_ui->portsTable, m_ui->volumesTable}) {
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setEditTriggers(QAbstractItemView::AllEditTriggers);
        table->horizontalHeader()->setHighlightSections(false);
        // Row numbers stay visible: the messages below the form name them.
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    }
    m_ui->envTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_ui->envTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->envTable->setColumnWidth(0, 220);

    QHeaderView *ports = m_ui->portsTable->horizontalHeader();
    ports->setSectionResizeMode(QHeaderView::Stretch);
    ports->setSectionResizeMode(kProtocolColumn, QHeaderView::ResizeToContents);

    QHeaderView *volumes = m_ui->volumesTable->horizontalHeader();
    volumes->setSectionResizeMode(0, QHeaderView::Stretch);
    volumes->setSectionResizeMode(1, QHeaderView::Stretch);
    volumes->setSectionResizeMode(kReadOnlyColumn, QHeaderView::ResizeToContents);

    m_ui->envTable->setToolTip(tr("Variables set in the container, like -e NAME=value"));
    m_ui->portsTable->setToolTip(
        tr("Leave Host IP empty to listen on every address, and Host port empty to use the "
           "container port"));
}

void RunDialog::setupLimits()
{
    const LimitSlider::Unit mib{tr("MiB"), MiB, 0, 64};
    const LimitSlider::Unit gib{tr("GiB"), GiB, 3, 0.25};
    LimitSlider *memory = m_ui->memorySlider;
    memory->setUnits({mib, gib});
    memory->setQuantum(MiB);
    memory->setZeroText(tr("no limit"));

    LimitSlider *swap = m_ui->swapSlider;
    swap->setUnits({mib, gib});
    swap->setQuantum(MiB);
    swap->setZeroText(tr("default"));
    swap->setUnlimitedText(tr("Unlimited swap"));
    swap->setToolTip(tr("Memory and swap together, as docker run --memory-swap: the default "
                        "allows as much swap as memory (twice the memory in total)."));

    LimitSlider *cpu = m_ui->cpuSlider;
    cpu->setUnits({{tr("CPUs"), NanoCpus, 2, 0.1}});
    cpu->setQuantum(NanoCpus / 100);
    cpu->setZeroText(tr("no limit"));

    LimitSlider *pids = m_ui->pidsSlider;
    pids->setUnits({{tr("processes"), 1, 0, 1}});
    pids->setQuantum(1);
    pids->setSliderStops(pidsStops());
    pids->setMaximum(CgroupLimits::kMaxPids);
    pids->setZeroText(tr("no limit"));
}

void RunDialog::connectFields()
{
    auto changed = [this] { refresh(); };
    connect(m_ui->imageCombo, &QComboBox::currentTextChanged, this, changed);
    connect(m_ui->networkCombo, &QComboBox::currentIndexChanged, this, changed);
    for (QLineEdit *edit :
         {m_ui->nameEdit, m_ui->commandEdit, m_ui->entrypointEdit, m_ui->workingDirEdit,
          m_ui->userEdit, m_ui->hostnameEdit, m_ui->capAddEdit, m_ui->capDropEdit})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QCheckBox *box : {m_ui->ttyCheck, m_ui->interactiveCheck, m_ui->autoRemoveCheck,
                           m_ui->stepThroughCheck, m_ui->privilegedCheck})
        connect(box, &QCheckBox::toggled, this, changed);
    for (QTableWidget *table : {m_ui->envTable, m_ui->portsTable, m_ui->volumesTable})
        connect(table, &QTableWidget::itemChanged, this, changed);
    for (LimitSlider *slider :
         {m_ui->memorySlider, m_ui->swapSlider, m_ui->cpuSlider, m_ui->pidsSlider})
        connect(slider, &LimitSlider::valueChanged, this, changed);

    connect(m_ui->envAddButton, &QPushButton::clicked, this, [this] {
        const int row = addEnvRow({});
        m_ui->envTable->setCurrentCell(row, 0);
        m_ui->envTable->editItem(m_ui->envTable->item(row, 0));
    });
    connect(m_ui->portAddButton, &QPushButton::clicked, this, [this] {
        const int row = addPortRow({});
        m_ui->portsTable->setCurrentCell(row, 2);
        m_ui->portsTable->editItem(m_ui->portsTable->item(row, 2));
    });
    connect(m_ui->volumeAddButton, &QPushButton::clicked, this, &RunDialog::addVolume);
    connect(m_ui->volumeBrowseButton, &QPushButton::clicked, this, &RunDialog::browseVolume);
    connect(m_ui->envRemoveButton, &QPushButton::clicked, this,
            [this] { removeSelectedRows(m_ui->envTable); });
    connect(m_ui->portRemoveButton, &QPushButton::clicked, this,
            [this] { removeSelectedRows(m_ui->portsTable); });
    connect(m_ui->volumeRemoveButton, &QPushButton::clicked, this,
            [this] { removeSelectedRows(m_ui->volumesTable); });
    connect(m_ui->copyButton, &QPushButton::clicked, this, &RunDialog::copyCommandLine);
}

// ---------------------------------------------------------------- tables

int RunDialog::addEnvRow(const EnvRow &values)
{
    QTableWidget *table = m_ui->envTable;
    const bool outer = !m_updating;
    m_updating = true;
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(values.name));
    table->setItem(row, 1, new QTableWidgetItem(values.value));
    m_updating = !outer;
    refresh();
    return row;
}

int RunDialog::addPortRow(const PortRow &values)
{
    QTableWidget *table = m_ui->portsTable;
    const bool outer = !m_updating;
    m_updating = true;
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(values.hostIp));
    table->setItem(row, 1, new QTableWidgetItem(values.hostPort));
    table->setItem(row, 2, new QTableWidgetItem(values.containerPort));
    auto *protocol = new QComboBox(table);
    protocol->setProperty(kCellWidget, true);
    protocol->addItems({u"tcp"_s, u"udp"_s});
    protocol->setCurrentText(values.protocol);
    connect(protocol, &QComboBox::currentTextChanged, this, [this] { refresh(); });
    table->setCellWidget(row, kProtocolColumn, protocol);
    m_updating = !outer;
    refresh();
    return row;
}

int RunDialog::addVolumeRow(const VolumeRow &values)
{
    QTableWidget *table = m_ui->volumesTable;
    const bool outer = !m_updating;
    m_updating = true;
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(values.hostPath));
    table->setItem(row, 1, new QTableWidgetItem(values.containerPath));
    auto *readOnly = new QTableWidgetItem(tr("read-only"));
    readOnly->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    readOnly->setCheckState(values.readOnly ? Qt::Checked : Qt::Unchecked);
    table->setItem(row, kReadOnlyColumn, readOnly);
    m_updating = !outer;
    refresh();
    return row;
}

void RunDialog::addVolume()
{
    const QString start = m_lastFolder.isEmpty() ? QDir::homePath() : m_lastFolder;
    const QString folder = m_chooseDirectory(this, start);
    if (folder.isEmpty())
        return;
    m_lastFolder = folder;
    const QString base = QFileInfo(folder).fileName();
    const int row = addVolumeRow({folder, u"/mnt/"_s + (base.isEmpty() ? u"host"_s : base), false});
    m_ui->volumesTable->setCurrentCell(row, 1);
}

void RunDialog::browseVolume()
{
    QTableWidget *table = m_ui->volumesTable;
    const int row = table->currentRow();
    if (row < 0) {
        addVolume();
        return;
    }
    QTableWidgetItem *item = table->item(row, 0);
    const QString start = item && !item->text().isEmpty() ? item->text() : QDir::homePath();
    const QString folder = m_chooseDirectory(this, start);
    if (folder.isEmpty())
        return;
    m_lastFolder = folder;
    if (item)
        item->setText(folder); // itemChanged refreshes
    else
        table->setItem(row, 0, new QTableWidgetItem(folder));
}

void RunDialog::removeSelectedRows(QTableWidget *table)
{
    QSet<int> rows;
    for (const QModelIndex &index : table->selectionModel()->selectedIndexes())
        rows.insert(index.row());
    if (rows.isEmpty() && table->currentRow() >= 0)
        rows.insert(table->currentRow());
    QList<int> sorted(rows.cbegin(), rows.cend());
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    m_updating = true;
    for (int row : sorted)
        table->removeRow(row);
    m_updating = false;
    refresh();
}

// ---------------------------------------------------------------- refresh

void RunDialog::refresh()
{
    if (m_updating)
        return;
    m_check = form().check(m_host);
    // Marking cells changes items, which would call us again.
    m_updating = true;
    clearMarks();
    QSet<QWidget *> tabsWithErrors;
    for (const RunIssue &issue : std::as_const(m_check.issues)) {
        if (issue.severity != RunIssue::Severity::Error)
            continue;
        markIssue(issue);
        if (QWidget *tab = tabFor(issue.field))
            tabsWithErrors.insert(tab);
        if ((issue.field == RunField::CapAdd || issue.field == RunField::CapDrop) &&
            !m_ui->advancedToggle->isChecked())
            m_ui->advancedToggle->setChecked(true);
    }
    for (int i = 0; i < m_ui->tabs->count(); ++i)
        m_ui->tabs->tabBar()->setTabTextColor(i, tabsWithErrors.contains(m_ui->tabs->widget(i))
                                                     ? QColor(0xd3, 0x2f, 0x2f)
                                                     : QColor());

    updateHints();
    updateLimits();
    updateMessages();
    updateNetworkHint();
    m_ui->commandLineEdit->setText(m_check.spec.commandLine());
    m_ui->commandLineEdit->setCursorPosition(0);
    // The whole command in the tooltip: the line is often wider than the dialog.
    m_ui->commandLineEdit->setToolTip(
        m_check.isValid() ? m_check.spec.commandLine()
                          : tr("Fix the marked fields: the command shows only what is valid so "
                               "far.\n%1")
                                .arg(m_check.spec.commandLine()));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_check.isValid());
    m_updating = false;
}

void RunDialog::clearMarks()
{
    for (const QPointer<QWidget> &w : std::as_const(m_marked)) {
        if (!w)
            continue; // a removed row's protocol box
        w->setStyleSheet({});
        w->setToolTip(w->property(kSavedToolTip).toString());
    }
    m_marked.clear();
    for (LimitSlider *slider :
         {m_ui->memorySlider, m_ui->swapSlider, m_ui->cpuSlider, m_ui->pidsSlider})
        slider->setProblem({});
    for (QTableWidget *table : {m_ui->envTable, m_ui->portsTable, m_ui->volumesTable}) {
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = 0; column < table->columnCount(); ++column) {
                if (QTableWidgetItem *item = table->item(row, column)) {
                    if (item->data(Qt::BackgroundRole).isValid())
                        item->setData(Qt::BackgroundRole, QVariant());
                    if (!item->toolTip().isEmpty())
                        item->setToolTip({});
                }
            }
        }
    }
}

void RunDialog::markIssue(const RunIssue &issue)
{
    switch (issue.field) {
    case RunField::Env:
        markCell(m_ui->envTable, issue.row, issue.column, issue.message);
        return;
    case RunField::Ports:
        markCell(m_ui->portsTable, issue.row, issue.column, issue.message);
        return;
    case RunField::Volumes:
        markCell(m_ui->volumesTable, issue.row, issue.column, issue.message);
        return;
    case RunField::Memory:
        m_ui->memorySlider->setProblem(issue.message);
        return;
    case RunField::Swap:
        m_ui->swapSlider->setProblem(issue.message);
        return;
    case RunField::Cpus:
        m_ui->cpuSlider->setProblem(issue.message);
        return;
    case RunField::Pids:
        m_ui->pidsSlider->setProblem(issue.message);
        return;
    default:
        if (QWidget *w = widgetFor(issue.field))
            markWidget(w, issue.message);
        return;
    }
}

void RunDialog::markWidget(QWidget *widget, const QString &message)
{
    if (!m_marked.contains(widget)) {
        if (!widget->property(kSavedToolTip).isValid())
            widget->setProperty(kSavedToolTip, widget->toolTip());
        widget->setStyleSheet(invalidStyle(widget));
        m_marked << widget;
        widget->setToolTip(message);
    } else {
        widget->setToolTip(widget->toolTip() + u'\n' + message);
    }
}

void RunDialog::markCell(QTableWidget *table, int row, int column, const QString &message)
{
    if (row < 0 || row >= table->rowCount())
        return;
    const int first = column < 0 ? 0 : column;
    const int last = column < 0 ? table->columnCount() - 1 : column;
    for (int c = first; c <= last; ++c) {
        // Only our own cell widgets (the protocol box): cellWidget() also returns
        // an editor the user has open, which is gone once they press Enter.
        QWidget *cell = table->cellWidget(row, c);
        if (cell && cell->property(kCellWidget).toBool()) {
            markWidget(cell, message);
            continue;
        }
        QTableWidgetItem *item = table->item(row, c);
        if (!item) {
            item = new QTableWidgetItem;
            table->setItem(row, c, item);
        }
        // Translucent, so the text stays readable on light and dark themes.
        item->setBackground(QColor(0xd3, 0x2f, 0x2f, 70));
        item->setToolTip(message);
    }
}

QWidget *RunDialog::widgetFor(RunField field) const
{
    switch (field) {
    case RunField::Image:
        return m_ui->imageCombo;
    case RunField::Name:
        return m_ui->nameEdit;
    case RunField::Command:
        return m_ui->commandEdit;
    case RunField::Entrypoint:
        return m_ui->entrypointEdit;
    case RunField::Env:
        return m_ui->envTable;
    case RunField::WorkingDir:
        return m_ui->workingDirEdit;
    case RunField::User:
        return m_ui->userEdit;
    case RunField::Hostname:
        return m_ui->hostnameEdit;
    case RunField::Network:
        return m_ui->networkCombo;
    case RunField::Ports:
        return m_ui->portsTable;
    case RunField::Volumes:
        return m_ui->volumesTable;
    case RunField::Memory:
        return m_ui->memorySlider;
    case RunField::Swap:
        return m_ui->swapSlider;
    case RunField::Cpus:
        return m_ui->cpuSlider;
    case RunField::Pids:
        return m_ui->pidsSlider;
    case RunField::CapAdd:
        return m_ui->capAddEdit;
    case RunField::CapDrop:
        return m_ui->capDropEdit;
    case RunField::Privileged:
        return m_ui->privilegedCheck;
    }
    return nullptr;
}

QWidget *RunDialog::tabFor(RunField field) const
{
    switch (field) {
    case RunField::Image:
    case RunField::Name:
        return nullptr;
    case RunField::Command:
    case RunField::Entrypoint:
    case RunField::WorkingDir:
    case RunField::User:
    case RunField::Hostname:
    case RunField::CapAdd:
    case RunField::CapDrop:
    case RunField::Privileged:
        return m_ui->generalTab;
    case RunField::Env:
        return m_ui->environmentTab;
    case RunField::Network:
    case RunField::Ports:
        return m_ui->networkTab;
    case RunField::Volumes:
        return m_ui->volumesTab;
    case RunField::Memory:
    case RunField::Swap:
    case RunField::Cpus:
    case RunField::Pids:
        return m_ui->resourcesTab;
    }
    return nullptr;
}

void RunDialog::updateHints()
{
    // The words the process will get, in Docker's exec form, so quoting mistakes
    // show before the container runs.
    auto command = splitShellWords(m_ui->commandEdit->text());
    if (!command)
        m_ui->commandHint->setText({});
    else if (command->isEmpty())
        m_ui->commandHint->setText(tr("runs the image's command"));
    else
        m_ui->commandHint->setText(tr("arguments: %1").arg(execForm(*command)));

    auto entrypoint = splitShellWords(m_ui->entrypointEdit->text());
    if (!entrypoint)
        m_ui->entrypointHint->setText({});
    else if (entrypoint->isEmpty())
        m_ui->entrypointHint->setText(tr("uses the image's entrypoint"));
    else if (entrypoint->size() == 1 && entrypoint->first().isEmpty())
        m_ui->entrypointHint->setText(tr("no entrypoint: the command runs by itself"));
    else
        m_ui->entrypointHint->setText(tr("program: %1").arg(execForm(*entrypoint)));
}

void RunDialog::updateLimits()
{
    const CgroupLimits &limits = m_check.spec.limits;
    const std::pair<LimitSlider *, LimitKind> sliders[] = {
        {m_ui->memorySlider, LimitKind::Memory},
        {m_ui->swapSlider, LimitKind::Swap},
        {m_ui->cpuSlider, LimitKind::Cpus},
        {m_ui->pidsSlider, LimitKind::Pids},
    };
    for (const auto &[slider, kind] : sliders) {
        const CgroupPreview preview = cgroupPreview(limits, kind, m_host);
        slider->setPreview(preview.text(), preview.toolTip);
    }
}

void RunDialog::updateMessages()
{
    const QStringList errors = m_check.errorMessages();
    const QStringList warnings = m_check.warningMessages();
    if (errors.isEmpty() && warnings.isEmpty()) {
        m_ui->messageLabel->setText(tr("Ready to run."));
        return;
    }
    QStringList lines;
    for (const QString &e : errors)
        lines << u"<span style=\"color:#d32f2f\">✖ "_s + e.toHtmlEscaped() + u"</span>"_s;
    for (const QString &w : warnings)
        lines << u"<span style=\"color:#b26a00\">⚠ "_s + w.toHtmlEscaped() + u"</span>"_s;
    m_ui->messageLabel->setText(lines.join(u"<br>"_s));
}

void RunDialog::updateHostLabel()
{
    const QString cpus = m_host.hostCpus > 0 ? QString::number(m_host.hostCpus) : tr("?");
    const QString memory =
        m_host.hostMemory > 0 ? formatBytesBinary(m_host.hostMemory) : tr("unknown");
    if (!m_host.known) {
        m_ui->hostLabel->setText(tr("The helper has not described this host yet: the files "
                                    "below assume %1.")
                                     .arg(cgroupModeDescription(m_host.cgroupMode)));
        return;
    }
    m_ui->hostLabel->setText(tr("This host: %1 · %2 CPUs · %3 of memory · swap accounting %4")
                                 .arg(cgroupModeDescription(m_host.cgroupMode), cpus, memory,
                                      m_host.swapAccounting ? tr("on") : tr("off")));
}

void RunDialog::updateNetworkHint()
{
    const QString mode = m_ui->networkCombo->currentData().toString();
    QString hint;
    if (mode == u"bridge"_s)
        hint = tr("Its own network namespace with a veth pair on the koker0 bridge; the host "
                  "reaches the internet for it through NAT.");
    else if (mode == u"none"_s)
        hint = tr("Its own network namespace with only the loopback interface: no network.");
    else if (mode == u"host"_s)
        hint = tr("No network namespace: the container sees and uses the host's interfaces.");
    else
        hint = tr("Your network “%1”: containers on it reach each other by name.").arg(mode);
    m_ui->networkHint->setText(hint);
}

} // namespace koker::studio
