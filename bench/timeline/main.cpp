// koker-bench-timeline: is the step timeline smooth with 10 000 steps?
// Builds N step records shaped like a real `koker run` (host and container sides,
// every phase, durations from 1 µs to 15 ms, some failures and rollbacks; a fixed
// seed, so runs are comparable), then measures, offscreen:
//   load        StepTimelineModel::setSteps (one reset)
//   batch       upsertSteps of the planned records (one insert signal)
//   live        running + done upserts one by one, the way OperationClient
//               delivers them, with the lanes and the list attached and the
//               event loop run every 50 records (what a live run costs the GUI)
//   layout      TimelineLayout::rebuild
//   frames      painting the lanes: all steps fitted, zoomed in, and panning
//               across the whole run at a 2 ms-wide window; and the whole widget
// Usage: koker-bench-timeline [--steps N] [--frames N]

#include "studio/steptimelinemodel.h"
#include "studio/timelinelayout.h"
#include "studio/timelineview.h"
#include "studio/timelinewidget.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QRandomGenerator>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace koker;
using namespace koker::studio;

namespace {

struct Shape
{
    Phase phase;
    Side side;
    const char *key;
    const char *title;
};

// The start plan's steps, cycled.
const Shape kShapes[] = {
    {Phase::Storage, Side::Host, "storage.dirs", "Create the container's writable layer"},
    {Phase::Cgroup, Side::Host, "cgroup.mkdir", "Create the container's cgroup"},
    {Phase::Cgroup, Side::Host, "cgroup.limit.memory", "Limit memory to 32 MiB"},
    {Phase::Network, Side::Host, "net.link.veth", "Create the veth pair"},
    {Phase::Network, Side::Host, "net.iptables.rule", "Hide the containers behind the host"},
    {Phase::Namespace, Side::Host, "ns.clone", "Create the container's process in namespaces"},
    {Phase::Storage, Side::Container, "mount.overlay", "Mount the root file system"},
    {Phase::Storage, Side::Container, "mount.proc", "Mount /proc"},
    {Phase::Namespace, Side::Container, "mount.pivot", "Switch to the container's root"},
    {Phase::Process, Side::Container, "process.caps", "Set Docker's default capabilities"},
    {Phase::Process, Side::Container, "process.seccomp", "Install the seccomp filter"},
    {Phase::Image, Side::Host, "image.layer.extract", "Extract layer 34ed85f74987"},
};

QList<StepRecord> makeSteps(int n)
{
    QRandomGenerator rng(7);
    QList<StepRecord> out;
    out.reserve(n);
    qint64 t = 1'795'897'827'972'126'304; // a real start time
    for (int i = 0; i < n; ++i) {
        const Shape &s = kShapes[i % std::size(kShapes)];
        StepRecord r;
        r.seq = static_cast<uint32_t>(i + 1);
        r.phase = s.phase;
        r.side = s.side;
        r.pid = s.side == Side::Container ? 1 : 8996;
        r.setKey(s.key);
        r.setTitle(std::string(s.title) + " #" + std::to_string(i));
        r.setOp("mount(\"overlay\", \"/var/lib/koker/containers/68ffd2fdce1e/rootfs\", "
                "\"overlay\", 0, \"lowerdir=34ed85f74987,upperdir=.../upper,workdir=.../work\")");
        r.setShell("mount -t overlay overlay -o lowerdir=... /var/lib/koker/.../rootfs");
        // Mostly microseconds, sometimes milliseconds: what real runs look like.
        const qint64 d = rng.bounded(10) == 0 ? 1'000'000 + rng.bounded(14'000'000)
                                              : 1'000 + rng.bounded(200'000);
        r.startNs = t;
        r.durationNs = d;
        t += d + rng.bounded(30'000);
        r.state = StepState::Done;
        if (rng.bounded(200) == 0) {
            r.state = StepState::Failed;
            r.err = 2;
            r.setMessage("No such file or directory");
        } else if (rng.bounded(100) == 0) {
            r.state = StepState::RolledBack;
            r.phase = Phase::Cleanup;
            r.setKey(std::string("rollback.") + s.key);
        }
        out.append(r);
    }
    return out;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct Frames
{
    double mean = 0;
    double max = 0;
    double min = 1e18;
    int count = 0;
};

// Paints the lanes' viewport into an image, as a real frame would be painted.
void frame(QWidget *w, QImage &image, Frames &f)
{
    QElapsedTimer t;
    t.start();
    image.fill(Qt::white);
    w->render(&image);
    const double e = ms(t);
    f.mean += e;
    f.max = std::max(f.max, e);
    f.min = std::min(f.min, e);
    ++f.count;
}

void print(const char *what, const Frames &f)
{
    std::printf("  %-36s %8.3f ms/frame (min %.3f, max %.3f, %d frames)\n", what,
                f.count ? f.mean / f.count : 0.0, f.min, f.max, f.count);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int steps = 10'000;
    int frames = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--steps") == 0)
            steps = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--frames") == 0)
            frames = std::max(1, std::atoi(argv[i + 1]));
    }
    const QList<StepRecord> records = makeSteps(steps);
    std::printf("koker-bench-timeline: %d steps, %d frames per measurement\n", steps, frames);

    // ---- model ------------------------------------------------------------------
    {
        StepTimelineModel model;
        QElapsedTimer t;
        t.start();
        model.setSteps(records, QStringLiteral("start"));
        std::printf("  %-36s %8.2f ms (%.2f µs/step)\n", "load (setSteps)", ms(t),
                    ms(t) * 1000 / steps);
    }
    QList<StepRecord> planned = records;
    for (StepRecord &r : planned) {
        r.state = StepState::Planned;
        r.startNs = 0;
        r.durationNs = 0;
        r.err = 0;
    }
    {
        StepTimelineModel model;
        model.beginAction(QStringLiteral("start"));
        QElapsedTimer t;
        t.start();
        model.upsertSteps(planned);
        std::printf("  %-36s %8.2f ms (%.2f µs/step)\n", "batch insert of planned (upsertSteps)",
                    ms(t), ms(t) * 1000 / steps);
        t.restart();
        for (const StepRecord &r : records)
            model.upsertStep(r);
        std::printf("  %-36s %8.2f ms (%.2f µs/upsert)\n", "upsert done, model alone", ms(t),
                    ms(t) * 1000 / steps);
    }

    // ---- live, with the widget attached ----------------------------------------------
    TimelineWidget widget;
    widget.resize(1400, 800);
    widget.show();
    QApplication::processEvents();
    StepTimelineModel *model = widget.model();
    {
        widget.setFollow(true);
        model->beginAction(QStringLiteral("start"));
        QElapsedTimer t;
        t.start();
        model->upsertSteps(planned);
        QApplication::processEvents();
        const double plannedMs = ms(t);
        t.restart();
        int n = 0;
        for (const StepRecord &done : records) {
            StepRecord running = done;
            running.state = StepState::Running;
            running.durationNs = 0;
            model->upsertStep(running);
            model->upsertStep(done);
            if (++n % 50 == 0)
                QApplication::processEvents();
        }
        QApplication::processEvents();
        const double liveMs = ms(t);
        std::printf("  %-36s %8.2f ms\n", "planned batch + first layout (GUI)", plannedMs);
        std::printf("  %-36s %8.2f ms (%.2f µs/upsert, %d upserts)\n",
                    "live running+done upserts (GUI)", liveMs, liveMs * 1000 / (2 * steps),
                    2 * steps);
    }

    // ---- layout ------------------------------------------------------------------------
    {
        TimelineLayout layout;
        const int rounds = 20;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < rounds; ++i)
            layout.rebuild(*model, 0);
        std::printf("  %-36s %8.2f ms\n", "layout rebuild", ms(t) / rounds);
    }

