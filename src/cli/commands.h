#pragma once

// The subcommands. Each lives in its own file and gets the arguments after its
// name; it returns the process exit code.

#include <QtCore/QStringList>

namespace koker::cli {

class CliContext;

int imageImport(CliContext &ctx, const QStringList &args);
int imageList(CliContext &ctx, const QStringList &args);
int imageRemove(CliContext &ctx, const QStringList &args);
int imageInspect(CliContext &ctx, const QStringList &args);
int imageTag(CliContext &ctx, const QStringList &args);
int imagePrune(CliContext &ctx, const QStringList &args);
int imagePull(CliContext &ctx, const QStringList &args);
int imageLoad(CliContext &ctx, const QStringList &args);
int imageSave(CliContext &ctx, const QStringList &args);
int imageHistory(CliContext &ctx, const QStringList &args);
int login(CliContext &ctx, const QStringList &args);
int logout(CliContext &ctx, const QStringList &args);
/// The pull `run` and `create` do for a missing image (imagepull.cpp): 0, or 125
/// after printing the error.
int pullForRun(CliContext &ctx, const QString &image);
/// The registry credentials file: `flag` (--authfile), else $REGISTRY_AUTH_FILE
/// (podman's name), else RegistryAuth::defaultPath().
QString registryAuthFile(const QString &flag);

int containerRun(CliContext &ctx, const QStringList &args);
int containerCreate(CliContext &ctx, const QStringList &args);
int containerStart(CliContext &ctx, const QStringList &args);
int containerList(CliContext &ctx, const QStringList &args);
int containerExec(CliContext &ctx, const QStringList &args);
int containerLogs(CliContext &ctx, const QStringList &args);
int containerStop(CliContext &ctx, const QStringList &args);
int containerKill(CliContext &ctx, const QStringList &args);
int containerRemove(CliContext &ctx, const QStringList &args);
int containerInspect(CliContext &ctx, const QStringList &args);
int containerCleanup(CliContext &ctx, const QStringList &args);
int inspectAnything(CliContext &ctx, const QStringList &args);
int containerPort(CliContext &ctx, const QStringList &args);

int networkList(CliContext &ctx, const QStringList &args);
int networkInspect(CliContext &ctx, const QStringList &args);
int networkCreate(CliContext &ctx, const QStringList &args);
int networkRemove(CliContext &ctx, const QStringList &args);

} // namespace koker::cli
