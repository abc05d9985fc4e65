#include "ui/common/question.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace sds::ui {

Asker messageBoxAsker(QWidget* parent) {
  QPointer<QWidget> owner(parent);
  return [owner](const Question& q, Answer answer) {
    auto* box = new QMessageBox(QMessageBox::Question, q.title, q.text, QMessageBox::NoButton, owner);
    box->setObjectName(q.name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QList<QAbstractButton*> buttons;
    for (const QString& text : q.buttons) buttons << box->addButton(text, QMessageBox::AcceptRole);
    if (!buttons.isEmpty()) box->setDefaultButton(qobject_cast<QPushButton*>(buttons.first()));
    if (q.escape >= 0 && q.escape < buttons.size()) box->setEscapeButton(buttons.at(q.escape));
    QObject::connect(box, &QMessageBox::finished, box, [box, buttons, escape = q.escape, answer] {
      const int index = int(buttons.indexOf(box->clickedButton()));
      answer(index >= 0 ? index : escape);
    });
    box->open();
  };
}

}  // namespace sds::ui
