// The history strip: one thumbnail per pair made in this session (mode, key
// parameters and time in its caption and tooltip), and the buttons that act
// on the selected one: show it, export it, remove it, or go back to the source.
#pragma once
#include <QWidget>

#include "ui/results/result_history.h"

class QListWidget;
class QPushButton;

namespace sds::ui {

class HistoryStrip : public QWidget {
  Q_OBJECT
 public:
  explicit HistoryStrip(ResultHistory& history, QWidget* parent = nullptr);

  QListWidget* list() const { return list_; }
  SharedResult selected() const;

 Q_SIGNALS:
  void showRequested(const sds::ui::SharedResult& result);  // null: the source
  void exportRequested(const sds::ui::SharedResult& result);
  void removeRequested(int index);

 private:
  void onInserted(int index);
  void onShownChanged(const sds::ui::SharedResult& result);
  void updateButtons();

  ResultHistory& history_;
  QListWidget* list_;
  QPushButton* source_;
  QPushButton* export_;
  QPushButton* remove_;
};

}  // namespace sds::ui
