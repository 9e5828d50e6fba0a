#include "stepexportfile.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

QList<StepExportFormat> StepExportFile::formats()
{
    return {StepExportFormat::Script, StepExportFormat::Trace, StepExportFormat::Markdown};
}

QString StepExportFile::formatName(StepExportFormat format)
{
    switch (format) {
    case StepExportFormat::Script:
        return tr("Shell script (replays the container by hand)");
    case StepExportFormat::Trace:
        return tr("Chrome trace (open in Perfetto)");
    case StepExportFormat::Markdown:
        return tr("Markdown lab report");
    }
    return {};
}

QString StepExportFile::fileFilter(StepExportFormat format)
{
    switch (format) {
    case StepExportFormat::Script:
        return tr("Shell scripts (*.sh)");
    case StepExportFormat::Trace:
        return tr("Trace files (*.json)");
    case StepExportFormat::Markdown:
        return tr("Markdown files (*.md)");
    }
    return {};
}

QString StepExportFile::suggestedFileName(const QString &container, StepExportFormat format)
{
    QString base = container;
    // A container name is [a-zA-Z0-9_.-]; anything else (an id prefix is fine) goes.
    base.replace(QRegularExpression(u"[^A-Za-z0-9_.-]"_s), u"_"_s);
    if (base.isEmpty())
        base = u"container"_s;
    switch (format) {
    case StepExportFormat::Script:
        return base + u"-steps.sh"_s;
    case StepExportFormat::Trace:
        return base + u"-trace.json"_s;
    case StepExportFormat::Markdown:
        return base + u"-steps.md"_s;
    }
    return base;
}

Status StepExportFile::write(const QJsonObject &inspect, StepExportFormat format,
                             const QString &path)
{
    Result<QByteArray> data = StepExport(inspect).render(format);
    if (!data)
        return std::unexpected(data.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::System, file.errorString().toStdString());
    file.write(*data);
    if (!file.commit())
        return fail(ErrorCode::System, file.errorString().toStdString());
    if (format == StepExportFormat::Script)
        QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner);
    return {};
}

} // namespace koker::studio
