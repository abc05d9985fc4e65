// The pairs made in this session, in order, with which one is shown (none:
// the source is shown) and which were exported. Adding and removing go through
// the undo stack (history_commands.h); this class only holds the list.
#pragma once
#include <QList>
#include <QObject>
#include <QSet>

#include "ui/results/pair_result.h"

namespace sds::ui {

class ResultHistory : public QObject {
  Q_OBJECT
 public:
  explicit ResultHistory(QObject* parent = nullptr);

  int count() const { return int(results_.size()); }
  const SharedResult& at(int index) const { return results_.at(index); }
  int indexOf(const SharedResult& result) const { return int(results_.indexOf(result)); }
  const QList<SharedResult>& all() const { return results_; }

  void insert(int index, const SharedResult& result);  // and shows it
  void removeAt(int index);                            // the source is shown if it was shown

  const SharedResult& shown() const { return shown_; }  // null: the source
  void show(const SharedResult& result);                // null: the source

  void markExported(const SharedResult& result);
  bool isExported(const SharedResult& result) const { return exported_.contains(result.get()); }
  int unexportedCount() const;

 Q_SIGNALS:
  void inserted(int index);
  void removed(int index);
  void shownChanged(const sds::ui::SharedResult& result);

 private:
  QList<SharedResult> results_;
  SharedResult shown_;
  QSet<const PairResult*> exported_;
};

}  // namespace sds::ui
