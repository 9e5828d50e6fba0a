#pragma once

// Step records as JSON: the steps file of a container, inspect, D-Bus and the
// GUI's timeline all use this one form. Readers ignore keys they do not know.

#include "runtime/step.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace koker {

QJsonObject stepToJson(const StepRecord &record, const QString &action = {});
/// The same object as one line of compact JSON, ending in '\n' (the steps file's
/// format), written directly: a start appends some 50 records, and building a
/// QJsonObject for each cost more than the rest of the record keeping.
QByteArray stepToJsonLine(const StepRecord &record, const QString &action = {});
/// Missing or malformed fields get defaults; strings are truncated to fit.
StepRecord stepFromJson(const QJsonObject &object);

} // namespace koker
