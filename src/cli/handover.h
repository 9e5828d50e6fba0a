#pragma once

// Two binaries, one CLI. The light `koker` links the engine's core alone (QtCore,
// no QtNetwork, libarchive or QtDBus), so the everyday commands start in half the
// time. What needs the rest (pull, load, save, import, login, a run whose image
// must be pulled first, and every command of a normal user, which goes through
// kokerd on D-Bus) it hands to koker-full: the same sources linked with everything.
// The hand-over is an execv() with the same arguments, before any side effect, so
// the user sees one command.

#include "runtime/error.h"

#include <QtCore/QString>

namespace koker::cli {

/// Keep main()'s arguments for handOverToFullCli().
void rememberArguments(char **argv);

/// This program's absolute path (/proc/self/exe) and its directory. The light
/// program runs without a QCoreApplication (constructing one costs 0.6 ms: the
/// locale files, glib's main context), so it cannot ask Qt.
QString programPath();
QString programDir();

/// execv() koker-full (next to this program, in the build tree's layout, or in the
/// installed libexec directory) with the remembered arguments. Returns only when
/// that fails, with the error.
Error handOverToFullCli();

} // namespace koker::cli
