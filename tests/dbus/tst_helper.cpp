// The privilege boundary, for real: the real bus (a private dbus-daemon of type
// system with our bus policy), the real polkitd with a test rule, the real kokerd.
// This program never runs as root: tests/dbus/run-dbus-tests.sh starts the world
// (fixture/start.sh) and runs it several times, as user A or user B, with
// KOKER_DBUS_PHASE naming the phase; test functions of the other phases skip.
//
//   a        A (granted everything but others' containers) through the generated
//            proxies: info, images, create/start (operation signals), attach both
//            ways through the passed fd, logs, exec, stats, inspect, list, stop,
//            rm; host directories as fds; malformed input; wrong fd kinds
//   hold     A keeps a running container, a second one with a planned (not begun)
//            start operation, and containers sharing an id prefix, for B to poke
//            at; it checks afterwards that B changed nothing
//   b-none   B without any grant: every method of the XML contract refused
//   b-own    B with containers-manage-own only: A's containers do not exist for B
//   b-slow   B whose containers-run takes polkit two seconds: a caller that
//            leaves the bus meanwhile must never be authorized
//   idle     A starts a container on a kokerd with --idle-timeout 2, then leaves
//   final    A: the helper survived all of it
//
// Bytes of a console never travel in D-Bus messages; the tests check that Attach
// and Exec reply with a unix fd (type h) that is a socket, and speak the attach
// protocol (src/runtime/attachprotocol.h) on it directly.

#include "dbus/dbustypes.h"
#include "helper1_interface.h"
#include "runtime/attachprotocol.h"
#include "runtime/wire.h"

#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSaveFile>
#include <QtCore/QScopeGuard>
#include <QtCore/QTemporaryFile>
#include <QtCore/QXmlStreamReader>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusConnectionInterface>
#include <QtDBus/QDBusMessage>
#include <QtDBus/QDBusMetaType>
#include <QtDBus/QDBusPendingReply>
#include <QtDBus/QDBusReply>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <functional>

using namespace Qt::Literals::StringLiterals;
namespace attach = koker::attach;

namespace {

const QString kService = u"org.koker.Helper1"_s;
const QString kPath = u"/org/koker/Helper1"_s;
const QString kManager = u"org.koker.Helper1.Manager"_s;
const QString kImages = u"org.koker.Helper1.Images"_s;
const QString kContainers = u"org.koker.Helper1.Containers"_s;
const QString kNetworks = u"org.koker.Helper1.Networks"_s;
const QString kOperation = u"org.koker.Helper1.Operation"_s;

QString err(const char16_t *tail)
{
    return u"org.koker.Helper1.Error."_s + QString::fromUtf16(tail);
}
const QString NotAuthorized = err(u"NotAuthorized");
const QString CanObtain = err(u"NotAuthorizedCanObtain");
const QString InvalidArgument = err(u"InvalidArgument");
const QString NotFound = err(u"NotFound");

// What fixture/start.sh wrote to DIR/fixture.env.
struct Fixture
{
    QString address;
    QString dir;
    QString share;
    qint64 kokerdPid = 0;
    uint uidA = 0;
    uint uidB = 0;
};

std::optional<Fixture> loadFixture()
{
    QFile f(qEnvironmentVariable("KOKER_DBUS_FIXTURE"));
    if (f.fileName().isEmpty() || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QMap<QString, QString> env;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    Fixture fx;
    fx.address = env.value(u"KOKER_DBUS_ADDRESS"_s);
    fx.dir = env.value(u"KOKER_DBUS_DIR"_s);
    fx.share = env.value(u"KOKER_DBUS_SHARE"_s);
    fx.kokerdPid = env.value(u"KOKERD_PID"_s).toLongLong();
    fx.uidA = env.value(u"KOKERTEST_A_UID"_s).toUInt();
    fx.uidB = env.value(u"KOKERTEST_B_UID"_s).toUInt();
    if (fx.address.isEmpty() || fx.share.isEmpty() || fx.uidA == 0 || fx.uidB == 0)
        return std::nullopt;
    return fx;
}

// One method of the contract, as helper/dbus/org.koker.Helper1.xml declares it.
struct Method
{
    QString iface;
    QString name;
    QList<QPair<QString, QString>> in; // (name, D-Bus type)
    QStringList out;                   // D-Bus types
};

QList<Method> parseMethods(QIODevice *device, QString *error)
{
    QList<Method> methods;
    QXmlStreamReader xml(device);
    QString iface;
    std::optional<Method> current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto attrs = xml.attributes();
            if (xml.name() == u"interface"_s) {
                iface = attrs.value(u"name"_s).toString();
            } else if (xml.name() == u"method"_s) {
                current = Method{iface, attrs.value(u"name"_s).toString(), {}, {}};
            } else if (xml.name() == u"arg"_s && current) {
                const QString type = attrs.value(u"type"_s).toString();
                if (attrs.value(u"direction"_s) == u"out"_s)
                    current->out << type;
                else
                    current->in << qMakePair(attrs.value(u"name"_s).toString(), type);
            }
        } else if (xml.isEndElement() && xml.name() == u"method"_s && current) {
            methods << *current;
            current.reset();
        }
    }
    if (xml.hasError() && error)
        *error = xml.errorString();
    return methods;
}

QList<Method> contractMethods(QString *error)
{
    QFile f(qEnvironmentVariable("KOKER_SOURCE_DIR") + u"/helper/dbus/org.koker.Helper1.xml"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + f.fileName() + u" (set KOKER_SOURCE_DIR)"_s;
        return {};
    }
    return parseMethods(&f, error);
}

QString randomSuffix()
{
    return QString::number(QRandomGenerator::global()->generate() & 0xffffff, 16);
}

// A console connection (attach protocol) read until a condition holds.
struct Console
{
    QByteArray out; // Output payloads (stream byte removed), in order
    bool exited = false;
    attach::ExitStatus status;
    bool closed = false; // end of stream without an Exit message
    QString error;
};

void readConsole(int fd, Console &c, int timeoutMs,
                 const std::function<bool(const Console &)> &until = {})
{
    QElapsedTimer timer;
    timer.start();
    while (!c.exited && !c.closed && !(until && until(c))) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0) {
            c.error = u"timed out"_s;
            return;
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0)
            continue;
        auto msg = attach::receive(fd);
        if (!msg) {
            if (msg.error().code == koker::ErrorCode::NotFound)
                c.closed = true;
            else
                c.error = QString::fromStdString(msg.error().describe());
            return;
        }
        switch (msg->type) {
        case attach::Msg::Output:
            if (!msg->payload.empty())
                c.out += QByteArray(msg->payload.data() + 1,
                                    static_cast<qsizetype>(msg->payload.size() - 1));
            break;
        case attach::Msg::Exit:
            c.exited = attach::decodeExit(msg->payload, c.status);
            break;
        default:
            break;
        }
    }
}

bool isSocket(int fd)
{
    struct stat st
    {};
    return ::fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

// The console log's records (u8 stream, u32 length, i64 time, bytes), as read from
// the fd ContainerLogs handed over.
QByteArray readLogFd(int fd, int *records, QString *error)
{
    QByteArray raw;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        raw.append(buf, n);
    }
    QByteArray text;
    qsizetype pos = 0;
    *records = 0;
    while (pos < raw.size()) {
        if (raw.size() - pos < 13) {
            *error = u"truncated record header"_s;
            break;
        }
        koker::wire::Reader r(raw.constData() + pos, 13);
        const uint8_t stream = r.u8();
        const uint32_t len = r.u32();
        (void)r.i64();
        if (stream != 1 && stream != 2) {
            *error = u"bad stream byte"_s;
            break;
        }
        if (raw.size() - pos - 13 < static_cast<qsizetype>(len)) {
            *error = u"truncated record"_s;
            break;
        }
        text += raw.mid(pos + 13, len);
        pos += 13 + len;
        ++*records;
    }
    return text;
}

bool pidAlive(qint64 pid)
{
    return pid > 0 && QFileInfo::exists(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
}

} // namespace

class TestHelper : public QObject
{
    Q_OBJECT

public:
    TestHelper() { koker::dbus::registerDBusTypes(); }

private:
    Fixture m_fx;
    QString m_phase;
    QDBusConnection m_bus{u"unconnected"_s};
    std::unique_ptr<OrgKokerHelper1ManagerInterface> m_manager;
    std::unique_ptr<OrgKokerHelper1ImagesInterface> m_images;
    std::unique_ptr<OrgKokerHelper1ContainersInterface> m_containers;
    QStringList m_created;     // containers this process made (removed at the end)
    QString m_interactiveId;   // phase a: echo hello; read line; echo got $line
    QString m_sleeperId;       // phase a: sleep 300
    QStringList m_cgroupPaths; // phase a: the sleeper's cgroups, gone after rm
    QJsonObject m_hold;        // phases b-*: what the holder made (share/state.json)

    bool inPhase(const QString &phase) const { return m_phase == phase; }

#define REQUIRE_PHASE(p)                                                                           \
    do {                                                                                           \
        if (!inPhase(QStringLiteral(p)))                                                           \
            QSKIP("phase " p " only (KOKER_DBUS_PHASE)");                                          \
    } while (0)

