// koker login [-u USER] [-p PASS | --password-stdin] [REGISTRY]   (docker login)
// koker logout [REGISTRY]                                          (docker logout)
//
// The credentials file has Docker's config.json shape (docs/registries.md, section 7):
// /etc/koker/auth.json for root, ~/.config/koker/auth.json for a user, or --authfile
// / $REGISTRY_AUTH_FILE. login saves credentials only after the registry accepted them.

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/registriesconfig.h"
#include "engine/registryauth.h"
#include "engine/registryclient.h"

#include <QtCore/QEventLoop>
#include <QtCore/QFile>

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

namespace {

const QString kDefaultRegistry = u"docker.io"_s;

// One line from the terminal on stdin, without its newline; echo off for passwords.
std::optional<QString> prompt(QTextStream &out, const QString &label, bool secret)
{
    out << label;
    out.flush();
    termios saved{};
    const bool restore = secret && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (restore) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    bool eof = true;
    for (;;) {
        char c = 0;
        ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (c == '\n') {
            eof = false;
            break;
        }
        if (line.size() < 4096)
            line += c;
    }
    if (restore)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (eof && line.isEmpty())
        return std::nullopt;
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

int login(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addOption(u'u', u"username"_s, u"USER"_s, u"Username"_s);
    p.addOption(u'p', u"password"_s, u"PASS"_s,
                u"Password (visible to other users: prefer --password-stdin)"_s);
    p.addFlag({}, u"password-stdin"_s, u"Read the password from standard input"_s);
    p.addOption({}, u"authfile"_s, u"FILE"_s, u"Keep credentials in FILE"_s);
    if (!p.parse(args))
        return ctx.usageError(u"login"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker login [OPTIONS] [REGISTRY]\n\n"
                     "Check a username and password against a registry (default docker.io) and "
                     "save them for pulls.\n\n"
                  << p.helpText();
        return 0;
    }
    if (p.positional().size() > 1)
        return ctx.usageError(u"login"_s, u"takes at most 1 registry"_s);
    const QString registry = p.positional().value(0, kDefaultRegistry);
    if (RegistryAuth::normalizeRegistry(registry).isEmpty())
        return ctx.usageError(u"login"_s, u"\""_s + registry + u"\" is not a registry host"_s);
    if (p.isSet(u"password"_s) && p.isSet(u"password-stdin"_s))
        return ctx.usageError(u"login"_s,
                              u"--password and --password-stdin are mutually exclusive"_s);

    RegistryAuth::Credentials credentials;
    credentials.username = p.value(u"username"_s);
    const bool terminal = ::isatty(STDIN_FILENO);
    if (p.isSet(u"password-stdin"_s)) {
        if (credentials.username.isEmpty())
            return ctx.usageError(u"login"_s, u"--password-stdin needs --username"_s);
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.failWith(Error{ErrorCode::System, 0, {}, "cannot read standard input"});
        QByteArray secret = in.read(4096);
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        credentials.password = QString::fromUtf8(secret);
    } else if (p.isSet(u"password"_s)) {
        ctx.err() << "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n";
        ctx.err().flush();
        credentials.password = p.value(u"password"_s);
    }
    if (credentials.username.isEmpty() ||
        (credentials.password.isEmpty() && !p.isSet(u"password-stdin"_s))) {
        if (!terminal)
            return ctx.failWith(Error{ErrorCode::InvalidArgument,
                                      0,
                                      {},
                                      "cannot perform an interactive login from a non-TTY "
                                      "device; give --username and --password-stdin"});
        if (credentials.username.isEmpty()) {
            auto user = prompt(ctx.out(), u"Username: "_s, false);
            if (!user || user->isEmpty())
                return ctx.failWith(
                    Error{ErrorCode::InvalidArgument, 0, {}, "a username is needed"});
            credentials.username = *user;
        }
        if (credentials.password.isEmpty()) {
            auto password = prompt(ctx.out(), u"Password: "_s, true);
            if (!password)
                return ctx.failWith(
                    Error{ErrorCode::InvalidArgument, 0, {}, "a password is needed"});
            credentials.password = *password;
        }
    }
    if (credentials.password.isEmpty())
        return ctx.failWith(Error{ErrorCode::InvalidArgument, 0, {}, "a password is needed"});

    auto config = RegistriesConfig::load();
    if (!config)
        return ctx.failWith(config.error());
    RegistryClient client;
    client.setRegistriesConfig(*config);
    const RegistryAuth store(registryAuthFile(p.value(u"authfile"_s)));
    std::optional<Status> outcome;
    QEventLoop loop;
    client.login(registry, credentials, store, &loop, [&](Status st) {
        outcome = st;
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    if (!outcome || !*outcome)
        return ctx.failWith(outcome ? outcome->error()
                                    : Error{ErrorCode::Internal, 0, {}, "login did not finish"});
    if (!ctx.quiet)
        ctx.out() << "Login Succeeded\n";
    return 0;
}

int logout(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addOption({}, u"authfile"_s, u"FILE"_s, u"Credentials file"_s);
    if (!p.parse(args))
        return ctx.usageError(u"logout"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker logout [REGISTRY]\n\nForget the saved credentials of a "
                     "registry (default docker.io).\n\n"
                  << p.helpText();
        return 0;
    }
    if (p.positional().size() > 1)
        return ctx.usageError(u"logout"_s, u"takes at most 1 registry"_s);
    const QString registry = p.positional().value(0, kDefaultRegistry);
    const QString key = RegistryAuth::normalizeRegistry(registry);
    if (key.isEmpty())
        return ctx.usageError(u"logout"_s, u"\""_s + registry + u"\" is not a registry host"_s);
    const RegistryAuth store(registryAuthFile(p.value(u"authfile"_s)));
    auto removed = store.remove(registry);
    if (!removed)
        return ctx.failWith(removed.error());
    if (!ctx.quiet)
        ctx.out() << (*removed ? u"Removing login credentials for "_s : u"Not logged in to "_s)
                  << key << '\n';
    return 0;
}

} // namespace koker::cli
