#include "imageinspectdialog.h"

#include "client/helperclient.h"
#include "helperconnection.h"
#include "ui_imageinspectdialog.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLocale>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QHeaderView>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString words(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &w : v.toArray())
        out << w.toString();
    return out.isEmpty() ? QString() : u"[\""_s + out.join(u"\", \""_s) + u"\"]"_s;
}

QTableWidgetItem *item(const QString &text, const QString &tip = {})
{
    auto *i = new QTableWidgetItem(text);
    if (!tip.isEmpty())
        i->setToolTip(tip);
    return i;
}

} // namespace

ImageInspectDialog::ImageInspectDialog(HelperConnection *connection, const QString &reference,
                                       QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::ImageInspectDialog)
    , m_connection(connection)
    , m_reference(reference)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Inspect %1").arg(reference));
    m_ui->titleLabel->setText(reference);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->jsonText->setFont(mono);
    m_ui->historyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->layersTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->envTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->envTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->layersTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->historyTable->horizontalHeader()->setStretchLastSection(true);

    if (!m_connection)
        return;
    m_connection->client()->inspectImage(reference, [this](Result<QString> json) {
        if (!json) {
            m_ui->statusLabel->setText(
                m_connection->handleError(json.error(), tr("inspect the image")));
            return;
        }
        m_ui->statusLabel->hide();
        showInspect(QJsonDocument::fromJson(json->toUtf8()).object());
    });
    m_connection->client()->imageHistory(reference, [this](Result<QVariantMapList> history) {
        if (history)
            showHistory(*history);
    });
}

ImageInspectDialog::~ImageInspectDialog()
{
    delete m_ui;
}

void ImageInspectDialog::showInspect(const QJsonObject &image)
{
    m_ui->jsonText->setPlainText(
        QString::fromUtf8(QJsonDocument(image).toJson(QJsonDocument::Indented)));
    m_ui->idValue->setText(image.value(u"Id"_s).toString());
    QStringList names;
    for (const QJsonValue &n : image.value(u"RepoTags"_s).toArray())
        names << n.toString();
    m_ui->namesValue->setText(names.isEmpty() ? tr("(none)") : names.join(u", "_s));
    const QDateTime created =
        QDateTime::fromString(image.value(u"Created"_s).toString(), Qt::ISODateWithMs);
    m_ui->createdValue->setText(created.isValid()
                                    ? QLocale().toString(created.toLocalTime(), QLocale::LongFormat)
                                    : tr("unknown"));
    m_ui->platformValue->setText(image.value(u"Os"_s).toString() + u'/' +
                                 image.value(u"Architecture"_s).toString());
    m_ui->sizeValue->setText(sizeText(image.value(u"Size"_s).toInteger()));

    const QJsonObject config = image.value(u"Config"_s).toObject().value(u"config"_s).toObject();
    const QString none = tr("(none)");
    const QString entrypoint = words(config.value(u"Entrypoint"_s));
    const QString cmd = words(config.value(u"Cmd"_s));
    m_ui->entrypointValue->setText(entrypoint.isEmpty() ? none : entrypoint);
    m_ui->cmdValue->setText(cmd.isEmpty() ? none : cmd);
    const QString workdir = config.value(u"WorkingDir"_s).toString();
    m_ui->workdirValue->setText(workdir.isEmpty() ? tr("/ (the root)") : workdir);
    const QString user = config.value(u"User"_s).toString();
    m_ui->userValue->setText(user.isEmpty() ? tr("root (uid 0)") : user);
    const QStringList ports = config.value(u"ExposedPorts"_s).toObject().keys();
    m_ui->portsValue->setText(ports.isEmpty() ? none : ports.join(u", "_s));
    QStringList labels;
    const QJsonObject labelObject = config.value(u"Labels"_s).toObject();
    for (auto it = labelObject.begin(); it != labelObject.end(); ++it)
        labels << it.key() + u'=' + it.value().toString();
    m_ui->labelsValue->setText(labels.isEmpty() ? none : labels.join(u'\n'));

    const QJsonArray env = config.value(u"Env"_s).toArray();
    m_ui->envTable->setRowCount(static_cast<int>(env.size()));
    for (int row = 0; row < env.size(); ++row) {
        const QString kv = env.at(row).toString();
        const qsizetype eq = kv.indexOf(u'=');
        m_ui->envTable->setItem(row, 0, item(eq < 0 ? kv : kv.left(eq)));
        m_ui->envTable->setItem(row, 1, item(eq < 0 ? QString() : kv.mid(eq + 1)));
    }

    const QJsonArray layers = image.value(u"Layers"_s).toArray();
    m_ui->layersTable->setRowCount(static_cast<int>(layers.size()));
    for (int row = 0; row < layers.size(); ++row) {
        const QJsonObject l = layers.at(row).toObject();
        m_ui->layersTable->setItem(row, 0, item(QString::number(row + 1)));
        m_ui->layersTable->setItem(
            row, 1,
            item(l.contains(u"Size"_s) ? sizeText(l.value(u"Size"_s).toInteger()) : tr("?")));
        m_ui->layersTable->setItem(row, 2, item(l.value(u"DiffID"_s).toString()));
    }
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->layersTab),
                           tr("Layers (%1)").arg(layers.size()));
}

void ImageInspectDialog::showHistory(const QVariantMapList &history)
{
    m_ui->historyTable->setRowCount(static_cast<int>(history.size()));
    for (int row = 0; row < history.size(); ++row) {
        const QVariantMap &h = history.at(row);
        const QDateTime created =
            QDateTime::fromString(h.value(u"created"_s).toString(), Qt::ISODateWithMs);
        m_ui->historyTable->setItem(
            row, 0,
            item(created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::ShortFormat)
                                   : QString()));
        const bool empty = h.value(u"emptyLayer"_s).toBool();
        m_ui->historyTable->setItem(
            row, 1,
            item(empty ? tr("no layer") : sizeText(h.value(u"size"_s).toLongLong()),
                 empty ? tr("This step changed only the configuration, not the files")
                       : QString()));
        QString by = h.value(u"createdBy"_s).toString().simplified();
        const QString comment = h.value(u"comment"_s).toString();
        m_ui->historyTable->setItem(row, 2, item(by, comment.isEmpty() ? by : comment));
    }
}

} // namespace koker::studio