    QDBusMessage call(const QString &iface, const QString &method, const QVariantList &args,
                      const QString &path = kPath, int timeoutMs = 30000)
    {
        QDBusMessage m = QDBusMessage::createMethodCall(kService, path, iface, method);
        m.setArguments(args);
        return m_bus.call(m, QDBus::Block, timeoutMs);
    }

    static QString describe(const QDBusMessage &reply)
    {
        if (reply.type() == QDBusMessage::ErrorMessage)
            return reply.errorName() + u": "_s + reply.errorMessage();
        return u"reply with signature "_s + reply.signature();
    }

    void recordCreated(const QString &id)
    {
        m_created << id;
        // The runner checks, as root, that nothing of these is left in the store.
        QFile f(m_fx.share + u"/created-ids"_s);
        if (f.open(QIODevice::Append))
            f.write(id.toUtf8() + '\n');
    }

    // CreateContainer through the proxy; empty on failure (the error in *why).
    QString create(QVariantMap spec, const KokerVolumeList &volumes = {}, QString *why = nullptr)
    {
        spec.insert(u"image"_s, spec.value(u"image"_s, u"starter"_s));
        spec.insert(u"network"_s, spec.value(u"network"_s, u"none"_s));
        auto reply = m_containers->CreateContainer(spec, volumes, {});
        reply.waitForFinished();
        if (reply.isError()) {
            if (why)
                *why = reply.error().name() + u": "_s + reply.error().message();
            return {};
        }
        recordCreated(reply.value());
        return reply.value();
    }

    struct OpOutcome
    {
        QString error; // of a call (GetPlannedSteps, Begin) or of the operation
        bool completed = false;
        bool success = false;
        QString message;
        QVariantMap result;
        QVariantMapList planned;
        QList<QVariantMap> stepSignals;
        QString snapshotState;
        QVariantMapList snapshotSteps;

        // For a failure message: the error and the steps that failed.
        QString why() const
        {
            QString text = error + u": "_s + message;
            for (const QVariantMap &s : stepSignals) {
                if (qEnvironmentVariableIsSet("KOKER_DBUS_DEBUG_STEPS"))
                    qInfo() << s.value(u"state"_s).toString() << s.value(u"side"_s).toString()
                            << s.value(u"title"_s).toString() << s.value(u"message"_s).toString()
                            << s.value(u"errno"_s).toInt();
                if (s.value(u"state"_s).toString() == u"failed"_s)
                    text += u"\n  failed step: "_s + s.value(u"title"_s).toString() + u" ["_s +
                            s.value(u"op"_s).toString() + u"] "_s +
                            s.value(u"message"_s).toString();
            }
            return text;
        }
    };

    // Read the planned steps, connect to the signals, Begin, wait for Completed,
    // then Snapshot: the order the contract prescribes.
    OpOutcome runOperation(const QDBusObjectPath &path, int timeoutMs = 30000)
    {
        OpOutcome o;
        OrgKokerHelper1OperationInterface op(kService, path.path(), m_bus);
        QSignalSpy completed(&op, &OrgKokerHelper1OperationInterface::Completed);
        QSignalSpy steps(&op, &OrgKokerHelper1OperationInterface::StepChanged);
        auto planned = op.GetPlannedSteps({});
        planned.waitForFinished();
        if (planned.isError()) {
            o.error = planned.error().name() + u": "_s + planned.error().message();
            return o;
        }
        o.planned = planned.value();
        auto begin = op.Begin({});
        begin.waitForFinished();
        if (begin.isError()) {
            o.error = begin.error().name() + u": "_s + begin.error().message();
            return o;
        }
        if (completed.isEmpty() && !completed.wait(timeoutMs)) {
            o.error = u"no Completed signal within "_s + QString::number(timeoutMs) + u" ms"_s;
            return o;
        }
        const QList<QVariant> args = completed.takeFirst();
        o.completed = true;
        o.success = args.value(0).toBool();
        o.error = args.value(1).toString();
        o.message = args.value(2).toString();
        o.result = args.value(3).toMap();
        // Signals are delivered in order: every StepChanged came before Completed.
        for (const QList<QVariant> &s : std::as_const(steps))
            o.stepSignals << s.value(0).toMap();
        auto snap = op.Snapshot({});
        snap.waitForFinished();
        if (!snap.isError()) {
            o.snapshotState = snap.argumentAt<0>();
            o.snapshotSteps = snap.argumentAt<1>();
        }
        return o;
    }

    // Start `id`, Begin, wait; QVERIFY-style checks go in the caller.
    OpOutcome start(const QString &id, const QVariantMap &options = {})
    {
        auto reply = m_containers->StartContainer(id, options);
        reply.waitForFinished();
        if (reply.isError()) {
            OpOutcome o;
            o.error = reply.error().name() + u": "_s + reply.error().message();
            return o;
        }
        return runOperation(reply.value());
    }

    OpOutcome removeContainer(const QString &id, bool force, bool proof = false)
    {
        QVariantMap options{{u"force"_s, force}};
        if (proof)
            options.insert(u"proof"_s, true);
        auto reply = m_containers->RemoveContainer(id, options);
        reply.waitForFinished();
        if (reply.isError()) {
            OpOutcome o;
            o.error = reply.error().name() + u": "_s + reply.error().message();
            return o;
        }
        return runOperation(reply.value());
    }

    QJsonObject inspect(const QString &id, QString *why = nullptr)
    {
        auto reply = m_containers->InspectContainer(id, {});
        reply.waitForFinished();
        if (reply.isError()) {
            if (why)
                *why = reply.error().name();
            return {};
        }
        const QJsonDocument doc = QJsonDocument::fromJson(reply.value().toUtf8());
        return doc.isArray() ? doc.array().first().toObject() : doc.object();
    }

