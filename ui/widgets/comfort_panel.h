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
  // The chosen preset's stable name ("monitor-27"), for the settings; an
  // unknown name (an older or newer studio's) keeps the current choice.
  QString displayKey() const;
  void setDisplayKey(const QString& key);
  bool warningShown() const;  // the pair is outside the comfort zone on this display
  QString nearText() const;
  QString farText() const;

 Q_SIGNALS:
  void displayChanged(const QString& key);

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
