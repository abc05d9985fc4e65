// View > Language: System, English and every shipped translation, one checked.
// Choosing one stores it (Languages::store); the translators are installed at
// start, so the menu says that the change applies on the next start.
#pragma once
#include <QMenu>

class QActionGroup;
class QSettings;

namespace sds::ui {

class LanguageMenu : public QMenu {
  Q_OBJECT
 public:
  LanguageMenu(QSettings& settings, QWidget* parent = nullptr);

 Q_SIGNALS:
  // After a choice that differs from the running one; `note` is for the user.
  void chosen(const QString& code, const QString& note);

 private:
  QSettings& settings_;
  QActionGroup* group_;
};

}  // namespace sds::ui
