#include "ui/widgets/slider_field.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace sds::ui {

SliderField::SliderField(double min, double max, double step, int decimals, QWidget* parent)
    : QWidget(parent), min_(min), step_(step), slider_(new QSlider(Qt::Horizontal)), spin_(new QDoubleSpinBox) {
  slider_->setRange(0, int(std::lround((max - min) / step)));
  slider_->setPageStep(std::max(1, slider_->maximum() / 10));
  spin_->setRange(min, max);
  spin_->setSingleStep(step);
  spin_->setDecimals(decimals);
  spin_->setKeyboardTracking(false);
  spin_->setAlignment(Qt::AlignRight);
  spin_->setMinimumWidth(spin_->fontMetrics().horizontalAdvance(QStringLiteral("000.000 %")) + 24);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(slider_, 1);
  layout->addWidget(spin_);
  connect(slider_, &QSlider::valueChanged, this, &SliderField::fromSlider);
  connect(spin_, &QDoubleSpinBox::valueChanged, this, &SliderField::fromSpin);
}

double SliderField::value() const { return spin_->value(); }

void SliderField::setValue(double value) { spin_->setValue(value); }

void SliderField::setSuffix(const QString& suffix) { spin_->setSuffix(suffix); }

void SliderField::fromSlider(int position) {
  if (syncing_) return;
  syncing_ = true;
  spin_->setValue(min_ + position * step_);
  syncing_ = false;
  Q_EMIT valueChanged(spin_->value());
}

void SliderField::fromSpin(double value) {
  if (syncing_) return;
  syncing_ = true;
  slider_->setValue(int(std::lround((value - min_) / step_)));
  syncing_ = false;
  Q_EMIT valueChanged(value);
}

}  // namespace sds::ui
