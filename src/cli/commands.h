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

} // namespace koker::cli
