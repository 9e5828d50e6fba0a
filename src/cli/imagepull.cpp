// koker image pull [--platform os/arch[/variant]] [-q] NAME[:TAG|@DIGEST]   (docker pull)
//
// Also the pull that `run` and `create` do for an image that is not here, with its
// progress on stderr (the container's own output owns stdout), like docker run.

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/imagepuller.h"
#include "engine/registryauth.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QMap>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

namespace {

// Redraws on a terminal at most this often; state changes always redraw.
constexpr qint64 kRedrawMs = 100;
// Without a terminal, a running download prints a line this often.
constexpr qint64 kPlainProgressMs = 2000;

QString speed(double bytesPerSecond)
{
    return humanSize(static_cast<qint64>(bytesPerSecond)) + u"/s"_s;
}

// Docker's progress bar: [=========>          ]
QString bar(qint64 done, qint64 total)
{
    constexpr int width = 50;
    if (total <= 0)
        return QString();
    const int filled = static_cast<int>(std::clamp<qint64>(done * width / total, 0, width));
    QString s = u"["_s + QString(filled, u'=');
    if (filled < width)
        s += u'>' + QString(width - filled - 1, u' ');
    return s + u']';
}

// docker pull's output: one line per layer, redrawn in place on a terminal (cursor up,
// erase line), or plain lines for the state changes (and slow progress) otherwise.
class PullProgressPrinter
{
public:
    PullProgressPrinter(QTextStream &out, bool terminal)
        : m_out(out)
        , m_terminal(terminal)
    {
        m_throttle.start();
    }

    void resolved(const QList<PullLayerProgress> &layers)
    {
        for (const PullLayerProgress &l : layers)
            m_layers.insert(l.index, l);
        if (!m_terminal) {
            for (const PullLayerProgress &l : layers) {
                if (l.state == PullLayerProgress::State::AlreadyExists) {
                    plain(l, u"Already exists"_s);
                    m_seen.insert(l.index);
                }
            }
        }
        redraw(true);
    }

    void update(const PullLayerProgress &l)
    {
        const PullLayerProgress before = m_layers.value(l.index);
        m_layers.insert(l.index, l);
        if (m_terminal) {
            redraw(l.changed);
            return;
        }
        if (!l.changed) {
            if (l.state == PullLayerProgress::State::Downloading) {
                QElapsedTimer &t = m_lastPlain[l.index];
                if (!t.isValid() || t.elapsed() >= kPlainProgressMs) {
                    t.start();
                    plain(l, u"Downloading "_s + humanSize(l.bytes) + u'/' + humanSize(l.total) +
                                 u" ("_s + speed(l.bytesPerSecond) + u')');
                }
            }
            return;
        }
        if (before.state == l.state && before.index == l.index && m_seen.contains(l.index))
            return;
        m_seen.insert(l.index);
        switch (l.state) {
        case PullLayerProgress::State::Waiting:
            plain(l, u"Pulling fs layer"_s);
            break;
        case PullLayerProgress::State::AlreadyExists:
            plain(l, u"Already exists"_s);
            break;
        case PullLayerProgress::State::Downloading:
            m_lastPlain[l.index].start();
            plain(l, l.resumedFrom > 0
                         ? QString(u"Downloading (resuming at "_s + humanSize(l.resumedFrom) +
                                   u" of "_s + humanSize(l.total) + u')')
                         : QString(u"Downloading "_s + humanSize(l.total)));
            break;
        case PullLayerProgress::State::DownloadComplete:
            plain(l, u"Download complete ("_s + humanSize(l.bytes) + u", "_s +
                         speed(l.bytesPerSecond) + u"), extracting"_s);
            break;
        case PullLayerProgress::State::Extracting:
            plain(l, u"Extracting (blob already downloaded)"_s);
            break;
        case PullLayerProgress::State::PullComplete:
            plain(l, u"Pull complete"_s);
            break;
        case PullLayerProgress::State::Failed:
            plain(l, u"Failed"_s);
            break;
        }
    }

    void finish() { redraw(true); }

private:
    static QString id(const PullLayerProgress &l) { return l.blob.hex().left(12); }

    void plain(const PullLayerProgress &l, const QString &text)
    {
        m_out << id(l) << ": " << text << '\n';
        m_out.flush();
    }

    QString line(const PullLayerProgress &l) const
    {
        QString text;
        switch (l.state) {
        case PullLayerProgress::State::Waiting:
            text = u"Waiting"_s;
            break;
        case PullLayerProgress::State::AlreadyExists:
            text = u"Already exists"_s;
            break;
        case PullLayerProgress::State::Downloading:
            text = u"Downloading "_s + bar(l.bytes, l.total) + u"  "_s + humanSize(l.bytes) + u'/' +
                   humanSize(l.total) + u"  "_s + speed(l.bytesPerSecond);
            if (l.resumedFrom > 0)
                text += u"  (resumed at "_s + humanSize(l.resumedFrom) + u')';
            break;
        case PullLayerProgress::State::DownloadComplete:
        case PullLayerProgress::State::Extracting:
            text = u"Extracting  "_s + bar(l.extracted, l.total) + u"  "_s +
                   humanSize(l.extracted) + u'/' + humanSize(l.total);
            break;
        case PullLayerProgress::State::PullComplete:
            text = u"Pull complete"_s;
            break;
        case PullLayerProgress::State::Failed:
            text = u"Failed"_s;
            break;
        }
        return id(l) + u": "_s + text;
    }

