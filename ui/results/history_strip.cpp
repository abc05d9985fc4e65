#include "ui/results/history_strip.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace sds::ui {

HistoryStrip::HistoryStrip(ResultHistory& history, QWidget* parent)
    : QWidget(parent),
      history_(history),
      list_(new QListWidget),
      source_(new QPushButton(tr("Show the Source"))),
      export_(new QPushButton(tr("Export…"))),
      remove_(new QPushButton(tr("Remove"))) {
  setObjectName(QStringLiteral("historyStrip"));
  list_->setObjectName(QStringLiteral("historyList"));
  list_->setViewMode(QListView::IconMode);
  list_->setFlow(QListView::LeftToRight);
  list_->setWrapping(false);
  list_->setMovement(QListView::Static);
  // As low as a row of thumbnails with their captions and the scroll bar
  // allows: at 1280 x 800 the side panel's comfort verdict must fit above it.
  constexpr int kIcon = 64, kSpacing = 4;
  list_->setIconSize(QSize(kIcon, kIcon));
  list_->setSpacing(kSpacing);
  list_->setMinimumHeight(kIcon + list_->fontMetrics().lineSpacing() + 4 * kSpacing + 2 * list_->frameWidth() +
                          list_->horizontalScrollBar()->sizeHint().height());
  source_->setObjectName(QStringLiteral("historySourceButton"));
  source_->setToolTip(tr("Show the photo and its depth map again (the live render)"));
  export_->setObjectName(QStringLiteral("historyExportButton"));
  export_->setToolTip(tr("Export the selected pair to a file"));
  list_->setToolTip(tr("The pairs made in this session; click one to show it"));
  remove_->setObjectName(QStringLiteral("historyRemoveButton"));
  remove_->setToolTip(tr("Remove the selected pair from the history (Edit > Undo brings it back)"));

  auto* buttons = new QVBoxLayout;
  buttons->addWidget(source_);
  buttons->addWidget(export_);
  buttons->addWidget(remove_);
  buttons->addStretch(1);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(list_, 1);
  layout->addLayout(buttons);

  connect(&history_, &ResultHistory::inserted, this, &HistoryStrip::onInserted);
  connect(&history_, &ResultHistory::removed, this, [this](int index) {
    delete list_->takeItem(index);
    updateButtons();
  });
  connect(&history_, &ResultHistory::shownChanged, this, &HistoryStrip::onShownChanged);
  connect(list_, &QListWidget::itemActivated, this, [this] { Q_EMIT showRequested(selected()); });
  connect(list_, &QListWidget::itemClicked, this, [this] { Q_EMIT showRequested(selected()); });
  connect(list_, &QListWidget::currentRowChanged, this, &HistoryStrip::updateButtons);
  connect(source_, &QPushButton::clicked, this, [this] { Q_EMIT showRequested(nullptr); });
  connect(export_, &QPushButton::clicked, this, [this] {
    if (selected()) Q_EMIT exportRequested(selected());
  });
  connect(remove_, &QPushButton::clicked, this, [this] {
    if (list_->currentRow() >= 0) Q_EMIT removeRequested(list_->currentRow());
  });
  updateButtons();
}

SharedResult HistoryStrip::selected() const {
  const int row = list_->currentRow();
  return row >= 0 && row < history_.count() ? history_.at(row) : nullptr;
}

void HistoryStrip::onInserted(int index) {
  const SharedResult& r = history_.at(index);
  auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(r->thumbnail)),
                                   tr("%1 · %2").arg(r->mode == media::GenerationMode::Prompt ? tr("Prompt") : tr("Photo"),
                                                     r->made.toString(QStringLiteral("HH:mm:ss"))));
  item->setToolTip(tr("%1\nMade at %2, %3 × %4")
                       .arg(r->summary, r->made.toString(QStringLiteral("HH:mm:ss")))
                       .arg(r->left.cols)
                       .arg(r->left.rows));
  list_->insertItem(index, item);
  updateButtons();
}

void HistoryStrip::onShownChanged(const SharedResult& result) {
  const int row = result ? history_.indexOf(result) : -1;
  list_->setCurrentRow(row);
  if (row < 0) list_->clearSelection();
  source_->setEnabled(result != nullptr);
  updateButtons();
}

void HistoryStrip::updateButtons() {
  const bool any = selected() != nullptr;
  export_->setEnabled(any);
  remove_->setEnabled(any);
  source_->setEnabled(history_.shown() != nullptr);
}

}  // namespace sds::ui
