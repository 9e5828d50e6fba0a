#include "limitslider.h"

#include <QtGui/QFontDatabase>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QFrame>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSlider>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

LimitSlider::LimitSlider(QWidget *parent)
    : QWidget(parent)
    , m_frame(new QFrame(this))
    , m_slider(new QSlider(Qt::Horizontal, m_frame))
    , m_field(new QDoubleSpinBox(m_frame))
    , m_unitBox(new QComboBox(m_frame))
    , m_unitLabel(new QLabel(m_frame))
    , m_unlimitedBox(new QCheckBox(m_frame))
    , m_preview(new QLabel(m_frame))
{
    // The frame carries the red border of an invalid value; the ID selector keeps
    // the style sheet off the parts inside it.
    m_frame->setObjectName(u"limitFrame"_s);
    m_slider->setObjectName(u"slider"_s);
    m_field->setObjectName(u"field"_s);
    m_unitBox->setObjectName(u"unit"_s);
    m_unitLabel->setObjectName(u"unitLabel"_s);
    m_unlimitedBox->setObjectName(u"unlimited"_s);
    m_preview->setObjectName(u"preview"_s);

    // A grid with fixed columns for the field and the unit, so that sliders stacked
    // in a form line up whatever their units; the "unlimited" box sits under the
    // unit, beside the preview.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_frame);
    auto *grid = new QGridLayout(m_frame);
    grid->setContentsMargins(2, 2, 2, 2);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(1);
    grid->addWidget(m_slider, 0, 0);
    grid->addWidget(m_field, 0, 1);
    grid->addWidget(m_unitBox, 0, 2);
    grid->addWidget(m_unitLabel, 0, 2);
    grid->addWidget(m_preview, 1, 0);
    grid->addWidget(m_unlimitedBox, 1, 1, 1, 2, Qt::AlignRight);
    grid->setColumnStretch(0, 1);

    m_slider->setTickPosition(QSlider::NoTicks);
    m_slider->setPageStep(4);
    m_slider->setMinimumWidth(160);
    m_field->setKeyboardTracking(true);
    m_field->setAlignment(Qt::AlignRight);
    m_field->setAccelerated(true);
    m_field->setFixedWidth(m_field->fontMetrics().horizontalAdvance(u"000000.000"_s) + 40);
    m_unlimitedBox->hide();
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(7.0, font().pointSizeF() - 1));
    m_preview->setFont(mono);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setForegroundRole(QPalette::PlaceholderText);

    connect(m_slider, &QSlider::valueChanged, this, &LimitSlider::onSliderMoved);
    connect(m_field, &QDoubleSpinBox::valueChanged, this, &LimitSlider::onFieldEdited);
    connect(m_unitBox, &QComboBox::currentIndexChanged, this, &LimitSlider::onUnitChanged);
    connect(m_unlimitedBox, &QCheckBox::toggled, this, &LimitSlider::onUnlimitedToggled);

    setUnits({Unit{}});
    setFocusProxy(m_field);
}

LimitSlider::~LimitSlider() = default;

void LimitSlider::setUnits(const QList<Unit> &units)
{
    m_units = units.isEmpty() ? QList<Unit>{Unit{}} : units;
    m_updating = true;
    m_unitBox->clear();
    for (const Unit &u : std::as_const(m_units))
        m_unitBox->addItem(u.name);
    m_unitBox->setCurrentIndex(0);
    m_unitBox->setVisible(m_units.size() > 1);
    m_unitLabel->setText(m_units.first().name);
    m_unitLabel->setVisible(m_units.size() == 1);
    // The same width for the selector and the plain label, wide enough for the
    // longest unit name, keeps the number fields of stacked sliders aligned.
    int width = m_unitBox->fontMetrics().horizontalAdvance(tr("processes"));
    for (const Unit &u : std::as_const(m_units))
        width = std::max(width, m_unitBox->fontMetrics().horizontalAdvance(u.name));
    m_unitBox->setFixedWidth(width + 40);
    m_unitLabel->setFixedWidth(width + 40);
    m_updating = false;
    configureField();
}

int LimitSlider::unitIndex() const
{
    return std::max(0, m_unitBox->currentIndex());
}

void LimitSlider::setUnitIndex(int index)
{
    if (index >= 0 && index < m_units.size())
        m_unitBox->setCurrentIndex(index);
}

void LimitSlider::setQuantum(qint64 quantum)
{
    m_quantum = std::max<qint64>(1, quantum);
}

