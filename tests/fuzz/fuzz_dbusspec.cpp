// Fuzz target: kokerd's bus-input checks (helper/specparser.h): checkOptions,
// parseContainerSpec and parseExecSpec, on a{sv} maps decoded from the input by
// fuzzspecmap.h (known and unknown keys; b/s/as/x/q/u/i values and wrong types;
// huge strings, huge lists, NULs, control characters, invalid UTF-8).
//
// Everything that gets past these functions is trusted by the root helper, so what they
// accept must really be bounded and clean (security brief, rule 7):
//  * only known keys with their own types (checkOptions; and parse* never accepts a map
//    that checkOptions refuses);
//  * every string within its cap, no NUL; names without control characters; the sum of
//    the strings within kMaxSpecBytes;
//  * env entries KEY=VALUE, absolute working directories, terminal sizes 1-1000;
//  * cgroup limits that the limit mapper (the next thing to see them) accepts, in both
//    cgroup modes.

#define KOKER_FUZZSPEC_DECODER
#include "fuzzcheck.h"
#include "fuzzspecmap.h"
#include "runtime/cgrouplimits.h"
#include "runtime/cgroupmode.h"
#include "specparser.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QtGlobal>

#include <cstddef>
#include <cstdint>
#include <string>

using namespace Qt::Literals::StringLiterals;
namespace helper = koker::helper;

namespace {

const QMap<QString, QString> &containerKeys()
{
    static const QMap<QString, QString> keys = {
        {u"image"_s, u"s"_s},       {u"name"_s, u"s"_s},        {u"hostname"_s, u"s"_s},
        {u"cmd"_s, u"as"_s},        {u"entrypoint"_s, u"as"_s}, {u"env"_s, u"as"_s},
        {u"workingDir"_s, u"s"_s},  {u"user"_s, u"s"_s},        {u"tty"_s, u"b"_s},
        {u"interactive"_s, u"b"_s}, {u"autoRemove"_s, u"b"_s},  {u"memory"_s, u"x"_s},
        {u"memorySwap"_s, u"x"_s},  {u"nanoCpus"_s, u"x"_s},    {u"pidsLimit"_s, u"x"_s},
        {u"network"_s, u"s"_s},     {u"ports"_s, u"as"_s},      {u"privileged"_s, u"b"_s},
        {u"capAdd"_s, u"as"_s},     {u"capDrop"_s, u"as"_s},
    };
    return keys;
}

const QMap<QString, QString> &execKeys()
{
    static const QMap<QString, QString> keys = {
        {u"cmd"_s, u"as"_s}, {u"env"_s, u"as"_s}, {u"workingDir"_s, u"s"_s},
        {u"user"_s, u"s"_s}, {u"tty"_s, u"b"_s},  {u"interactive"_s, u"b"_s},
        {u"rows"_s, u"q"_s}, {u"cols"_s, u"q"_s},
    };
    return keys;
}

bool hasControl(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

std::string show(const QString &s)
{
    QString shown = s.left(120);
    for (QChar &c : shown) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return '"' + shown.toStdString() + "\" (" + std::to_string(s.size()) + " chars)";
}

// Adds each string's length to `total`; checks the cap and NULs.
void checkStrings(const char *what, const QStringList &list, qsizetype cap, qsizetype &total)
{
    for (const QString &s : list) {
        KOKER_FUZZ_CHECK(s.size() <= cap, std::string(what) + " entry longer than its cap");
        KOKER_FUZZ_CHECK(!s.contains(QChar(0)), std::string(what) + " entry with a NUL");
        total += s.size();
    }
}

void checkEnv(const QStringList &env)
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_.-]{0,255}=.*\\z"_s,
                                       QRegularExpression::DotMatchesEverythingOption);
    for (const QString &e : env)
        KOKER_FUZZ_CHECK(re.match(e).hasMatch(), "env entry " + show(e));
}

void checkKeysKnown(const QVariantMap &spec, const QMap<QString, QString> &allowed)
{
    for (auto it = spec.cbegin(); it != spec.cend(); ++it)
        KOKER_FUZZ_CHECK(allowed.contains(it.key()), "unknown key accepted: " + show(it.key()));
    KOKER_FUZZ_CHECK(helper::checkOptions(spec, allowed).has_value(),
                     "a spec is accepted that checkOptions refuses");
}

