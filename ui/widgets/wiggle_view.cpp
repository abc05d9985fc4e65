#include "ui/widgets/wiggle_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/widgets/image_view.h"

namespace sds::ui {

WiggleView::WiggleView(QWidget* parent) : QWidget(parent), view_(new ImageView), interval_(new QSpinBox) {
  view_->setObjectName(QStringLiteral("wiggleImage"));
  interval_->setObjectName(QStringLiteral("wiggleIntervalSpin"));
  interval_->setRange(40, 1000);
  interval_->setSingleStep(10);
  interval_->setSuffix(tr(" ms"));
  interval_->setValue(kDefaultIntervalMs);
  interval_->setToolTip(tr("How long each eye's view stays on screen. 100 to 200 ms shows depth best; "
                           "slower makes it easier to compare the two views."));
  auto* caption = new QLabel(tr("Each view"));
  caption->setBuddy(interval_);
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(6, 4, 6, 0);
  bar->addWidget(caption);
  bar->addWidget(interval_);
  bar->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addLayout(bar);
  layout->addWidget(view_, 1);

  timer_.setInterval(kDefaultIntervalMs);
  connect(&timer_, &QTimer::timeout, this, &WiggleView::toggle);
  connect(interval_, &QSpinBox::valueChanged, this, [this](int ms) { timer_.setInterval(ms); });
}

void WiggleView::setViews(const QImage& left, const QImage& right) {
  left_ = left;
  right_ = right;
  view_->setImage(showing_left_ ? left_ : right_);
  startIfReady();
}

void WiggleView::setZoom(ViewZoom* zoom) { view_->setZoom(zoom); }

void WiggleView::setPlaceholderText(const QString& text) { view_->setPlaceholderText(text); }

int WiggleView::intervalMs() const { return interval_->value(); }

void WiggleView::setIntervalMs(int ms) { interval_->setValue(ms); }

void WiggleView::toggle() {
  showing_left_ = !showing_left_;
  view_->setImage(showing_left_ ? left_ : right_);
}

void WiggleView::startIfReady() {
  if (isVisible() && !left_.isNull() && !right_.isNull()) {
    if (!timer_.isActive()) timer_.start();
  } else {
    timer_.stop();
  }
}

void WiggleView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  startIfReady();
}

void WiggleView::hideEvent(QHideEvent* event) {
  QWidget::hideEvent(event);
  timer_.stop();
}

}  // namespace sds::ui
