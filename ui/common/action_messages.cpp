#include "ui/common/action_messages.h"

#include <QLabel>

namespace sds::ui {

ActionMessages::ActionMessages(QLabel* label, QObject* parent) : QObject(parent), label_(label) {}

void ActionMessages::post(Action action, const QString& text) {
  order_.removeAll(action);
  if (text.isEmpty()) {
    messages_.remove(action);
  } else {
    messages_[action] = text;
    order_.append(action);
  }
  refresh();
}

void ActionMessages::clear(Action action) { post(action, QString()); }

QString ActionMessages::shown() const { return order_.isEmpty() ? QString() : messages_.value(order_.last()); }

void ActionMessages::refresh() { label_->setText(shown()); }

}  // namespace sds::ui
