#pragma once

// The controls of a start in step-through mode (docs/learn/step-through.md), shown
// above the step timeline. kokerd pauses before every step and sends it with state
// "planned"; the bar then offers:
//   Next      run that step, pause before the next (Operation.Continue(true))
//   Continue  run it and every later one without pausing
//   Abort     do not run it (Continue(false)); the engine rolls back what was done.
//             While a step runs, Abort cancels the operation (Operation.Cancel).
// The bar only calls the two functions it is given, so tests drive it without a
// bus; watch() connects it to a real OperationClient.

#include "runtime/step.h"

#include <QtWidgets/QFrame>

#include <functional>

namespace Ui {
class StepThroughBar;
}

namespace koker::client {
class OperationClient;
}

namespace koker::studio {

class StepThroughBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepThroughBar)

public:
    enum class State
    {
        Idle,         // nothing to control
        Running,      // a step runs; the next pause comes
        Waiting,      // paused before waitingStep()
        RunningToEnd, // Continue was pressed: no more pauses
        Aborting,     // Abort was pressed: the rollback runs
        Finished,     // the operation completed (see succeeded())
    };
    Q_ENUM(State)

    explicit StepThroughBar(QWidget *parent = nullptr);
    ~StepThroughBar() override;

    /// Control an operation through `proceed` (true: run the waiting step, false:
    /// abort) and `cancel` (abort while a step runs).
    void control(std::function<void(bool)> proceed, std::function<void()> cancel);
    /// control() an OperationClient and follow its steps and completion.
    void watch(client::OperationClient *op);

    /// A step record of the operation arrived; "planned" means kokerd waits before it.
    void stepArrived(const StepRecord &step);
    /// The operation completed.
    void finish(bool success, const QString &message = {});

    State state() const { return m_state; }
    /// The step kokerd waits before (meaningful in Waiting).
    const StepRecord &waitingStep() const { return m_waiting; }
    /// How many pauses were answered with Next or Continue.
    int stepsAllowed() const { return m_allowed; }
    bool succeeded() const { return m_success; }
    /// The sentence shown on the bar.
    QString stateText() const;

public Q_SLOTS:
    void next();
    void continueToEnd();
    void abort();

Q_SIGNALS:
    /// kokerd waits before `step`: show its operation and lesson.
    void waitingFor(const koker::StepRecord &step);
    void stateChanged(koker::studio::StepThroughBar::State state);

private:
    void setState(State state);

    Ui::StepThroughBar *m_ui = nullptr;
    std::function<void(bool)> m_proceed;
    std::function<void()> m_cancel;
    State m_state = State::Idle;
    StepRecord m_waiting;
    int m_allowed = 0;
    bool m_success = false;
    QString m_finalMessage;
};

} // namespace koker::studio
