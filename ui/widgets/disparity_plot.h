// A QCustomPlot bar chart of the disparity the last render applied, in pixels of
// the full-resolution image; the zero line marks the screen plane.
#pragma once
#include <QWidget>

#include "ui/render/render_types.h"

class QCustomPlot;
class QCPBars;
class QCPItemStraightLine;

namespace sds::ui {

class ComfortPanel;

class DisparityPlot : public QWidget {
  Q_OBJECT
 public:
  explicit DisparityPlot(QWidget* parent = nullptr);

  void setHistogram(const sds::ui::DisparityHistogram& histogram);
  void clear();
  QCustomPlot* plot() const { return plot_; }
  ComfortPanel* comfort() const { return comfort_; }
  int binCount() const;

 private:
  QCustomPlot* plot_;
  QCPBars* bars_;
  QCPItemStraightLine* screen_plane_;
  ComfortPanel* comfort_;  // how deep the histogram's extremes look on a chosen display
};

}  // namespace sds::ui