void LimitSlider::setSliderStops(const QList<qint64> &stops)
{
    m_stops = stops.isEmpty() ? QList<qint64>{0} : stops;
    m_updating = true;
    m_slider->setRange(0, int(m_stops.size()) - 1);
    m_updating = false;
    showValue(false);
}

int LimitSlider::sliderPositionFor(qint64 value) const
{
    // The stop nearest to the value (the first of two equally near ones).
    int best = 0;
    for (int i = 1; i < m_stops.size(); ++i) {
        if (std::llabs(m_stops[i] - value) < std::llabs(m_stops[best] - value))
            best = i;
    }
    return best;
}

void LimitSlider::setMaximum(qint64 maximum)
{
    m_maximum = std::max<qint64>(0, maximum);
    configureField();
}

void LimitSlider::setZeroText(const QString &text)
{
    m_field->setSpecialValueText(text);
}

void LimitSlider::setUnlimitedText(const QString &text)
{
    m_unlimitedBox->setText(text);
    m_unlimitedBox->setVisible(!text.isEmpty());
    if (text.isEmpty() && m_unlimitedBox->isChecked())
        m_unlimitedBox->setChecked(false);
}

void LimitSlider::setValue(qint64 value)
{
    if (value == -1 && !m_unlimitedBox->text().isEmpty()) {
        m_unlimitedBox->setChecked(true); // onUnlimitedToggled() sets the value
        return;
    }
    if (m_unlimitedBox->isChecked()) {
        m_updating = true;
        m_unlimitedBox->setChecked(false);
        m_updating = false;
        updateEnabled();
    }
    changeValue(value);
    showValue(true);
}

void LimitSlider::setPreview(const QString &text, const QString &toolTip)
{
    m_preview->setText(text);
    m_preview->setToolTip(toolTip);
}

QString LimitSlider::previewText() const
{
    return m_preview->text();
}

void LimitSlider::setProblem(const QString &message)
{
    if (message == m_problem)
        return;
    m_problem = message;
    m_frame->setStyleSheet(
        message.isEmpty() ? QString()
                          : u"#limitFrame { border: 1px solid #d32f2f; border-radius: 3px; }"_s);
    m_field->setToolTip(message);
    m_slider->setToolTip(message);
}

void LimitSlider::onSliderMoved(int position)
{
    if (m_updating || position < 0 || position >= m_stops.size())
        return;
    changeValue(std::min(m_stops[position], m_maximum > 0 ? m_maximum : m_stops[position]));
    showValue(true);
}

void LimitSlider::onFieldEdited(double shown)
{
    if (m_updating)
        return;
    const Unit &unit = m_units[unitIndex()];
    // Typed values are rounded to the quantum (whole MiB, hundredths of a CPU):
    // the command line then shows "300m", not 314572800 bytes and change.
    const double base = shown * double(unit.factor);
    qint64 value = qint64(std::llround(base / double(m_quantum))) * m_quantum;
    changeValue(std::clamp<qint64>(value, 0, m_maximum > 0 ? m_maximum : value));
    showValue(false);
}

void LimitSlider::onUnitChanged(int)
{
    if (m_updating)
        return;
    configureField();
}

void LimitSlider::onUnlimitedToggled(bool on)
{
    if (m_updating)
        return;
    if (on) {
        m_valueBeforeUnlimited = m_value;
        changeValue(-1);
    } else {
        changeValue(m_valueBeforeUnlimited);
        showValue(true);
    }
    updateEnabled();
}

void LimitSlider::changeValue(qint64 value)
{
    if (value == m_value)
        return;
    m_value = value;
    Q_EMIT valueChanged(m_value);
}

void LimitSlider::showValue(bool updateField)
{
    m_updating = true;
    if (m_value >= 0) {
        m_slider->setValue(sliderPositionFor(m_value));
        if (updateField)
            m_field->setValue(double(m_value) / double(m_units[unitIndex()].factor));
    }
    m_updating = false;
}

void LimitSlider::configureField()
{
    const Unit &unit = m_units[unitIndex()];
    m_updating = true;
    m_field->setDecimals(unit.decimals);
    m_field->setSingleStep(unit.step);
    m_field->setRange(0, double(m_maximum) / double(unit.factor));
    m_updating = false;
    showValue(true);
}

void LimitSlider::updateEnabled()
{
    const bool unlimited = m_unlimitedBox->isChecked();
    m_slider->setEnabled(!unlimited);
    m_field->setEnabled(!unlimited);
    m_unitBox->setEnabled(!unlimited);
    m_unitLabel->setEnabled(!unlimited);
}

} // namespace koker::studio
