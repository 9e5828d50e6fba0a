#pragma once

// One resource limit as a student sets it: a slider to drag, a number field to be
// exact, a unit selector (MiB/GiB), an optional "unlimited" box, and under them the
// cgroup file(s) and value(s) the limit will write on this host, so moving the
// slider shows the kernel interface change with it. The value is kept in base units
// (bytes, nano-CPUs, processes) and 0 means "no limit", as on the command line.
//
// The slider moves over a list of stops rather than linearly: memory spans 8 MiB to
// tens of GiB, and a linear track would put every useful value in its first pixels.
// The number field takes any value; the slider then rests on the nearest stop.
//
// Built in code, not from a .ui form: it is a control used inside forms (the run
// dialog promotes placeholders to it), with no layout a designer would change.

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtWidgets/QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFrame;
class QLabel;
class QSlider;

namespace koker::studio {

class LimitSlider final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitSlider)

public:
    /// A unit of the number field: its name, size in base units, decimals and arrow step.
    struct Unit
    {
        QString name;      // "MiB", "GiB", "CPUs", "processes"
        qint64 factor = 1; // base units per unit
        int decimals = 0;  // decimals the field shows and accepts
        double step = 1;   // what the field's arrows add, in this unit
    };

    explicit LimitSlider(QWidget *parent = nullptr);
    ~LimitSlider() override;

    /// The units to choose from (the first is selected); one unit hides the selector.
    void setUnits(const QList<Unit> &units);
    /// The selected unit's index.
    int unitIndex() const;
    /// Select a unit; the value stays, the field shows it in the new unit.
    void setUnitIndex(int index);
    /// Values typed in the field are rounded to a multiple of this (e.g. 1 MiB).
    void setQuantum(qint64 quantum);
    /// The values the slider stops at, ascending, starting with 0 ("no limit").
    void setSliderStops(const QList<qint64> &stops);
    /// The slider's stops.
    QList<qint64> sliderStops() const { return m_stops; }
    /// The slider position showing `value`: its stop, or the nearest stop.
    int sliderPositionFor(qint64 value) const;
    /// The largest value the field accepts, in base units.
    void setMaximum(qint64 maximum);
    /// The largest value the field accepts.
    qint64 maximum() const { return m_maximum; }
    /// What the field shows for 0 ("no limit", "default").
    void setZeroText(const QString &text);
    /// Offer an "unlimited" box with this label (value -1 when checked); empty removes it.
    void setUnlimitedText(const QString &text);

    /// The limit in base units; 0 = no limit, -1 = unlimited (when offered).
    qint64 value() const { return m_value; }
    /// Set the limit in base units (kept exact, not rounded); emits valueChanged if it changed.
    void setValue(qint64 value);

    /// Show what the limit writes: "memory.max ← 268435456" (lines), with details in the tooltip.
    void setPreview(const QString &text, const QString &toolTip = {});
    /// The preview shown under the slider.
    QString previewText() const;
    /// Mark the control invalid with a red frame and this tooltip; empty clears it.
    void setProblem(const QString &message);
    /// The problem shown, empty when valid.
    QString problem() const { return m_problem; }

    /// The slider part, for tests and keyboard focus.
    QSlider *slider() const { return m_slider; }
    /// The number field.
    QDoubleSpinBox *field() const { return m_field; }
    /// The unit selector (hidden with a single unit, whose name a label shows instead).
    QComboBox *unitSelector() const { return m_unitBox; }
    /// The "unlimited" box (hidden unless offered).
    QCheckBox *unlimitedBox() const { return m_unlimitedBox; }

Q_SIGNALS:
    /// The limit changed, by the user or by setValue().
    void valueChanged(qint64 value);

private:
    void onSliderMoved(int position);
    void onFieldEdited(double shown);
    void onUnitChanged(int index);
    void onUnlimitedToggled(bool on);
    void changeValue(qint64 value);
    void showValue(bool updateField);
    void configureField();
    void updateEnabled();

    QFrame *m_frame = nullptr;
    QSlider *m_slider = nullptr;
    QDoubleSpinBox *m_field = nullptr;
    QComboBox *m_unitBox = nullptr;
    QLabel *m_unitLabel = nullptr; // instead of the selector when there is one unit
    QCheckBox *m_unlimitedBox = nullptr;
    QLabel *m_preview = nullptr;

    QList<Unit> m_units;
    QList<qint64> m_stops{0};
    qint64 m_quantum = 1;
    qint64 m_maximum = 0;
    qint64 m_value = 0;
    qint64 m_valueBeforeUnlimited = 0;
    QString m_problem;
    QString m_toolTip;
    bool m_updating = false; // our own writes to the parts must not echo back
};

} // namespace koker::studio
