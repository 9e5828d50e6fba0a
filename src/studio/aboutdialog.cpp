#include "aboutdialog.h"

#include "ui_aboutdialog.h"

#include <QtCore/QtGlobal>
#include <QtGui/QIcon>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::AboutDialog)
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(QIcon(u":/icons/koker-studio.svg"_s).pixmap(72, 72));
    m_ui->versionLabel->setText(tr("Version %1").arg(QStringLiteral(KOKER_VERSION)));
    m_ui->creditsLabel->setText(
        tr("Built with Qt %1 (running on %2). The terminal is our own widget on libvterm; "
           "layers are read with libarchive; links and addresses go through libnl, NAT "
           "rules through libiptc.")
            .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

AboutDialog::~AboutDialog()
{
    delete m_ui;
}

} // namespace koker::studio
