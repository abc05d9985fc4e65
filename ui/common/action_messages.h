// The status line's messages, each owned by the action it is about (opening,
// rendering, estimating depth, generating, exporting). A new run of an action
// clears its old message, so nothing stale stays: an old export error goes
// when the next export starts, an estimate's note when another photo opens.
// The newest message is the one shown.
#pragma once
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QLabel;

namespace sds::ui {

class ActionMessages : public QObject {
  Q_OBJECT
 public:
  enum Action { Open, Render, Estimate, Generate, Export };

  explicit ActionMessages(QLabel* label, QObject* parent = nullptr);

  void post(Action action, const QString& text);
  void clear(Action action);
  QString text(Action action) const { return messages_.value(action); }
  QString shown() const;

 private:
  void refresh();

  QLabel* label_;
  QMap<Action, QString> messages_;
  QList<Action> order_;  // oldest first
};

}  // namespace sds::ui