    // Wait until the container is no longer running (it exits by itself).
    bool waitExited(const QString &id, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const QJsonObject s = inspect(id).value(u"State"_s).toObject();
            if (!s.isEmpty() && !s.value(u"Running"_s).toBool())
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    QVariantMapList listContainers(bool all)
    {
        auto reply = m_containers->ListContainers({{u"all"_s, all}});
        reply.waitForFinished();
        return reply.isError() ? QVariantMapList{} : reply.value();
    }

    void writeShared(const QString &name, const QByteArray &data)
    {
        QSaveFile f(m_fx.share + u'/' + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        QVERIFY(f.commit());
        QFile::setPermissions(f.fileName(), QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::ReadOther);
    }

    // ------------------------------------------------------------------ B's args

    // Well-formed arguments for `m`, built from its signature (and argument names),
    // so that nothing but authorization can refuse the call. A signature this
    // does not know fails the test: extend it with the new method.
    QVariantList dummyArgs(const Method &m, int fd, bool interactive, QString *unknown)
    {
        QVariantList args;
        for (const auto &[name, type] : m.in) {
            if (type == u"a{sv}"_s) {
                if (name == u"options"_s) {
                    args << (interactive ? QVariantMap{{u"interactive"_s, true}} : QVariantMap{});
                } else if (name == u"spec"_s && m.name == u"Exec"_s) {
                    args << QVariantMap{{u"cmd"_s, QStringList{u"true"_s}}};
                } else if (name == u"spec"_s) {
                    args << QVariantMap{{u"image"_s, u"starter"_s},
                                        {u"cmd"_s, QStringList{u"true"_s}},
                                        {u"network"_s, u"none"_s}};
                } else {
                    args << QVariantMap{};
                }
            } else if (type == u"s"_s) {
                if (name == u"id"_s)
                    args << m_hold.value(u"runningId"_s).toString();
                else if (name == u"signal"_s)
                    args << u"TERM"_s;
                else if (m.iface == kNetworks)
                    args << u"kt-net"_s;
                else if (name == u"target"_s)
                    args << u"kt-tagged:latest"_s;
                else
                    args << u"starter"_s;
            } else if (type == u"as"_s) {
                args << QStringList{u"starter"_s};
            } else if (type == u"h"_s) {
                args << QVariant::fromValue(QDBusUnixFileDescriptor(fd));
            } else if (type == u"a(hsb)"_s) {
                args << QVariant::fromValue(KokerVolumeList{});
            } else if (type == u"b"_s) {
                args << true;
            } else if (type == u"u"_s) {
                args << 0u;
            } else if (type == u"q"_s) {
                args << QVariant::fromValue(ushort(1));
            } else if (type == u"i"_s) {
                args << 0;
            } else if (type == u"x"_s) {
                args << QVariant::fromValue(qlonglong(0));
            } else if (type == u"t"_s) {
                args << QVariant::fromValue(qulonglong(0));
            } else if (type == u"o"_s) {
                args << QVariant::fromValue(QDBusObjectPath(u"/"_s));
            } else {
                *unknown = name + u" of type "_s + type;
                return {};
            }
        }
        return args;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() == 0)
            QSKIP("runs as an unprivileged user; start it through tests/dbus/run-dbus-tests.sh");
        auto fx = loadFixture();
        if (!fx)
            QSKIP("no fixture: KOKER_DBUS_FIXTURE must name fixture.env of "
                  "tests/dbus/fixture/start.sh (run tests/dbus/run-dbus-tests.sh)");
        m_fx = *fx;
        m_phase = qEnvironmentVariable("KOKER_DBUS_PHASE", u"a"_s);
        const uint uid = ::geteuid();
        const bool asB = m_phase.startsWith(u"b-"_s);
        QVERIFY2(uid == (asB ? m_fx.uidB : m_fx.uidA),
                 qPrintable(u"phase "_s + m_phase + u" runs as user "_s + (asB ? u"B"_s : u"A"_s)));
        m_bus = QDBusConnection::connectToBus(m_fx.address, u"kokertest"_s);
        QVERIFY2(m_bus.isConnected(), qPrintable(m_bus.lastError().message()));
        m_manager = std::make_unique<OrgKokerHelper1ManagerInterface>(kService, kPath, m_bus);
        m_images = std::make_unique<OrgKokerHelper1ImagesInterface>(kService, kPath, m_bus);
        m_containers = std::make_unique<OrgKokerHelper1ContainersInterface>(kService, kPath, m_bus);
        if (asB) {
            QFile f(m_fx.share + u"/state.json"_s);
            QVERIFY2(f.open(QIODevice::ReadOnly), "the holder (phase hold) wrote no state.json");
            m_hold = QJsonDocument::fromJson(f.readAll()).object();
            QVERIFY(!m_hold.value(u"runningId"_s).toString().isEmpty());
        }
    }

    void cleanupTestCase()
    {
        if (!m_containers || inPhase(u"idle"_s))
            return; // the idle case leaves its container running on purpose
        // Whatever a failed test left behind (the runner's stop.sh is the backstop).
        for (const QString &id : std::as_const(m_created)) {
            if (!inspect(id).isEmpty())
                removeContainer(id, true);
        }
    }

    // ------------------------------------------------------------------ phase a

    void getInfo()
    {
        REQUIRE_PHASE("a");
        auto reply = m_manager->GetInfo({});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        const QVariantMap info = reply.value();
        QCOMPARE(info.value(u"callerUid"_s).toUInt(), m_fx.uidA);
        QVERIFY(!info.value(u"version"_s).toString().isEmpty());
        QVERIFY(info.value(u"hostCpus"_s).toInt() > 0);
        QVERIFY(QStringList({u"legacy"_s, u"hybrid"_s, u"unified"_s})
                    .contains(info.value(u"cgroupMode"_s).toString()));
    }

    // The live object exports exactly the contract's methods, each ending in
    // a{sv} options: the B test below covers every method because of this.
    void contractMatchesIntrospection()
    {
        REQUIRE_PHASE("a");
        QString error;
        const QList<Method> contract = contractMethods(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(contract.size() >= 25);
        QDBusMessage reply = call(u"org.freedesktop.DBus.Introspectable"_s, u"Introspect"_s, {});
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(describe(reply)));
        QByteArray xml = reply.arguments().value(0).toString().toUtf8();
        QBuffer buffer(&xml);
        buffer.open(QIODevice::ReadOnly);
        QStringList live;
        for (const Method &m : parseMethods(&buffer, &error)) {
            if (m.iface.startsWith(u"org.koker."_s))
                live << m.iface + u'.' + m.name;
        }
        QStringList declared;
        for (const Method &m : contract) {
            if (m.iface != kOperation)
                declared << m.iface + u'.' + m.name;
            QVERIFY2(!m.in.isEmpty() && m.in.last() == qMakePair(u"options"_s, u"a{sv}"_s),
                     qPrintable(m.name + u" does not end with a{sv} options"_s));
        }
        live.sort();
        declared.sort();
        QCOMPARE(live, declared);
    }

    void listImagesShowsStarter()
    {
        REQUIRE_PHASE("a");
        auto reply = m_images->ListImages({});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        bool found = false;
        for (const QVariantMap &image : reply.value()) {
            if (image.value(u"names"_s).toStringList().contains(u"starter:latest"_s)) {
                found = true;
                QVERIFY(image.value(u"id"_s).toString().startsWith(u"sha256:"_s));
                QVERIFY(image.value(u"size"_s).toLongLong() > 0);
            }
        }
        QVERIFY2(found, "starter:latest is not in ListImages");
    }

    // Create and start through an operation: planned steps first (cgroup and
    // namespace steps among them), StepChanged signals, Completed, Snapshot.
    void createAndStart()
    {
        REQUIRE_PHASE("a");
        QString why;
        m_interactiveId = create(
            {{u"name"_s, QString(u"kt-a-echo-"_s + randomSuffix())},
             {u"cmd"_s, QStringList{u"sh"_s, u"-c"_s, u"echo hello; read line; echo got $line"_s}},
             {u"interactive"_s, true}},
            {}, &why);
        QVERIFY2(!m_interactiveId.isEmpty(), qPrintable(why));
        QCOMPARE(m_interactiveId.size(), 64);

        auto reply = m_containers->StartContainer(m_interactiveId, {});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        const QDBusObjectPath path = reply.value();
        QVERIFY(path.path().startsWith(u"/org/koker/Helper1/operation/"_s));

        // The operation object implements the contract's Operation interface.
        QDBusMessage intro =
            call(u"org.freedesktop.DBus.Introspectable"_s, u"Introspect"_s, {}, path.path());
        QVERIFY(intro.arguments().value(0).toString().contains(kOperation));

        OpOutcome o = runOperation(path);
        QVERIFY2(o.completed, qPrintable(o.error));
        QVERIFY2(o.success, qPrintable(o.why()));
        QVERIFY(!o.planned.isEmpty());
        QStringList phases;
        for (const QVariantMap &s : std::as_const(o.planned)) {
            phases << s.value(u"phase"_s).toString();
            QCOMPARE(s.value(u"state"_s).toString(), u"planned"_s);
            QVERIFY(!s.value(u"title"_s).toString().isEmpty());
        }
        QVERIFY2(phases.contains(u"cgroup"_s), qPrintable(phases.join(u',')));
        QVERIFY2(phases.contains(u"namespace"_s), qPrintable(phases.join(u',')));
        QVERIFY2(o.stepSignals.size() >= o.planned.size() / 2,
                 qPrintable(QString::number(o.stepSignals.size())));
        // Steps done inside the new namespaces reach the caller too.
        int inside = 0;
        for (const QVariantMap &s : std::as_const(o.stepSignals)) {
            QVERIFY(s.contains(u"seq"_s) && s.contains(u"op"_s));
            if (s.value(u"side"_s).toString() == u"container"_s)
                ++inside;
        }
        QVERIFY(inside > 0);
        QVERIFY(o.result.value(u"pid"_s).toInt() > 0);
        QCOMPARE(o.snapshotState, u"succeeded"_s);
        QVERIFY(!o.snapshotSteps.isEmpty());
    }

    // Attach: a unix fd (never bytes in messages) that is a socket speaking the
    // attach protocol; an attach without input cannot give itself input.
    void attachBothWays()
    {
        REQUIRE_PHASE("a");
        if (m_interactiveId.isEmpty())
            QSKIP("createAndStart failed");

        // Read-only viewer: kokerd said "no input" in its Hello; a second Hello
        // asking for input and an Input message must change nothing.
        {
            QDBusMessage reply =
                call(kContainers, u"Attach"_s,
                     {m_interactiveId, QVariantMap{{u"input"_s, false}, {u"replay"_s, true}}});
            QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(describe(reply)));
            QCOMPARE(reply.signature(), u"h"_s);
            const auto fd = reply.arguments().value(0).value<QDBusUnixFileDescriptor>();
            QVERIFY(fd.isValid());
            QVERIFY(isSocket(fd.fileDescriptor()));
            koker::wire::Writer w;
            w.u32(attach::WantInput | attach::WantOutput);
            QVERIFY(attach::send(fd.fileDescriptor(), attach::Msg::Hello, w.data()).has_value());
            QVERIFY(attach::send(fd.fileDescriptor(), attach::Msg::Input, "evil\n").has_value());
            (void)attach::send(fd.fileDescriptor(), attach::Msg::CloseInput);
            Console c;
            readConsole(fd.fileDescriptor(), c, 5000,
                        [](const Console &x) { return x.out.contains("hello"); });
            QVERIFY2(c.out.contains("hello\n"), c.out.constData());
            QTest::qWait(300);
            Console late;
            readConsole(fd.fileDescriptor(), late, 200);
            QVERIFY2(!late.out.contains("got"), late.out.constData());
        }

        // Through the proxy: input and replay.
        auto reply =
            m_containers->Attach(m_interactiveId, {{u"input"_s, true}, {u"replay"_s, true}});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        QCOMPARE(reply.reply().signature(), u"h"_s);
        const int fd = reply.value().fileDescriptor();
        QVERIFY(isSocket(fd));
        int type = 0;
        socklen_t len = sizeof type;
        QVERIFY(::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0);
        QCOMPARE(type, SOCK_SEQPACKET);

        Console c;
        readConsole(fd, c, 5000, [](const Console &x) { return x.out.contains("hello"); });
        QVERIFY2(c.out.contains("hello\n"), qPrintable(c.error + u' ' + QString::fromUtf8(c.out)));
        QVERIFY(attach::send(fd, attach::Msg::Input, "ping\n").has_value());
        QVERIFY(attach::send(fd, attach::Msg::CloseInput).has_value());
        readConsole(fd, c, 10000);
        QVERIFY2(c.exited, qPrintable(c.error + u' ' + QString::fromUtf8(c.out)));
        QVERIFY2(c.out.contains("got ping\n"), c.out.constData());
        QVERIFY2(!c.out.contains("evil"), c.out.constData());
        QCOMPARE(c.status.code, 0);
        QCOMPARE(c.status.signal, 0);
    }