    void redraw(bool force)
    {
        if (!m_terminal || m_layers.isEmpty())
            return;
        if (!force && m_throttle.elapsed() < kRedrawMs)
            return;
        m_throttle.restart();
        QString frame;
        if (m_drawn > 0)
            frame += u"\x1b["_s + QString::number(m_drawn) + u'A';
        for (const PullLayerProgress &l : std::as_const(m_layers))
            frame += u"\r\x1b[2K"_s + line(l) + u'\n';
        m_drawn = static_cast<int>(m_layers.size());
        m_out << frame;
        m_out.flush();
    }

    QTextStream &m_out;
    bool m_terminal;
    QMap<int, PullLayerProgress> m_layers; // by index: bottom layer first
    QMap<int, QElapsedTimer> m_lastPlain;
    QSet<int> m_seen;
    QElapsedTimer m_throttle;
    int m_drawn = 0;
};

bool givesTagOrDigest(const QString &name)
{
    return name.contains(u'@') || name.section(u'/', -1).contains(u':');
}

} // namespace

QString registryAuthFile(const QString &flag)
{
    if (!flag.isEmpty())
        return flag;
    // podman's variable: tests and scripts point it at a file of their own.
    const QString env = qEnvironmentVariable("REGISTRY_AUTH_FILE");
    return env.isEmpty() ? RegistryAuth::defaultPath() : env;
}

namespace {

int pullImage(CliContext &ctx, const QString &name, const PullOptions &options, bool quiet,
              QTextStream &out, bool terminal, const QString &authFile)
{
    auto ref = ImageReference::parse(name);
    if (!ref)
        return ctx.failWith(ref.error());
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    // -D prints step lines on stderr: redrawing would tear them apart.
    terminal = terminal && !ctx.debug;

    if (!quiet) {
        if (!givesTagOrDigest(name))
            out << "Using default tag: " << ref->tag() << '\n';
        const QString what = ref->digest().isValid() ? ref->digest().toString() : ref->tag();
        out << what << ": Pulling from " << ref->path() << '\n';
        out.flush();
    }
    PullProgressPrinter printer(out, terminal);
    PullCallbacks callbacks;
    callbacks.observer = ctx.stepPrinter();
    if (!quiet) {
        callbacks.progress = [&printer](const PullLayerProgress &l) { printer.update(l); };
        callbacks.resolved = [&printer](const QList<PullLayerProgress> &layers) {
            printer.resolved(layers);
        };
    }
    const Result<PullResult> result =
        (*backend)->pullImage(name, options, registryAuthFile(authFile), callbacks);
    if (!quiet)
        printer.finish();
    if (!result)
        return ctx.failWith(result.error());
    for (const QString &w : result->warnings)
        ctx.err() << "WARNING: " << w << Qt::endl;
    if (!quiet) {
        out << "Digest: " << result->digest.toString() << '\n';
        out << "Status: "
            << (result->upToDate ? u"Image is up to date for "_s : u"Downloaded newer image for "_s)
            << ref->familiarString() << '\n';
        out << ref->toString() << '\n';
        out.flush();
    }
    return 0;
}

} // namespace

int pullForRun(CliContext &ctx, const QString &image)
{
    auto ref = ImageReference::parse(image);
    if (!ref)
        return ctx.failWith(ref.error(), kExitUsage);
    if (!ctx.quiet) {
        ctx.err() << "Unable to find image '" << ref->familiarString() << "' locally\n";
        ctx.err().flush();
    }
    int rc = pullImage(ctx, image, PullOptions{}, ctx.quiet, ctx.err(), ::isatty(STDERR_FILENO),
                       QString());
    return rc == 0 ? 0 : kExitUsage;
}

int imagePull(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addOption({}, u"platform"_s, u"OS/ARCH[/VARIANT]"_s,
                u"Choose this platform from a multi-platform image (default: this host's)"_s);
    p.addFlag(u'q', u"quiet"_s, u"Print nothing"_s);
    p.addOption({}, u"authfile"_s, u"FILE"_s,
                u"Read registry credentials from FILE (default /etc/koker/auth.json for root, "
                u"or $REGISTRY_AUTH_FILE)"_s);
    if (!p.parse(args))
        return ctx.usageError(u"image pull"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker image pull [OPTIONS] NAME[:TAG|@DIGEST]\n\n"
                     "Download an image from a registry: its manifest, config and layers, each "
                     "checked against its digest, layers extracted while they download.\n\n"
                  << p.helpText();
        return 0;
    }
    if (p.positional().size() != 1)
        return ctx.usageError(u"image pull"_s, u"requires exactly 1 image name"_s);
    PullOptions options;
    if (p.isSet(u"platform"_s)) {
        auto platform = Platform::parse(p.value(u"platform"_s));
        if (!platform)
            return ctx.usageError(u"image pull"_s,
                                  QString::fromStdString(platform.error().message));
        options.platform = *platform;
    }
    const bool quiet = ctx.quiet || p.isSet(u"quiet"_s);
    return pullImage(ctx, p.positional().first(), options, quiet, ctx.out(),
                     ::isatty(STDOUT_FILENO), p.value(u"authfile"_s));
}

} // namespace koker::cli
