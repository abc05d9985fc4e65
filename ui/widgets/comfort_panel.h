// Under the disparity histogram: the on-screen parallax of the nearest and the
// farthest point for a chosen display, and a warning when either is outside
// the comfort zone (the rule and its source: ui/render/viewing_comfort.h).
#pragma once
#include <QWidget>

#include "ui/render/render_types.h"
#include "ui/render/viewing_comfort.h"

class QComboBox;
class QLabel;

namespace sds::ui {

class ComfortPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ComfortPanel(QWidget* parent = nullptr);

  void setHistogram(const sds::ui::DisparityHistogram& histogram);
  void clear();

  QComboBox* displayCombo() const { return display_; }
  DisplayGeometry display() const;
  bool warningShown() const;  // the pair is outside the comfort zone on this display
  QString nearText() const;
  QString farText() const;

 private:
  void refresh();
  QString describe(const PointDepth& d) const;

  DisparityHistogram histogram_;
  QComboBox* display_;
  QLabel* depth_;    // the nearest and the farthest point on this display
  QLabel* verdict_;  // comfortable, or the warning
  QString near_text_, far_text_;
};

}  // namespace sds::ui
