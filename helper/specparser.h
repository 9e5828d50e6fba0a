#pragma once

// Everything kokerd accepts from the bus is checked here first: option keys,
// string lengths, names, and the typed container and exec specs. Pure functions,
// so they are table-tested and fuzzed (tests/fuzz).

#include "engine/containerservice.h"
#include "runtime/error.h"

#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

namespace koker::helper {

/// Longest string accepted in any field (a command argument, an env entry).
inline constexpr qsizetype kMaxString = 64 * 1024;
/// Longest name (image reference, container id or name, network name).
inline constexpr qsizetype kMaxName = 1024;
/// Bound on the sum of all strings of one spec.
inline constexpr qsizetype kMaxSpecBytes = 1024 * 1024;

/// Refuse options with keys outside `allowed` or values of the wrong type.
/// `allowed` maps key -> D-Bus signature ("b", "s", "as", "x", "q", "u").
Status checkOptions(const QVariantMap &options, const QMap<QString, QString> &allowed);

/// A name-like argument: non-empty, at most kMaxName, no control characters.
Status checkName(const QString &what, const QString &value);

/// CreateContainer's spec (see the XML contract) -> RunOptions (volumes separate).
Result<RunOptions> parseContainerSpec(const QVariantMap &spec);

/// Exec's spec -> ExecOptions.
Result<ExecOptions> parseExecSpec(const QVariantMap &spec);

} // namespace koker::helper
