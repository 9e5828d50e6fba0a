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
