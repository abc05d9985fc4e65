#include "ui/help/help_actions.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>

#include "ui/help/about_dialog.h"
#include "ui/help/user_guide.h"

namespace sds::ui {
namespace {

// Shows the open window named `name` or a new one from `make`.
template <typename Make>
void raiseOrOpen(QWidget* parent, const QString& name, Make make) {
  QDialog* dialog = parent->findChild<QDialog*>(name, Qt::FindDirectChildrenOnly);
  if (!dialog) {
    dialog = make();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
  }
  dialog->show();
  dialog->raise();
  dialog->activateWindow();
}

void openUserGuide(QWidget* parent) {
  const QString path = findUserGuide(QCoreApplication::applicationDirPath());
  if (path.isEmpty()) {
    auto* box = new QMessageBox(
        QMessageBox::Warning, QCoreApplication::translate("sds::ui::HelpActions", "User Guide"),
        QCoreApplication::translate("sds::ui::HelpActions",
                                    "The user guide was not found; an installed studio has it in "
                                    "share/sdstereo/guide/user-guide.md."),
        QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("userGuideMissing"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return;
  }
  raiseOrOpen(parent, QStringLiteral("userGuideDialog"), [&] { return new UserGuideDialog(path, parent); });
}

}  // namespace

void addHelpActions(QMenu* help, QWidget* parent) {
  QAction* guide = help->addAction(QCoreApplication::translate("sds::ui::HelpActions", "&User Guide"), parent,
                                   [parent] { openUserGuide(parent); });
  guide->setObjectName(QStringLiteral("actionUserGuide"));
  guide->setShortcut(QKeySequence::HelpContents);
  guide->setToolTip(QCoreApplication::translate("sds::ui::HelpActions",
                                                "Step by step from a photo to an exported stereo pair"));
  help->addSeparator();
  QAction* about = help->addAction(QCoreApplication::translate("sds::ui::HelpActions", "&About StereoDiffusion Studio"),
                                   parent, [parent] {
                                     raiseOrOpen(parent, QStringLiteral("aboutDialog"),
                                                 [&] { return new AboutDialog(parent); });
                                   });
  about->setObjectName(QStringLiteral("actionAbout"));
  about->setMenuRole(QAction::AboutRole);
}

}  // namespace sds::ui