    void logsAreFramedRecords()
    {
        REQUIRE_PHASE("a");
        if (m_interactiveId.isEmpty())
            QSKIP("createAndStart failed");
        QVERIFY(waitExited(m_interactiveId, 10000));
        auto reply = m_containers->ContainerLogs(m_interactiveId, {});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        QCOMPARE(reply.reply().signature(), u"h"_s);
        const int fd = reply.value().fileDescriptor();
        struct stat st
        {};
        QVERIFY(::fstat(fd, &st) == 0);
        QVERIFY(S_ISREG(st.st_mode));
        // Opened read-only for us: a viewer cannot rewrite history.
        QCOMPARE(::fcntl(fd, F_GETFL) & O_ACCMODE, O_RDONLY);
        int records = 0;
        QString error;
        const QByteArray text = readLogFd(fd, &records, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(records >= 2);
        QCOMPARE(text, QByteArray("hello\ngot ping\n"));
    }

    // Exec in a running container: the reply carries a console fd and the steps.
    void execInRunningContainer()
    {
        REQUIRE_PHASE("a");
        QString why;
        m_sleeperId = create({{u"name"_s, QString(u"kt-a-sleep-"_s + randomSuffix())},
                              {u"cmd"_s, QStringList{u"sleep"_s, u"300"_s}},
                              {u"pidsLimit"_s, qlonglong(64)}},
                             {}, &why);
        QVERIFY2(!m_sleeperId.isEmpty(), qPrintable(why));
        OpOutcome o = start(m_sleeperId);
        QVERIFY2(o.success, qPrintable(o.why()));

        auto reply = m_containers->Exec(
            m_sleeperId, {{u"cmd"_s, QStringList{u"sh"_s, u"-c"_s, u"echo $((6*7))"_s}}}, {});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        QCOMPARE(reply.reply().signature(), u"haa{sv}"_s);
        const int fd = reply.argumentAt<0>().fileDescriptor();
        QVERIFY(isSocket(fd));
        const QVariantMapList steps = reply.argumentAt<1>();
        QVERIFY(!steps.isEmpty());
        Console c;
        readConsole(fd, c, 10000);
        QVERIFY2(c.exited, qPrintable(c.error + u' ' + QString::fromUtf8(c.out)));
        QCOMPARE(c.out, QByteArray("42\n"));
        QCOMPARE(c.status.code, 0);
    }

    void statsInspectList()
    {
        REQUIRE_PHASE("a");
        if (m_sleeperId.isEmpty())
            QSKIP("execInRunningContainer failed");
        auto stats = m_containers->Stats(m_sleeperId, {});
        stats.waitForFinished();
        QVERIFY2(!stats.isError(), qPrintable(stats.error().message()));
        const QVariantMap s = stats.value();
        QVERIFY2(s.value(u"memoryUsage"_s).toLongLong() > 0, qPrintable(QVariant(s).toString()));
        QVERIFY(s.value(u"pids"_s).toLongLong() >= 1);
        QCOMPARE(s.value(u"pidsLimit"_s).toLongLong(), 64);
        QVERIFY(s.value(u"timestamp"_s).toLongLong() > 0);

        QString why;
        const QJsonObject doc = inspect(m_sleeperId, &why);
        QVERIFY2(!doc.isEmpty(), qPrintable(why));
        const QJsonObject state = doc.value(u"State"_s).toObject();
        QVERIFY(state.value(u"Running"_s).toBool());
        QVERIFY(state.value(u"Pid"_s).toInt() > 0);
        for (const QJsonValue &p : doc.value(u"Cgroup"_s).toObject().value(u"Paths"_s).toArray())
            m_cgroupPaths << p.toString();
        if (m_cgroupPaths.isEmpty()) {
            // Not in the inspect document: the driver's layout (koker/<id>).
            for (const QString &h :
                 QDir(u"/sys/fs/cgroup"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                const QString p = u"/sys/fs/cgroup/"_s + h + u"/koker/"_s + m_sleeperId;
                if (QFileInfo::exists(p))
                    m_cgroupPaths << p;
            }
        }
        QVERIFY2(!m_cgroupPaths.isEmpty(), "the running container has no cgroup");
        for (const QString &p : std::as_const(m_cgroupPaths))
            QVERIFY2(QFileInfo::exists(p), qPrintable(p));

        bool seen = false;
        for (const QVariantMap &c : listContainers(true)) {
            QCOMPARE(c.value(u"owner"_s).toUInt(), m_fx.uidA);
            if (c.value(u"id"_s).toString() == m_sleeperId) {
                seen = true;
                QCOMPARE(c.value(u"status"_s).toString(), u"running"_s);
            }
        }
        QVERIFY(seen);

        auto steps = m_containers->ContainerSteps(m_sleeperId, {});
        steps.waitForFinished();
        QVERIFY2(!steps.isError(), qPrintable(steps.error().message()));
        QVERIFY(!steps.value().isEmpty());
    }

    // What the kernel sees of the caller's own container (issue 8's under-the-hood
    // view) and the host changes a removal will have to undo.
    void underTheHoodAndCleanupPreview()
    {
        REQUIRE_PHASE("a");
        if (m_sleeperId.isEmpty())
            QSKIP("execInRunningContainer failed");
        auto hoodReply = m_containers->UnderTheHood(m_sleeperId, {});
        hoodReply.waitForFinished();
        QVERIFY2(!hoodReply.isError(), qPrintable(hoodReply.error().message()));
        const QJsonObject hood = QJsonDocument::fromJson(hoodReply.value().toUtf8()).object();
        QCOMPARE(hood.value(u"schema"_s).toInt(), 1);
        QCOMPARE(hood.value(u"id"_s).toString(), m_sleeperId);
        QStringList ownNamespaces;
        for (const QJsonValue &v : hood.value(u"namespaces"_s).toArray()) {
            const QJsonObject ns = v.toObject();
            if (!ns.value(u"shared"_s).toBool())
                ownNamespaces << ns.value(u"type"_s).toString();
        }
        for (const char *type : {"mnt", "uts", "ipc", "pid"})
            QVERIFY2(ownNamespaces.contains(QLatin1StringView(type)),
                     qPrintable(ownNamespaces.join(u',')));
        bool pidsLimit = false;
        for (const QJsonValue &v :
             hood.value(u"cgroup"_s).toObject().value(u"limits"_s).toArray()) {
            const QJsonObject limit = v.toObject();
            if (limit.value(u"file"_s).toString() == u"pids.max"_s)
                pidsLimit = limit.value(u"value"_s).toString() == u"64"_s;
        }
        QVERIFY2(pidsLimit, QJsonDocument(hood.value(u"cgroup"_s).toObject())
                                .toJson(QJsonDocument::Compact)
                                .constData());

        auto preview = m_containers->CleanupPreview(m_sleeperId, {});
        preview.waitForFinished();
        QVERIFY2(!preview.isError(), qPrintable(preview.error().message()));
        const QJsonArray checks = QJsonDocument::fromJson(preview.value().toUtf8()).array();
        QStringList present;
        for (const QJsonValue &v : checks) {
            if (v.toObject().value(u"present"_s).toBool())
                present << v.toObject().value(u"kind"_s).toString();
        }
        for (const char *kind : {"cgroupDir", "stateDir", "runDir"})
            QVERIFY2(present.contains(QLatin1StringView(kind)), qPrintable(present.join(u',')));
    }

    // Stop and rm are operations too; afterwards nothing of the container is
    // left (the runner also checks the store and run directories as root).
    void stopAndRemove()
    {
        REQUIRE_PHASE("a");
        if (m_sleeperId.isEmpty() || m_interactiveId.isEmpty())
            QSKIP("an earlier test failed");
        auto stop = m_containers->StopContainer(m_sleeperId, {{u"timeout"_s, 1u}});
        stop.waitForFinished();
        QVERIFY2(!stop.isError(), qPrintable(stop.error().message()));
        OpOutcome o = runOperation(stop.value());
        QVERIFY2(o.success, qPrintable(o.why()));
        QVERIFY(!inspect(m_sleeperId).value(u"State"_s).toObject().value(u"Running"_s).toBool());

        for (const QString &id : {m_sleeperId, m_interactiveId}) {
            OpOutcome rm = removeContainer(id, false, id == m_sleeperId);
            QVERIFY2(rm.success, qPrintable(rm.why()));
            if (id == m_sleeperId) {
                // The proof: every change it made is checked, and none is left.
                const QJsonArray checks =
                    QJsonDocument::fromJson(rm.result.value(u"proof"_s).toString().toUtf8())
                        .array();
                QVERIFY2(checks.size() >= 3, qPrintable(rm.result.value(u"proof"_s).toString()));
                for (const QJsonValue &v : checks)
                    QVERIFY2(!v.toObject().value(u"present"_s).toBool(),
                             QJsonDocument(v.toObject()).toJson().constData());
            }
            QString why;
            QVERIFY(inspect(id, &why).isEmpty());
            QCOMPARE(why, NotFound);
        }
        for (const QString &p : std::as_const(m_cgroupPaths))
            QVERIFY2(!QFileInfo::exists(p), qPrintable(u"left behind: "_s + p));
        QStringList ids;
        for (const QVariantMap &c : listContainers(true))
            ids << c.value(u"id"_s).toString();
        QVERIFY(!ids.contains(m_sleeperId));
        QVERIFY(!ids.contains(m_interactiveId));
    }

    // A host directory crosses the bus as an fd the caller opened (O_PATH): the
    // container sees its file, and may write to it only when not read-only.
    void volumeFromFd_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-write") << false;
        QTest::newRow("read-only") << true;
    }

    void volumeFromFd()
    {
        REQUIRE_PHASE("a");
        QFETCH(bool, readOnly);
        const QString host = m_fx.share + u"/vol-"_s + randomSuffix();
        QVERIFY(QDir().mkpath(host));
        auto removeHost = qScopeGuard([host] { QDir(host).removeRecursively(); });
        {
            QFile marker(host + u"/marker"_s);
            QVERIFY(marker.open(QIODevice::WriteOnly));
            marker.write("from-the-host\n");
        }
        const int dirFd =
            ::open(QFile::encodeName(host).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(dirFd >= 0);
        KokerVolumeList volumes{{QDBusUnixFileDescriptor(dirFd), u"/data"_s, readOnly}};
        ::close(dirFd);
        QString why;
        const QString id = create(
            {{u"cmd"_s, QStringList{u"sh"_s, u"-c"_s,
                                    u"cat /data/marker; touch /data/new 2>/dev/null && echo rw || "
                                    u"echo ro"_s}}},
            volumes, &why);
        QVERIFY2(!id.isEmpty(), qPrintable(why));
        OpOutcome o = start(id);
        QVERIFY2(o.success, qPrintable(o.why()));
        QVERIFY(waitExited(id, 10000));
        auto logs = m_containers->ContainerLogs(id, {});
        logs.waitForFinished();
        QVERIFY2(!logs.isError(), qPrintable(logs.error().message()));
        int records = 0;
        QString error;
        const QByteArray text = readLogFd(logs.value().fileDescriptor(), &records, &error);
        QCOMPARE(text,
                 readOnly ? QByteArray("from-the-host\nro\n") : QByteArray("from-the-host\nrw\n"));
        QCOMPARE(QFileInfo::exists(host + u"/new"_s), !readOnly);
        OpOutcome rm = removeContainer(id, false);
        QVERIFY2(rm.success, qPrintable(rm.why()));
        // The host directory itself is untouched by the removal.
        QVERIFY(QFileInfo::exists(host + u"/marker"_s));
    }

    // Malformed input from an authorized caller: refused with InvalidArgument
    // (never a crash, never a Failed from deep inside the engine).
    void malformed_data()
    {
        QTest::addColumn<QString>("iface");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QVariantList>("args");
        QTest::addColumn<QString>("expected");
        const QString mega(1 << 20, u'x');
        const QVariantMap none;
        const QString someId = u"0123456789abcdef"_s;
        auto spec = [](QVariantMap extra) {
            extra.insert(u"image"_s, extra.value(u"image"_s, u"starter"_s));
            extra.insert(u"network"_s, extra.value(u"network"_s, u"none"_s));
            return extra;
        };
        auto createRow = [&](const char *name, const QVariantMap &s) {
            QTest::newRow(name) << kContainers << u"CreateContainer"_s
                                << QVariantList{s, QVariant::fromValue(KokerVolumeList{}), none}
                                << InvalidArgument;
        };
        // Names and references.
        QTest::newRow("InspectImage empty")
            << kImages << u"InspectImage"_s << QVariantList{u""_s, none} << InvalidArgument;
        QTest::newRow("InspectImage control chars")
            << kImages << u"InspectImage"_s << QVariantList{u"star\nter"_s, none}
            << InvalidArgument;
        QTest::newRow("InspectImage 1 MB")
            << kImages << u"InspectImage"_s << QVariantList{mega, none} << InvalidArgument;
        QTest::newRow("PullImage upper case")
            << kImages << u"PullImage"_s << QVariantList{u"Library/Alpine"_s, none}
            << InvalidArgument;
        QTest::newRow("PullImage traversal")
            << kImages << u"PullImage"_s << QVariantList{u"../../etc/passwd"_s, none}
            << InvalidArgument;
        QTest::newRow("PullImage 1 MB")
            << kImages << u"PullImage"_s << QVariantList{mega, none} << InvalidArgument;
        QTest::newRow("PullImage bad digest")
            << kImages << u"PullImage"_s << QVariantList{u"alpine@sha256:../../x"_s, none}
            << InvalidArgument;
        QTest::newRow("PullImage bad platform")
            << kImages << u"PullImage"_s
            << QVariantList{u"alpine"_s, QVariantMap{{u"platform"_s, u"linux"_s}}}
            << InvalidArgument;
        QTest::newRow("PullImage platform 1 MB")
            << kImages << u"PullImage"_s
            << QVariantList{u"alpine"_s, QVariantMap{{u"platform"_s, QString(u"linux/"_s + mega)}}}
            << InvalidArgument;
        QTest::newRow("TagImage bad target")
            << kImages << u"TagImage"_s << QVariantList{u"starter"_s, u"Bad Name!"_s, none}
            << InvalidArgument;
        QTest::newRow("TagImage 1 MB") << kImages << u"TagImage"_s
                                       << QVariantList{u"starter"_s, mega, none} << InvalidArgument;
        QTest::newRow("RemoveImage 1 MB")
            << kImages << u"RemoveImage"_s << QVariantList{mega, none} << InvalidArgument;
        QTest::newRow("SaveImage no names")
            << kImages << u"SaveImage"_s
            << QVariantList{QStringList{}, QVariant::fromValue(QDBusUnixFileDescriptor(1)), none}
            << InvalidArgument;
        QTest::newRow("CreateNetwork bad name")
            << kNetworks << u"CreateNetwork"_s << QVariantList{u"bad name!"_s, none}
            << InvalidArgument;
        QTest::newRow("CreateNetwork 1 MB")
            << kNetworks << u"CreateNetwork"_s << QVariantList{mega, none} << InvalidArgument;
        QTest::newRow("RemoveNetwork 1 MB")
            << kNetworks << u"RemoveNetwork"_s << QVariantList{mega, none} << InvalidArgument;
        QTest::newRow("InspectContainer 1 MB")
            << kContainers << u"InspectContainer"_s << QVariantList{mega, none} << InvalidArgument;
        QTest::newRow("InspectContainer control chars")
            << kContainers << u"InspectContainer"_s << QVariantList{u"abc\u0007"_s, none}
            << InvalidArgument;
        QTest::newRow("KillContainer bad signal")
            << kContainers << u"KillContainer"_s << QVariantList{someId, u"SIGNOPE"_s, none}
            << InvalidArgument;
        // Container specs.
        createRow("spec without image", {{u"image"_s, u""_s}});
        createRow("spec image 1 MB", spec({{u"image"_s, mega}}));
        createRow("spec bad name", spec({{u"name"_s, u"bad name"_s}}));
        createRow("spec name 1 MB", spec({{u"name"_s, mega}}));
        createRow("spec cmd 1 MB", spec({{u"cmd"_s, QStringList{mega}}}));
        createRow("spec env without =", spec({{u"env"_s, QStringList{u"NOVALUE"_s}}}));
        createRow("spec env empty key", spec({{u"env"_s, QStringList{u"=value"_s}}}));
        createRow("spec negative memory", spec({{u"memory"_s, qlonglong(-1)}}));
        createRow("spec negative cpus", spec({{u"nanoCpus"_s, qlonglong(-5)}}));
        createRow("spec negative pids", spec({{u"pidsLimit"_s, qlonglong(-2)}}));
        createRow("spec bad hostname", spec({{u"hostname"_s, u"-bad-"_s}}));
        createRow("spec bad user", spec({{u"user"_s, u"root;id"_s}}));
        createRow("spec relative workingDir", spec({{u"workingDir"_s, u"tmp"_s}}));
        createRow("spec bad port", spec({{u"ports"_s, QStringList{u"99999:80"_s}}}));
        createRow("spec bad network", spec({{u"network"_s, u"../x"_s}}));
        createRow("spec unknown capability", spec({{u"capAdd"_s, QStringList{u"CAP_NOPE"_s}}}));
        createRow("spec unknown key", spec({{u"bogus"_s, true}}));
        createRow("spec wrong type", spec({{u"tty"_s, u"yes"_s}}));
        createRow("spec memory as string", spec({{u"memory"_s, u"1g"_s}}));
        // Options: unknown keys and wrong types.
        QTest::newRow("GetInfo unknown option")
            << kManager << u"GetInfo"_s << QVariantList{QVariantMap{{u"bogus"_s, true}}}
            << InvalidArgument;
        QTest::newRow("ListContainers all as int")
            << kContainers << u"ListContainers"_s << QVariantList{QVariantMap{{u"all"_s, 1}}}
            << InvalidArgument;
        QTest::newRow("RemoveContainer force as string")
            << kContainers << u"RemoveContainer"_s
            << QVariantList{someId, QVariantMap{{u"force"_s, u"yes"_s}}} << InvalidArgument;
        QTest::newRow("interactive as string")
            << kImages << u"ListImages"_s
            << QVariantList{QVariantMap{{u"interactive"_s, u"true"_s}}} << InvalidArgument;
        QTest::newRow("StartContainer rows 0")
            << kContainers << u"StartContainer"_s
            << QVariantList{someId, QVariantMap{{u"rows"_s, QVariant::fromValue(ushort(0))}}}
            << InvalidArgument;
        QTest::newRow("StartContainer cols 5000")
            << kContainers << u"StartContainer"_s
            << QVariantList{someId, QVariantMap{{u"cols"_s, QVariant::fromValue(ushort(5000))}}}
            << InvalidArgument;
        QTest::newRow("StartContainer rows as int")
            << kContainers << u"StartContainer"_s
            << QVariantList{someId, QVariantMap{{u"rows"_s, 24}}} << InvalidArgument;
        QTest::newRow("StopContainer timeout too long")
            << kContainers << u"StopContainer"_s
            << QVariantList{someId, QVariantMap{{u"timeout"_s, 100000u}}} << InvalidArgument;
        QTest::newRow("Exec without cmd")
            << kContainers << u"Exec"_s << QVariantList{someId, QVariantMap{}, none}
            << InvalidArgument;
        QTest::newRow("Exec env without =")
            << kContainers << u"Exec"_s
            << QVariantList{someId,
                            QVariantMap{{u"cmd"_s, QStringList{u"true"_s}},
                                        {u"env"_s, QStringList{u"NOVALUE"_s}}},
                            none}
            << InvalidArgument;
        QTest::newRow("Exec rows 0")
            << kContainers << u"Exec"_s
            << QVariantList{someId,
                            QVariantMap{{u"cmd"_s, QStringList{u"true"_s}},
                                        {u"rows"_s, QVariant::fromValue(ushort(0))}},
                            none}
            << InvalidArgument;
        QTest::newRow("Exec unknown spec key")
            << kContainers << u"Exec"_s
            << QVariantList{someId,
                            QVariantMap{{u"cmd"_s, QStringList{u"true"_s}},
                                        {u"privileged"_s, true}},
                            none}
            << InvalidArgument;
        QTest::newRow("Exec cmd 1 MB")
            << kContainers << u"Exec"_s
            << QVariantList{someId, QVariantMap{{u"cmd"_s, QStringList{mega}}}, none}
            << InvalidArgument;
        QTest::newRow("Attach unknown option")
            << kContainers << u"Attach"_s << QVariantList{someId, QVariantMap{{u"tty"_s, true}}}
            << InvalidArgument;
    }

    void malformed()
    {
        REQUIRE_PHASE("a");
        QFETCH(QString, iface);
        QFETCH(QString, method);
        QFETCH(QVariantList, args);
        QFETCH(QString, expected);
        const qsizetype before = listContainers(true).size();
        QDBusMessage reply = call(iface, method, args);
        if (reply.type() == QDBusMessage::ReplyMessage) {
            // Accepted by mistake: an operation that must not begin.
            const QVariant v = reply.arguments().value(0);
            if (v.canConvert<QDBusObjectPath>())
                call(kOperation, u"Cancel"_s, {QVariantMap{}}, v.value<QDBusObjectPath>().path());
        }
        QVERIFY2(reply.type() == QDBusMessage::ErrorMessage, qPrintable(describe(reply)));
        QVERIFY2(reply.errorName() == expected, qPrintable(describe(reply)));
        // The message is for a person: short, not an echo of a megabyte.
        QVERIFY2(reply.errorMessage().size() < 1024,
                 qPrintable(QString::number(reply.errorMessage().size())));
        QCOMPARE(listContainers(true).size(), before);
    }

    // File descriptors of the wrong kind, or someone else's files.
    void wrongFds_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("fdKind");
        QTest::addColumn<QStringList>("expected");
        const QStringList invalid{InvalidArgument};
        // Refusing an fd that is not the caller's: the contract names no error for
        // it; kokerd maps PermissionDenied to NotAuthorized today.
        const QStringList notOwned{InvalidArgument, NotAuthorized};
        QTest::newRow("LoadImage socket") << u"LoadImage"_s << u"socket"_s << invalid;
        QTest::newRow("LoadImage /dev/null") << u"LoadImage"_s << u"devnull"_s << invalid;
        QTest::newRow("LoadImage directory") << u"LoadImage"_s << u"dir"_s << invalid;
        QTest::newRow("LoadImage root's file") << u"LoadImage"_s << u"rootfile"_s << notOwned;
        QTest::newRow("ImportImage socket") << u"ImportImage"_s << u"socket"_s << invalid;
        QTest::newRow("ImportImage /dev/null") << u"ImportImage"_s << u"devnull"_s << invalid;
        QTest::newRow("SaveImage read-only file") << u"SaveImage"_s << u"rdonly"_s << invalid;
        QTest::newRow("SaveImage /dev/null") << u"SaveImage"_s << u"devnull"_s << invalid;
        QTest::newRow("volume socket") << u"CreateContainer"_s << u"socket"_s << invalid;
        QTest::newRow("volume /dev/null") << u"CreateContainer"_s << u"devnull"_s << invalid;
        QTest::newRow("volume root's directory")
            << u"CreateContainer"_s << u"rootdir"_s << notOwned;
        QTest::newRow("volume root's file") << u"CreateContainer"_s << u"rootfile"_s << notOwned;
        QTest::newRow("volume relative target")
            << u"CreateContainer"_s << u"dir-relative-target"_s << invalid;
    }

    void wrongFds()
    {
        REQUIRE_PHASE("a");
        QFETCH(QString, method);
        QFETCH(QString, fdKind);
        QFETCH(QStringList, expected);
        int fd = -1;
        int pair[2] = {-1, -1};
        QTemporaryFile own(m_fx.share + u"/fd-XXXXXX"_s);
        if (fdKind == u"socket"_s) {
            QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) == 0);
            fd = pair[0];
        } else if (fdKind == u"devnull"_s) {
            fd = ::open("/dev/null", (method == u"SaveImage"_s ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
        } else if (fdKind == u"rootfile"_s) {
            fd = ::open("/etc/hostname", O_RDONLY | O_CLOEXEC);
        } else if (fdKind == u"rootdir"_s) {
            fd = ::open("/etc", O_PATH | O_DIRECTORY | O_CLOEXEC);
        } else if (fdKind == u"rdonly"_s) {
            QVERIFY(own.open());
            fd = ::open(QFile::encodeName(own.fileName()).constData(), O_RDONLY | O_CLOEXEC);
        } else if (fdKind.startsWith(u"dir"_s)) {
            fd = ::open(QFile::encodeName(m_fx.share).constData(),
                        O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        }
        QVERIFY2(fd >= 0, qPrintable(fdKind));
        const QDBusUnixFileDescriptor passed(fd);
        ::close(fd);
        if (pair[1] >= 0)
            ::close(pair[1]);
        const qsizetype before = listContainers(true).size();

        QDBusMessage reply;
        if (method == u"LoadImage"_s) {
            reply = call(kImages, method, {QVariant::fromValue(passed), QVariantMap{}});
        } else if (method == u"ImportImage"_s) {
            reply = call(kImages, method,
                         {QVariant::fromValue(passed), u"kt-import:latest"_s, QVariantMap{}});
        } else if (method == u"SaveImage"_s) {
            reply = call(kImages, method,
                         {QStringList{u"starter"_s}, QVariant::fromValue(passed), QVariantMap{}});
        } else {
            const QString target =
                fdKind == u"dir-relative-target"_s ? u"data/../../x"_s : u"/data"_s;
            KokerVolumeList volumes{{passed, target, false}};
            reply = call(kContainers, method,
                         {QVariantMap{{u"image"_s, u"starter"_s}, {u"network"_s, u"none"_s}},
                          QVariant::fromValue(volumes), QVariantMap{}});
        }
        if (reply.type() == QDBusMessage::ReplyMessage) {
            // Accepted by mistake: undo what it made before failing.
            const QVariant v = reply.arguments().value(0);
            if (v.canConvert<QDBusObjectPath>())
                call(kOperation, u"Cancel"_s, {QVariantMap{}}, v.value<QDBusObjectPath>().path());
            else if (method == u"CreateContainer"_s)
                removeContainer(v.toString(), true);
        }
        QVERIFY2(reply.type() == QDBusMessage::ErrorMessage, qPrintable(describe(reply)));
        QVERIFY2(expected.contains(reply.errorName()), qPrintable(describe(reply)));
        QCOMPARE(listContainers(true).size(), before);
    }

    void helperStillAnswers()
    {
        REQUIRE_PHASE("a");
        auto reply = m_manager->GetInfo({});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        QVERIFY2(pidAlive(m_fx.kokerdPid), "kokerd's pid changed: it died");
    }

    // ------------------------------------------------------------------ phase hold

    // Made for B: a running container, a created one whose start operation is
    // planned but not begun, and containers until two of them share a first id
    // character. Waits for the runner's share/hold.done, then checks that B's
    // calls changed nothing, and removes everything.
    void holdForB()
    {
        REQUIRE_PHASE("hold");
        QString why;
        const QString running =
            create({{u"name"_s, QString(u"kt-hold-running-"_s + randomSuffix())},
                    {u"cmd"_s, QStringList{u"sleep"_s, u"300"_s}}},
                   {}, &why);
        QVERIFY2(!running.isEmpty(), qPrintable(why));
        OpOutcome o = start(running);
        QVERIFY2(o.success, qPrintable(o.why()));
        const QString runningName = inspect(running).value(u"Name"_s).toString();

        const QString planned = create({{u"cmd"_s, QStringList{u"true"_s}}}, {}, &why);
        QVERIFY2(!planned.isEmpty(), qPrintable(why));
        auto startReply = m_containers->StartContainer(planned, {});
        startReply.waitForFinished();
        QVERIFY2(!startReply.isError(), qPrintable(startReply.error().message()));
        const QString operation = startReply.value().path();

        // Pigeonhole: at most 17 ids until two share their first hex digit.
        QStringList ids{running, planned};
        QString shared;
        auto findShared = [&ids] {
            for (qsizetype i = 0; i < ids.size(); ++i)
                for (qsizetype j = i + 1; j < ids.size(); ++j)
                    if (ids[i].front() == ids[j].front())
                        return QString(ids[i].front());
            return QString();
        };
        while ((shared = findShared()).isEmpty() && ids.size() <= 17) {
            const QString id = create({{u"cmd"_s, QStringList{u"true"_s}}}, {}, &why);
            QVERIFY2(!id.isEmpty(), qPrintable(why));
            ids << id;
        }
        QVERIFY(!shared.isEmpty());

        QJsonObject state{{u"runningId"_s, running},   {u"runningName"_s, runningName},
                          {u"plannedId"_s, planned},   {u"operation"_s, operation},
                          {u"sharedPrefix"_s, shared}, {u"ids"_s, QJsonArray::fromStringList(ids)}};
        writeShared(u"state.json"_s, QJsonDocument(state).toJson());

        QElapsedTimer waited;
        waited.start();
        while (!QFileInfo::exists(m_fx.share + u"/hold.done"_s) && waited.elapsed() < 240000)
            QTest::qWait(100);
        QVERIFY2(QFileInfo::exists(m_fx.share + u"/hold.done"_s), "the runner never said done");

        // B changed nothing: the operation was not begun or cancelled, the
        // running container runs, every container is still there.
        OrgKokerHelper1OperationInterface op(kService, operation, m_bus);
        auto snap = op.Snapshot({});
        snap.waitForFinished();
        QVERIFY2(!snap.isError(), qPrintable(snap.error().message()));
        QCOMPARE(snap.argumentAt<0>(), u"planned"_s);
        QVERIFY(inspect(running).value(u"State"_s).toObject().value(u"Running"_s).toBool());
        QStringList listed;
        for (const QVariantMap &c : listContainers(true))
            listed << c.value(u"id"_s).toString();
        for (const QString &id : std::as_const(ids))
            QVERIFY2(listed.contains(id), qPrintable(u"gone: "_s + id));
        // A's own Cancel works (and B's did not).
        auto cancel = op.Cancel({});
        cancel.waitForFinished();
        QVERIFY2(!cancel.isError(), qPrintable(cancel.error().message()));
        for (const QString &id : std::as_const(ids)) {
            OpOutcome rm = removeContainer(id, true);
            QVERIFY2(rm.success, qPrintable(rm.why()));
        }
    }

    // ------------------------------------------------------------------ phase b-none

    // Every method of the contract, with well-formed arguments, refused for a
    // caller polkit does not authorize; Operation methods on A's operation
    // refused because B is not its owner.
    void everyMethodRefused_data()
    {
        QTest::addColumn<QString>("iface");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("interactive");
        QString error;
        const QList<Method> methods = contractMethods(&error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        for (const Method &m : methods) {
            for (bool interactive : {false, true}) {
                const QString row =
                    m.iface.mid(18) + u'.' + m.name + (interactive ? u" interactive"_s : QString());
                QTest::newRow(qPrintable(row)) << m.iface << m.name << interactive;
            }
        }
    }

    void everyMethodRefused()
    {
        REQUIRE_PHASE("b-none");
        QFETCH(QString, iface);
        QFETCH(QString, method);
        QFETCH(bool, interactive);
        QString error;
        Method m;
        for (const Method &x : contractMethods(&error)) {
            if (x.iface == iface && x.name == method)
                m = x;
        }
        QVERIFY(!m.name.isEmpty());
        QTemporaryFile mine; // B's own regular file, so the fd check passes
        QVERIFY(mine.open());
        QString unknown;
        const QVariantList args = dummyArgs(m, mine.handle(), interactive, &unknown);
        QVERIFY2(unknown.isEmpty(),
                 qPrintable(u"no dummy argument for "_s + unknown + u": extend dummyArgs()"_s));
        const bool onOperation = iface == kOperation;
        const QString path = onOperation ? m_hold.value(u"operation"_s).toString() : kPath;
        QDBusMessage reply = call(iface, method, args, path);
        QVERIFY2(reply.type() == QDBusMessage::ErrorMessage, qPrintable(describe(reply)));
        if (onOperation) {
            QVERIFY2(reply.errorName() == NotAuthorized, qPrintable(describe(reply)));
        } else {
            QVERIFY2(reply.errorName() == NotAuthorized || reply.errorName() == CanObtain,
                     qPrintable(describe(reply)));
        }
    }

    // A's container, by id, name and id prefix: every verb refused.
    void othersContainersRefused_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("which");
        for (const char *which : {"id", "name", "prefix"}) {
            for (const char *method :
                 {"StartContainer", "StopContainer", "KillContainer", "RemoveContainer",
                  "InspectContainer", "ContainerLogs", "Attach", "Exec", "Stats", "ContainerSteps",
                  "UnderTheHood", "CleanupPreview"}) {
                QTest::newRow(
                    qPrintable(QString::fromLatin1(method) + u' ' + QString::fromLatin1(which)))
                    << QString::fromLatin1(method) << QString::fromLatin1(which);
            }
        }
    }

    QVariantList containerVerbArgs(const QString &method, const QString &target)
    {
        if (method == u"KillContainer"_s)
            return {target, u"KILL"_s, QVariantMap{}};
        if (method == u"Exec"_s)
            return {target, QVariantMap{{u"cmd"_s, QStringList{u"id"_s}}}, QVariantMap{}};
        if (method == u"RemoveContainer"_s)
            return {target, QVariantMap{{u"force"_s, true}}};
        return {target, QVariantMap{}};
    }

    QString holdTarget(const QString &which)
    {
        const QString id = m_hold.value(u"runningId"_s).toString();
        if (which == u"name"_s)
            return m_hold.value(u"runningName"_s).toString();
        if (which == u"prefix"_s)
            return id.left(12);
        return id;
    }

    void othersContainersRefused()
    {
        REQUIRE_PHASE("b-none");
        QFETCH(QString, method);
        QFETCH(QString, which);
        QDBusMessage reply =
            call(kContainers, method, containerVerbArgs(method, holdTarget(which)));
        QVERIFY2(reply.errorName() == NotAuthorized || reply.errorName() == CanObtain,
                 qPrintable(describe(reply)));
    }

    // The bus policy (helper/dbus/org.koker.Helper1.conf): others may send only to
    // Koker's interfaces (and introspection), and only root may own the name.
    void busPolicy_data()
    {
        QTest::addColumn<QString>("iface");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QVariantList>("args");
        QTest::addColumn<QStringList>("expected");
        const QString denied = u"org.freedesktop.DBus.Error.AccessDenied"_s;
        QTest::newRow("Properties.GetAll") << u"org.freedesktop.DBus.Properties"_s << u"GetAll"_s
                                           << QVariantList{kManager} << QStringList{denied};
        QTest::newRow("an interface of no one")
            << u"org.koker.Helper1.Evil"_s << u"GetInfo"_s << QVariantList{QVariantMap{}}
            << QStringList{denied};
        // No interface field: the bus may pass it (then polkit refuses) or deny it.
        QTest::newRow("no interface") << QString() << u"GetInfo"_s << QVariantList{QVariantMap{}}
                                      << QStringList{denied, NotAuthorized, CanObtain};
    }

    void busPolicy()
    {
        REQUIRE_PHASE("b-none");
        QFETCH(QString, iface);
        QFETCH(QString, method);
        QFETCH(QVariantList, args);
        QFETCH(QStringList, expected);
        QDBusMessage reply = call(iface, method, args);
        QVERIFY2(expected.contains(reply.errorName()), qPrintable(describe(reply)));
    }

    void cannotOwnTheName()
    {
        REQUIRE_PHASE("b-none");
        QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply =
            m_bus.interface()->registerService(kService, QDBusConnectionInterface::QueueService,
                                               QDBusConnectionInterface::DontAllowReplacement);
        QVERIFY(!reply.isValid());
        QCOMPARE(reply.error().name(), u"org.freedesktop.DBus.Error.AccessDenied"_s);
    }

    // ------------------------------------------------------------------ phase b-own

    // With containers-manage-own but not -others, A's containers do not exist for
    // B: the same NotFound (and the same words) as for an id nobody has.
    void othersContainersNotFound_data()
    {
        othersContainersRefused_data();
    }

    void othersContainersNotFound()
    {
        REQUIRE_PHASE("b-own");
        QFETCH(QString, method);
        QFETCH(QString, which);
        const QString target = holdTarget(which);
        QDBusMessage reply = call(kContainers, method, containerVerbArgs(method, target));
        QVERIFY2(reply.type() == QDBusMessage::ErrorMessage, qPrintable(describe(reply)));
        QVERIFY2(reply.errorName() == NotFound, qPrintable(describe(reply)));
        const QString nobodys = u"fedcba9876543210fedcba98"_s;
        QDBusMessage absent = call(kContainers, method, containerVerbArgs(method, nobodys));
        QCOMPARE(absent.errorName(), NotFound);
        QCOMPARE(QString(reply.errorMessage()).replace(target, u"X"_s),
                 QString(absent.errorMessage()).replace(nobodys, u"X"_s));
    }

    void othersContainersNotListed()
    {
        REQUIRE_PHASE("b-own");
        auto reply = m_containers->ListContainers({{u"all"_s, true}});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        for (const QVariantMap &c : reply.value())
            QVERIFY2(c.value(u"owner"_s).toUInt() == m_fx.uidB,
                     qPrintable(c.value(u"id"_s).toString()));
    }

    // Two of A's containers share an id prefix. For B they do not exist, so the
    // prefix must read as "no such container", not as "ambiguous" (which would
    // tell B that someone has containers starting with it).
    void ambiguousPrefixDoesNotLeak()
    {
        REQUIRE_PHASE("b-own");
        const QString prefix = m_hold.value(u"sharedPrefix"_s).toString();
        QVERIFY(!prefix.isEmpty());
        QDBusMessage reply = call(kContainers, u"InspectContainer"_s, {prefix, QVariantMap{}});
        QVERIFY2(reply.errorName() == NotFound, qPrintable(describe(reply)));
    }

    // B's own operations are B's; A's operation stays A's even for a B that may
    // manage its own containers.
    void othersOperationRefused()
    {
        REQUIRE_PHASE("b-own");
        const QString path = m_hold.value(u"operation"_s).toString();
        for (const char16_t *method : {u"Begin", u"Cancel", u"GetPlannedSteps", u"Snapshot"}) {
            QDBusMessage reply =
                call(kOperation, QString::fromUtf16(method), {QVariantMap{}}, path);
            QVERIFY2(reply.errorName() == NotAuthorized, qPrintable(describe(reply)));
        }
    }

    // ------------------------------------------------------------------ phase b-slow

    QStringList ownContainerNames()
    {
        QStringList names;
        for (const QVariantMap &c : listContainers(true))
            names << c.value(u"name"_s).toString();
        return names;
    }

    // The control: a caller that stays gets its container after polkit's two
    // seconds (so the disconnect cases below test something).
    void slowAuthorizationControl()
    {
        REQUIRE_PHASE("b-slow");
        const QString name = u"kt-slow-stays-"_s + randomSuffix();
        QElapsedTimer t;
        t.start();
        QString why;
        const QString id =
            create({{u"name"_s, name}, {u"cmd"_s, QStringList{u"true"_s}}}, {}, &why);
        QVERIFY2(!id.isEmpty(), qPrintable(why));
        QVERIFY2(t.elapsed() >= 1500, "polkit's slow rule is not in effect");
        QVERIFY(ownContainerNames().contains(name));
        OpOutcome rm = removeContainer(id, true);
        QVERIFY2(rm.success, qPrintable(rm.why()));
    }

    void disconnectMidAuthorization_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("connection closed") << u"close"_s;
        QTest::newRow("client killed") << u"kill"_s;
    }

    // CreateContainer, then the caller leaves while polkit still decides (it
    // says yes after two seconds): kokerd must not create the container for a
    // caller that is gone.
    void disconnectMidAuthorization()
    {
        REQUIRE_PHASE("b-slow");
        QFETCH(QString, how);
        const QString name = u"kt-slow-gone-"_s + randomSuffix();
        const QVariantMap spec{{u"image"_s, u"starter"_s},
                               {u"name"_s, name},
                               {u"network"_s, u"none"_s},
                               {u"cmd"_s, QStringList{u"true"_s}}};
        QString uniqueName;
        if (how == u"close"_s) {
            const QString connName = u"leaver-"_s + randomSuffix();
            {
                QDBusConnection leaver = QDBusConnection::connectToBus(m_fx.address, connName);
                QVERIFY(leaver.isConnected());
                uniqueName = leaver.baseService();
                QDBusMessage m = QDBusMessage::createMethodCall(kService, kPath, kContainers,
                                                                u"CreateContainer"_s);
                m.setArguments({spec, QVariant::fromValue(KokerVolumeList{}), QVariantMap{}});
                QVERIFY(leaver.send(m));
                QTest::qWait(700); // kokerd has asked polkit by now
            }
            QDBusConnection::disconnectFromBus(connName);
        } else {
            QProcess busctl;
            busctl.setProgram(u"busctl"_s);
            busctl.setArguments({u"--address="_s + m_fx.address,
                                 u"call"_s,
                                 kService,
                                 kPath,
                                 kContainers,
                                 u"CreateContainer"_s,
                                 u"a{sv}a(hsb)a{sv}"_s,
                                 u"4"_s,
                                 u"image"_s,
                                 u"s"_s,
                                 u"starter"_s,
                                 u"name"_s,
                                 u"s"_s,
                                 name,
                                 u"network"_s,
                                 u"s"_s,
                                 u"none"_s,
                                 u"cmd"_s,
                                 u"as"_s,
                                 u"1"_s,
                                 u"true"_s,
                                 u"0"_s,
                                 u"0"_s});
            busctl.start();
            QVERIFY(busctl.waitForStarted());
            QTest::qWait(700);
            QCOMPARE(busctl.state(), QProcess::Running); // still waiting for polkit
            busctl.kill();
            busctl.waitForFinished();
        }
        // Wait out polkit's two seconds and kokerd's work after it.
        QTest::qWait(3500);
        if (!uniqueName.isEmpty()) {
            auto owned = m_bus.interface()->isServiceRegistered(uniqueName);
            QVERIFY(!owned.value());
        }
        // (Remove what a wrong "yes" made before failing, so the run stays clean.)
        QString leaked;
        for (const QVariantMap &c : listContainers(true)) {
            if (c.value(u"name"_s).toString() == name) {
                leaked = c.value(u"id"_s).toString();
                removeContainer(leaked, true);
            }
        }
        QVERIFY2(leaked.isEmpty(),
                 qPrintable(u"kokerd created "_s + name + u" for a caller that had left"_s));
        auto info = m_manager->GetInfo({});
        info.waitForFinished();
        QVERIFY2(!info.isError(), qPrintable(info.error().message()));
    }

    // B may run containers here, but a privileged or host-network container needs
    // the host action as well, which B does not have.
    void hostActionNeeded_data()
    {
        QTest::addColumn<QVariantMap>("extra");
        QTest::newRow("privileged") << QVariantMap{{u"privileged"_s, true}};
        QTest::newRow("network host") << QVariantMap{{u"network"_s, u"host"_s}};
    }

    void hostActionNeeded()
    {
        REQUIRE_PHASE("b-slow");
        QFETCH(QVariantMap, extra);
        QVariantMap spec{{u"cmd"_s, QStringList{u"true"_s}}};
        spec.insert(extra);
        QString why;
        const QString id = create(spec, {}, &why);
        if (!id.isEmpty())
            removeContainer(id, true);
        QVERIFY2(id.isEmpty(), "created without the host action");
        QVERIFY2(why.startsWith(NotAuthorized + u':') || why.startsWith(CanObtain + u':'),
                 qPrintable(why));
    }

    // An action that needs an administrator, with no authentication agent on the
    // bus: never a yes, interactive or not.
    void challengeWithoutAgent()
    {
        REQUIRE_PHASE("b-slow");
        auto plain = m_images->ImportStarterImage({});
        plain.waitForFinished();
        QVERIFY(plain.isError());
        QCOMPARE(plain.error().name(), CanObtain);
        auto interactive = m_images->ImportStarterImage({{u"interactive"_s, true}});
        interactive.waitForFinished();
        QVERIFY(interactive.isError());
        QVERIFY2(interactive.error().name() == NotAuthorized ||
                     interactive.error().name() == CanObtain,
                 qPrintable(interactive.error().name()));
    }

    // ------------------------------------------------------------------ phase idle

    // On a kokerd with --idle-timeout 2: start a container and leave. The runner
    // then sees kokerd exit while the container keeps running.
    void idleExitSetup()
    {
        REQUIRE_PHASE("idle");
        QString why;
        const QString id = create({{u"name"_s, QString(u"kt-idle-"_s + randomSuffix())},
                                   {u"cmd"_s, QStringList{u"sleep"_s, u"300"_s}}},
                                  {}, &why);
        QVERIFY2(!id.isEmpty(), qPrintable(why));
        OpOutcome o = start(id);
        QVERIFY2(o.success, qPrintable(o.why()));
        writeShared(u"idle-id"_s, id.toUtf8());
    }

    // ------------------------------------------------------------------ phase final

    void helperSurvived()
    {
        REQUIRE_PHASE("final");
        auto reply = m_manager->GetInfo({});
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        QCOMPARE(reply.value().value(u"callerUid"_s).toUInt(), m_fx.uidA);
        QVERIFY2(pidAlive(m_fx.kokerdPid), "kokerd's pid changed: it died");
        // Every container of the earlier phases is gone.
        QCOMPARE(listContainers(true).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHelper)

#include "tst_helper.moc"
