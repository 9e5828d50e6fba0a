#include "settingsdialog.h"

#include "helperconnection.h"
#include "ui_settingsdialog.h"

#include <QtCore/QFile>
#include <QtCore/QLocale>
#include <QtCore/QSettings>
#include <QtGui/QFontDatabase>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// The administrator's registry settings (src/engine/registriesconfig.h); the engine
// bounds it to 256 KiB, and so do we.
constexpr auto kRegistriesFile = "/etc/koker/registries.conf";
constexpr qint64 kMaxRegistriesBytes = 256 * 1024;

QString userName(uint uid)
{
    struct passwd pw = {};
    struct passwd *found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid, &pw, buffer, sizeof buffer, &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return {};
}

} // namespace

SettingsDialog::SettingsDialog(HelperConnection *connection, QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::SettingsDialog)
    , m_connection(connection)
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/settings.svg"_s));
    m_ui->registriesText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_ui->interactiveCheck->setChecked(m_connection->isInteractive());
    connect(m_ui->interactiveCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_connection->setInteractive(on);
        QSettings().setValue(u"helper/interactive"_s, on);
    });
    connect(m_ui->checkButton, &QPushButton::clicked, m_connection,
            &HelperConnection::connectToHelper);
    connect(m_connection, &HelperConnection::stateChanged, this, &SettingsDialog::updateHelper);

    const QString current = QSettings().value(u"ui/language"_s).toString();
    for (const auto &[code, name] : languages()) {
        m_ui->languageCombo->addItem(name, code);
        if (code == current)
            m_ui->languageCombo->setCurrentIndex(m_ui->languageCombo->count() - 1);
    }
    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(u"ui/language"_s, m_ui->languageCombo->currentData().toString());
    });

    setRegistriesFile(QString::fromLatin1(kRegistriesFile));
    updateHelper();
}

SettingsDialog::~SettingsDialog()
{
    delete m_ui;
}

QList<std::pair<QString, QString>> SettingsDialog::languages()
{
    // Each language in its own words, so anyone can find theirs.
    return {{QString(), tr("The system's language")},
            {u"en"_s, u"English"_s},
            {u"de"_s, u"Deutsch"_s},
            {u"vi"_s, u"Tiếng Việt"_s}};
}

void SettingsDialog::setRegistriesFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_ui->registriesFileLabel->setText(
            tr("%1 does not exist: no registry is marked insecure.").arg(path));
        m_ui->registriesText->hide();
        return;
    }
    m_ui->registriesFileLabel->setText(tr("The administrator's settings in %1:").arg(path));
    m_ui->registriesText->setPlainText(QString::fromUtf8(file.read(kMaxRegistriesBytes)));
    m_ui->registriesText->show();
}

void SettingsDialog::updateHelper()
{
    m_ui->statusValue->setText(m_connection->stateMessage());
    const QVariantMap info = m_connection->info();
    const bool known = m_connection->isConnected();
    const QString unknown = tr("unknown");
    m_ui->versionValue->setText(known ? info.value(u"version"_s).toString() : unknown);
    m_ui->storeValue->setText(known ? info.value(u"storeRoot"_s).toString() : unknown);
    if (known) {
        const uint uid = info.value(u"callerUid"_s).toUInt();
        const QString name = userName(uid);
        m_ui->uidValue->setText(name.isEmpty() ? tr("user id %1").arg(uid)
                                               : tr("%1 (user id %2)").arg(name).arg(uid));
    } else {
        m_ui->uidValue->setText(unknown);
    }

    const HostInfo host = m_connection->hostInfo();
    if (!host.known) {
        for (QLabel *l : {m_ui->cgroupValue, m_ui->cpusValue, m_ui->memoryValue, m_ui->swapValue})
            l->setText(unknown);
        m_ui->cgroupExplanation->clear();
        return;
    }
    m_ui->cgroupValue->setText(HelperConnection::cgroupModeText(host.cgroupMode));
    m_ui->cpusValue->setText(QLocale().toString(host.hostCpus));
    m_ui->memoryValue->setText(
        QLocale().formattedDataSize(host.hostMemory, 1, QLocale::DataSizeIecFormat));
    m_ui->swapValue->setText(host.swapAccounting
                                 ? tr("on: a swap limit is written")
                                 : tr("off: swap limits are not enforced on this computer"));
    switch (host.cgroupMode) {
    case CgroupMode::Unified:
        m_ui->cgroupExplanation->setText(
            tr("This computer uses cgroup v2: one tree under /sys/fs/cgroup. A memory limit "
               "is written to memory.max, a CPU limit to cpu.max, a process limit to pids.max, "
               "all in the container's own directory."));
        break;
    case CgroupMode::Hybrid:
        m_ui->cgroupExplanation->setText(
            tr("This computer uses cgroup v1 for the limits, with a v2 tree beside them that "
               "only tracks processes. A memory limit is written to "
               "memory/…/memory.limit_in_bytes, a CPU limit to cpu/…/cpu.cfs_quota_us, a "
               "process limit to pids/…/pids.max: one directory per controller."));
        break;
    case CgroupMode::Legacy:
        m_ui->cgroupExplanation->setText(
            tr("This computer uses cgroup v1 only: one tree per controller. A memory limit "
               "is written to memory/…/memory.limit_in_bytes, a CPU limit to "
               "cpu/…/cpu.cfs_quota_us, a process limit to pids/…/pids.max."));
        break;
    }
}

} // namespace koker::studio
