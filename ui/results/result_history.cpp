#include "ui/results/result_history.h"

namespace sds::ui {

ResultHistory::ResultHistory(QObject* parent) : QObject(parent) { qRegisterMetaType<sds::ui::SharedResult>(); }

void ResultHistory::insert(int index, const SharedResult& result) {
  results_.insert(index, result);
  Q_EMIT inserted(index);
  show(result);
}

void ResultHistory::removeAt(int index) {
  const SharedResult gone = results_.takeAt(index);
  Q_EMIT removed(index);
  if (shown_ == gone) show(nullptr);
}

void ResultHistory::show(const SharedResult& result) {
  shown_ = result;
  Q_EMIT shownChanged(shown_);
}

void ResultHistory::markExported(const SharedResult& result) {
  if (result) exported_.insert(result.get());
}

int ResultHistory::unexportedCount() const {
  int n = 0;
  for (const SharedResult& r : results_) n += isExported(r) ? 0 : 1;
  return n;
}

}  // namespace sds::ui
