// A slider and a spin box showing the same real value, kept in step.
#pragma once
#include <QWidget>

class QSlider;
class QDoubleSpinBox;

namespace sds::ui {

class SliderField : public QWidget {
  Q_OBJECT
 public:
  // The slider moves in `step`s between min and max; the spin box shows `decimals`.
  SliderField(double min, double max, double step, int decimals, QWidget* parent = nullptr);

  double value() const;
  void setValue(double value);  // emits valueChanged when it changes
  void setSuffix(const QString& suffix);
  QSlider* slider() const { return slider_; }
  QDoubleSpinBox* spinBox() const { return spin_; }

 Q_SIGNALS:
  void valueChanged(double value);

 private:
  void fromSlider(int position);
  void fromSpin(double value);

  double min_, step_;
  QSlider* slider_;
  QDoubleSpinBox* spin_;
  bool syncing_ = false;
};

}  // namespace sds::ui