    // ---- frames ------------------------------------------------------------------------
    widget.setFollow(false);
    TimelineView *view = widget.view();
    QWidget *viewport = view->viewport();
    QImage image(viewport->size(), QImage::Format_ARGB32_Premultiplied);
    {
        view->zoomToFit();
        Frames f;
        for (int i = 0; i < frames; ++i)
            frame(viewport, image, f);
        print("lanes, all steps fitted", f);
    }
    {
        view->setNsPerPixel(1'000'000.0 / viewport->width()); // ~1 ms across
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum() / 2);
        Frames f;
        for (int i = 0; i < frames; ++i)
            frame(viewport, image, f);
        print("lanes, zoomed to ~1 ms", f);
    }
    {
        view->setNsPerPixel(2'000'000.0 / viewport->width());
        QScrollBar *bar = view->horizontalScrollBar();
        Frames f;
        for (int i = 0; i < frames; ++i) {
            bar->setValue(int(qint64(bar->maximum()) * i / std::max(1, frames - 1)));
            frame(viewport, image, f);
        }
        print("lanes, panning the whole run", f);
    }
    {
        view->zoomToFit();
        widget.selectRow(model->rowCount() / 2);
        QImage whole(widget.size(), QImage::Format_ARGB32_Premultiplied);
        Frames f;
        for (int i = 0; i < frames / 4 + 1; ++i)
            frame(&widget, whole, f);
        print("whole widget (lanes, list, details)", f);
    }
    return 0;
}
