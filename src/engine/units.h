#pragma once

// Docker's ways of writing sizes and CPU amounts on the command line.

#include "runtime/error.h"

#include <QtCore/QString>

#include <string>

namespace koker {

/// "512", "512b", "10k", "10m", "1g", "1.5g" (also "10mb", "1gib"): binary units,
/// as Docker's RAMInBytes. Refuses negative, fractional bytes and overflow.
Result<qint64> parseMemorySize(const QString &text);
/// --memory-swap: a size, or -1 for unlimited.
Result<qint64> parseSwapSize(const QString &text);
/// --cpus "1.5" -> 1500000000 nano-CPUs (at most 3 decimals, as Docker).
Result<qint64> parseCpus(const QString &text);
/// A signal by number ("9") or name ("KILL", "SIGTERM"); -1 when unknown.
int parseSignal(const QString &text);
/// 15 -> "SIGTERM"; "signal 99" when it has no name.
std::string signalName(int signal);
/// "10 MiB" style, binary units, for messages and the GUI.
QString formatBytesBinary(qint64 bytes);

} // namespace koker
