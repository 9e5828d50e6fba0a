// The step-through bar's answers to kokerd's pauses, without a bus: the functions
// it is given record what it would send (Operation.Continue(go), Operation.Cancel).

#include "studio/stepthroughbar.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QPushButton>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

StepRecord step(quint32 seq, StepState state, const char *title = "Create the cgroup")
{
    StepRecord r;
    r.seq = seq;
    r.state = state;
    r.phase = Phase::Cgroup;
    r.setKey("cgroup.mkdir");
    r.setTitle(title);
    return r;
}

} // namespace

class TestStepThroughBar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void nextAnswersOnePause();
    void continueAnswersEveryLaterPause();
    void abortWhileWaitingSaysNo();
    void abortWhileRunningCancels();
    void buttonsFollowTheState();
    void finishedTexts();

private:
    std::unique_ptr<StepThroughBar> m_bar;
    QList<bool> m_answers;
    int m_cancels = 0;
};

void TestStepThroughBar::init()
{
    m_bar = std::make_unique<StepThroughBar>();
    m_answers.clear();
    m_cancels = 0;
    m_bar->control([this](bool go) { m_answers << go; }, [this] { ++m_cancels; });
    QCOMPARE(m_bar->state(), StepThroughBar::State::Running);
}

void TestStepThroughBar::nextAnswersOnePause()
{
    QSignalSpy waiting(m_bar.get(), &StepThroughBar::waitingFor);
    // Finished records of earlier steps are not pauses.
    m_bar->stepArrived(step(0, StepState::Done));
    QCOMPARE(waiting.size(), 0);
    m_bar->stepArrived(step(3, StepState::Planned, "Create the container's cgroup"));
    QCOMPARE(m_bar->state(), StepThroughBar::State::Waiting);
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(m_bar->waitingStep().seq, 3u);
    QVERIFY(m_bar->stateText().contains(u"Create the container's cgroup"_s));
    QVERIFY(m_answers.isEmpty()); // nothing is sent before the student chooses
    m_bar->next();
    QCOMPARE(m_answers, QList<bool>{true});
    QCOMPARE(m_bar->state(), StepThroughBar::State::Running);
    // A second Next without a pause does nothing.
    m_bar->next();
    QCOMPARE(m_answers.size(), 1);
    m_bar->stepArrived(step(4, StepState::Planned));
    m_bar->next();
    QCOMPARE(m_answers, (QList<bool>{true, true}));
    QCOMPARE(m_bar->stepsAllowed(), 2);
}

void TestStepThroughBar::continueAnswersEveryLaterPause()
{
    m_bar->stepArrived(step(1, StepState::Planned));
    m_bar->continueToEnd();
    QCOMPARE(m_bar->state(), StepThroughBar::State::RunningToEnd);
    QCOMPARE(m_answers, QList<bool>{true});
    QSignalSpy waiting(m_bar.get(), &StepThroughBar::waitingFor);
    for (quint32 seq = 2; seq < 6; ++seq)
        m_bar->stepArrived(step(seq, StepState::Planned));
    QCOMPARE(waiting.size(), 0);
    QCOMPARE(m_answers.size(), 5);
    QVERIFY(!m_answers.contains(false));
    m_bar->finish(true);
    QCOMPARE(m_bar->state(), StepThroughBar::State::Finished);
    QVERIFY(m_bar->succeeded());
}

void TestStepThroughBar::abortWhileWaitingSaysNo()
{
    m_bar->stepArrived(step(1, StepState::Planned));
    m_bar->next();
    m_bar->stepArrived(step(2, StepState::Planned));
    m_bar->abort();
    QCOMPARE(m_answers, (QList<bool>{true, false}));
    QCOMPARE(m_cancels, 0);
    QCOMPARE(m_bar->state(), StepThroughBar::State::Aborting);
    // A pause that races the abort is refused too.
    m_bar->stepArrived(step(3, StepState::Planned));
    QCOMPARE(m_answers.last(), false);
    m_bar->finish(false, u"aborted at step 2"_s);
    QVERIFY(!m_bar->succeeded());
    QVERIFY(m_bar->stateText().contains(u"rolled back"_s));
}

void TestStepThroughBar::abortWhileRunningCancels()
{
    m_bar->abort();
    QCOMPARE(m_cancels, 1);
    QVERIFY(m_answers.isEmpty());
    QCOMPARE(m_bar->state(), StepThroughBar::State::Aborting);
}

void TestStepThroughBar::buttonsFollowTheState()
{
    auto *next = m_bar->findChild<QPushButton *>(u"nextButton"_s);
    auto *cont = m_bar->findChild<QPushButton *>(u"continueButton"_s);
    auto *abort = m_bar->findChild<QPushButton *>(u"abortButton"_s);
    QVERIFY(next && cont && abort);
    QVERIFY(!next->isEnabled());
    QVERIFY(abort->isEnabled());
    m_bar->stepArrived(step(1, StepState::Planned));
    QVERIFY(next->isEnabled());
    QVERIFY(cont->isEnabled());
    next->click();
    QCOMPARE(m_answers, QList<bool>{true});
    QVERIFY(!next->isEnabled());
    m_bar->finish(true);
    QVERIFY(!next->isEnabled() && !cont->isEnabled() && !abort->isEnabled());
}

void TestStepThroughBar::finishedTexts()
{
    m_bar->stepArrived(step(1, StepState::Planned));
    m_bar->next();
    m_bar->finish(true);
    QVERIFY(m_bar->stateText().contains(u"1 step"_s) || m_bar->stateText().contains(u'1'));
    // Pauses after the end are ignored.
    m_bar->stepArrived(step(9, StepState::Planned));
    QCOMPARE(m_bar->state(), StepThroughBar::State::Finished);
    QCOMPARE(m_answers.size(), 1);
}

QTEST_MAIN(TestStepThroughBar)
#include "tst_stepthroughbar.moc"
