// Asking the user something without a nested event loop: the question is shown
// (a window-modal QMessageBox opened with open()) and the answer arrives later
// as the index of the chosen button. Tests pass their own Asker so nothing pops
// up and they choose the answer.
#pragma once
#include <QString>
#include <QStringList>
#include <functional>

class QWidget;

namespace sds::ui {

struct Question {
  QString name;         // the box's objectName, e.g. "depthMismatchQuestion"
  QString title, text;
  QStringList buttons;  // the first is the default
  int escape = -1;      // the answer when the box is closed or Esc is pressed
};

using Answer = std::function<void(int button)>;
using Asker = std::function<void(const Question& question, Answer answer)>;

// The real one: a QMessageBox per question, deleted when answered.
Asker messageBoxAsker(QWidget* parent);

}  // namespace sds::ui
