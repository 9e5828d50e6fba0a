#pragma once

// "Export steps…" in the studio: a container's recorded steps as a shell script, a
// Chrome trace (Perfetto) or a Markdown lab report, rendered by the engine's
// StepExport from the InspectContainer document the studio reads anyway, and
// written by the studio itself, as the student, where the student chose.

#include "engine/stepexport.h"
#include "runtime/error.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>

namespace koker::studio {

class StepExportFile
{
    Q_DECLARE_TR_FUNCTIONS(koker::studio::StepExportFile)

public:
    /// The formats in menu order.
    static QList<StepExportFormat> formats();
    /// "Shell script", "Chrome trace (Perfetto)", "Markdown report", translated.
    static QString formatName(StepExportFormat format);
    /// The file dialog's filter ("Shell scripts (*.sh)").
    static QString fileFilter(StepExportFormat format);
    /// "web-steps.sh", "web-trace.json", "web-steps.md".
    static QString suggestedFileName(const QString &container, StepExportFormat format);
    /// Render and write `inspect`'s steps to `path` atomically; a script is made
    /// executable for its owner.
    static Status write(const QJsonObject &inspect, StepExportFormat format, const QString &path);
};

} // namespace koker::studio