void checkContainer(const QVariantMap &spec, const koker::RunOptions &o)
{
    checkKeysKnown(spec, containerKeys());
    KOKER_FUZZ_CHECK(!o.image.isEmpty() && o.image.size() <= helper::kMaxName &&
                         !hasControl(o.image),
                     "image " + show(o.image));
    static const QRegularExpression nameRe(u"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}\\z"_s);
    KOKER_FUZZ_CHECK(o.name.isEmpty() || nameRe.match(o.name).hasMatch(), "name " + show(o.name));
    static const QRegularExpression hostRe(u"^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?\\z"_s);
    KOKER_FUZZ_CHECK(o.hostname.isEmpty() || hostRe.match(o.hostname).hasMatch(),
                     "hostname " + show(o.hostname));
    static const QRegularExpression netRe(u"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}\\z"_s);
    KOKER_FUZZ_CHECK(netRe.match(o.network).hasMatch(), "network " + show(o.network));
    if (o.user) {
        KOKER_FUZZ_CHECK(o.user->size() <= 129 && !hasControl(*o.user), "user " + show(*o.user));
    }

    qsizetype total = 0;
    checkStrings("cmd", o.cmd, helper::kMaxString, total);
    KOKER_FUZZ_CHECK(o.cmd.size() <= 4096, "cmd count");
    if (o.entrypoint) {
        checkStrings("entrypoint", *o.entrypoint, helper::kMaxString, total);
        KOKER_FUZZ_CHECK(o.entrypoint->size() <= 256, "entrypoint count");
    }
    checkStrings("env", o.env, helper::kMaxString, total);
    KOKER_FUZZ_CHECK(o.env.size() <= 4096, "env count");
    checkEnv(o.env);
    if (o.workingDir) {
        checkStrings("workingDir", {*o.workingDir}, 4096, total);
        KOKER_FUZZ_CHECK(o.workingDir->startsWith(u'/'), "workingDir " + show(*o.workingDir));
    }
    KOKER_FUZZ_CHECK(total <= helper::kMaxSpecBytes, "the strings sum to more than 1 MiB");
    KOKER_FUZZ_CHECK(o.ports.size() <= 256 && o.capAdd.size() <= 64 && o.capDrop.size() <= 64,
                     "ports or capability list too long");
    for (const QStringList *caps : {&o.capAdd, &o.capDrop}) {
        for (const QString &c : *caps)
            KOKER_FUZZ_CHECK(c.size() <= 64 && !hasControl(c), "capability " + show(c));
    }

    // The limits go on to the cgroup mapper; it must accept them, in every mode.
    for (koker::CgroupMode mode :
         {koker::CgroupMode::Legacy, koker::CgroupMode::Hybrid, koker::CgroupMode::Unified}) {
        koker::CgroupLimitOptions options;
        options.hostCpus = 2;
        auto plan = koker::mapCgroupLimits(o.limits, mode, options);
        KOKER_FUZZ_CHECK(plan.has_value(), "accepted limits are refused by mapCgroupLimits: " +
                                               (plan ? std::string() : plan.error().message));
    }
}

void checkExec(const QVariantMap &spec, const koker::ExecOptions &o)
{
    checkKeysKnown(spec, execKeys());
    KOKER_FUZZ_CHECK(!o.args.isEmpty() && o.args.size() <= 4096, "exec args count");
    qsizetype total = 0;
    checkStrings("cmd", o.args, helper::kMaxString, total);
    checkStrings("env", o.env, helper::kMaxString, total);
    KOKER_FUZZ_CHECK(o.env.size() <= 4096, "env count");
    checkEnv(o.env);
    if (o.workingDir) {
        checkStrings("workingDir", {*o.workingDir}, 4096, total);
        KOKER_FUZZ_CHECK(o.workingDir->startsWith(u'/'), "workingDir " + show(*o.workingDir));
    }
    if (o.user)
        KOKER_FUZZ_CHECK(o.user->size() <= 129 && !hasControl(*o.user), "user " + show(*o.user));
    KOKER_FUZZ_CHECK(total <= helper::kMaxSpecBytes, "the strings sum to more than 1 MiB");
    KOKER_FUZZ_CHECK(o.rows >= 1 && o.rows <= 1000 && o.cols >= 1 && o.cols <= 1000,
                     "terminal size " + std::to_string(o.rows) + "x" + std::to_string(o.cols));
}

void quiet(QtMsgType, const QMessageLogContext &, const QString &) {}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // QtDBus warns about reading a write-only QDBusArgument; that is expected here.
    static const auto previous = qInstallMessageHandler(quiet);
    (void)previous;

    if (size > 256 * 1024)
        return 0;
    const QVariantMap spec = koker::fuzz::SpecDecoder(data, size).map();

    for (const auto *allowed : {&containerKeys(), &execKeys()}) {
        if (helper::checkOptions(spec, *allowed)) {
            for (auto it = spec.cbegin(); it != spec.cend(); ++it)
                KOKER_FUZZ_CHECK(allowed->contains(it.key()),
                                 "checkOptions accepted key " + show(it.key()));
        }
    }
    for (auto it = spec.cbegin(); it != spec.cend(); ++it) {
        if (it.value().metaType().id() == QMetaType::QString) {
            const QString s = it.value().toString();
            if (helper::checkName(it.key(), s))
                KOKER_FUZZ_CHECK(!s.isEmpty() && s.size() <= helper::kMaxName && !hasControl(s),
                                 "checkName accepted " + show(s));
        }
    }

    if (auto run = helper::parseContainerSpec(spec))
        checkContainer(spec, *run);
    else
        KOKER_FUZZ_CHECK(!run.error().message.empty(), "an error without a message");

    if (auto exec = helper::parseExecSpec(spec))
        checkExec(spec, *exec);
    else
        KOKER_FUZZ_CHECK(!exec.error().message.empty(), "an error without a message");
    return 0;
}
