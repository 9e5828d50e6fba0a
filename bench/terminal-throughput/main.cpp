// koker-bench-terminal: how many MB/s of program output the embedded terminal takes.
// Feeds realistic output (coloured `ls -l` lines and a `cat` of random UTF-8) in
// 64 KiB chunks, as a pty read delivers it, through three stacks:
//   libvterm     VTermScreen alone, with a no-op scrollback callback: the ceiling
//   emulation    TerminalEmulation (libvterm + screen model + scrollback ring)
//   widget       emulation + TerminalWidget, offscreen, event loop run after each
//                chunk so the 16 ms frame timer fires and frames are really painted
// Usage: koker-bench-terminal [--mb N] [--rows R] [--cols C] [--chunk KiB]

#include "terminal/terminalemulation.h"
#include "terminal/terminalwidget.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QRandomGenerator>
#include <QtWidgets/QApplication>

#include <vterm.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace koker;
using namespace Qt::Literals::StringLiterals;

namespace {

// A few MB of output, cycled until the requested amount has been fed.
QByteArray makeCorpus(qsizetype bytes)
{
    QRandomGenerator rng(42); // same bytes every run: figures are comparable
    static const char *const colours[] = {"01;34", "01;32", "01;36", "00", "01;35", "40;33;01"};
    static const char *const names[] = {"bin",  "etc",    "README.md", "koker-studio",
                                        "lib",  "run.sh", "漢字.txt",  "data.tar.zst",
                                        "root", "ünïcödé"};
    // Scripts for the random UTF-8: Latin-1, Greek, Cyrillic, CJK, emoji, combining.
    static const std::pair<char32_t, char32_t> ranges[] = {
        {0x21, 0x7e},     {0xc0, 0xff},       {0x391, 0x3c9}, {0x410, 0x44f},
        {0x4e00, 0x4fff}, {0x1f600, 0x1f64f}, {0x301, 0x301}};
    QByteArray out;
    out.reserve(bytes + 512);
    char line[512];
    int n = 0;
    while (out.size() < bytes) {
        if (n % 10 < 7) {
            const unsigned c = rng.bounded(6);
            std::snprintf(
                line, sizeof line,
                "-rw-r--r-- 1 student student %8u Nov 28 %02u:%02u \x1b[%sm%s-%06d\x1b[0m\r\n",
                rng.bounded(10000000u), rng.bounded(24u), rng.bounded(60u), colours[c],
                names[rng.bounded(10)], n);
            out.append(line);
        } else {
            QString text;
            const int length = 20 + int(rng.bounded(100));
            for (int i = 0; i < length; ++i) {
                const auto &[lo, hi] = ranges[rng.bounded(7)];
                const char32_t u = lo + rng.bounded(hi - lo + 1);
                text += QString::fromUcs4(&u, 1);
                if (rng.bounded(8) == 0)
                    text += u' ';
            }
            out.append(text.toUtf8());
            out.append("\r\n");
        }
        ++n;
    }
    return out;
}

struct Options
{
    qint64 megabytes = 100;
    int rows = 24;
    int columns = 80;
    qsizetype chunk = 64 * 1024;
};

template <class Feed>
double run(const QByteArray &corpus, const Options &options, Feed feed)
{
    const qint64 total = options.megabytes * 1000 * 1000;
    QElapsedTimer timer;
    timer.start();
    qint64 fed = 0;
    qsizetype offset = 0;
    while (fed < total) {
        const qsizetype size = std::min<qsizetype>(options.chunk, corpus.size() - offset);
        feed(corpus.constData() + offset, size);
        fed += size;
        offset = (offset + size) % corpus.size();
    }
    return double(fed) / 1e6 / (double(timer.nsecsElapsed()) / 1e9);
}

int noopPushline(int, const VTermScreenCell *, void *)
{
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    Options options;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString &name = args.at(i);
        const int value = args.at(i + 1).toInt();
        if (name == u"--mb"_s)
            options.megabytes = value;
        else if (name == u"--rows"_s)
            options.rows = value;
        else if (name == u"--cols"_s)
            options.columns = value;
        else if (name == u"--chunk"_s)
            options.chunk = qsizetype(value) * 1024;
    }
    if (options.megabytes <= 0 || options.rows <= 0 || options.columns <= 0 || options.chunk <= 0) {
        std::fprintf(stderr, "usage: koker-bench-terminal [--mb N] [--rows R] [--cols C] "
                             "[--chunk KiB]\n");
        return 2;
    }
    const QByteArray corpus = makeCorpus(8 * 1000 * 1000);

    // 1. libvterm alone.
    VTerm *vt = vterm_new(options.rows, options.columns);
    vterm_set_utf8(vt, 1);
    VTermScreen *screen = vterm_obtain_screen(vt);
    VTermScreenCallbacks callbacks{};
    callbacks.sb_pushline = &noopPushline;
    vterm_screen_set_callbacks(screen, &callbacks, nullptr);
    vterm_screen_enable_altscreen(screen, 1);
    vterm_screen_set_damage_merge(screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_reset(screen, 1);
    const double raw = run(corpus, options, [&](const char *data, qsizetype size) {
        vterm_input_write(vt, data, size_t(size));
        vterm_screen_flush_damage(screen);
    });
    vterm_free(vt);

    // 2. The emulation, headless.
    double emulationOnly = 0;
    {
        TerminalEmulation emulation(options.rows, options.columns);
        emulationOnly = run(corpus, options,
                            [&](const char *data, qsizetype size) { emulation.feed(data, size); });
    }

    // 3. Emulation + widget, painting offscreen.
    TerminalEmulation emulation(options.rows, options.columns);
    TerminalWidget widget;
    widget.setEmulation(&emulation);
    const QSize cell = widget.cellSize();
    widget.resize(widget.sizeHint() - QSize(80 * cell.width(), 24 * cell.height()) +
                  QSize(options.columns * cell.width(), options.rows * cell.height()));
    widget.show();
    QApplication::processEvents();
    // Count the frames really painted, to show output is not repainted per chunk.
    struct PaintCounter : QObject
    {
        int frames = 0;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                ++frames;
            return false;
        }
    } counter;
    widget.viewport()->installEventFilter(&counter);
    QElapsedTimer wall;
    wall.start();
    const double withWidget = run(corpus, options, [&](const char *data, qsizetype size) {
        emulation.feed(data, size);
        QApplication::processEvents(); // what the event loop does between two pty reads
    });
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    widget.viewport()->removeEventFilter(&counter);

    std::printf("terminal throughput: %lld MB, %dx%d, %lld KiB chunks\n",
                static_cast<long long>(options.megabytes), options.columns, options.rows,
                static_cast<long long>(options.chunk / 1024));
    std::printf("  %-22s %8.1f MB/s\n", "libvterm (ceiling)", raw);
    std::printf("  %-22s %8.1f MB/s\n", "emulation", emulationOnly);
    std::printf("  %-22s %8.1f MB/s   (%d frames painted in %.1f s, %.1f fps; grid %dx%d)\n",
                "emulation + widget", withWidget, counter.frames, seconds, counter.frames / seconds,
                widget.columns(), widget.rows());
    return 0;
}
