#include "ui/common/language_menu.h"

#include <QAction>
#include <QActionGroup>
#include <QSettings>

#include "ui/common/language.h"

namespace sds::ui {

LanguageMenu::LanguageMenu(QSettings& settings, QWidget* parent)
    : QMenu(tr("&Language"), parent), settings_(settings), group_(new QActionGroup(this)) {
  setObjectName(QStringLiteral("languageMenu"));
  setToolTipsVisible(true);
  const QString current = Languages::stored(settings_);
  for (const LanguageChoice& choice : Languages::available()) {
    QAction* action = addAction(choice.name);
    action->setObjectName(QStringLiteral("actionLanguage_") +
                          (choice.code.isEmpty() ? QStringLiteral("system") : choice.code));
    action->setData(choice.code);
    action->setCheckable(true);
    action->setChecked(choice.code == current);
    if (choice.code.isEmpty())
      action->setToolTip(tr("Follow the system's language (%1)").arg(QLocale::system().nativeLanguageName()));
    group_->addAction(action);
  }
  connect(group_, &QActionGroup::triggered, this, [this](QAction* action) {
    const QString code = action->data().toString();
    if (code == Languages::stored(settings_)) return;
    Languages::store(settings_, code);
    Q_EMIT chosen(code, tr("The language changes when the studio is started again."));
  });
}

}  // namespace sds::ui
