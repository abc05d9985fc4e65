#include "ui/widgets/disparity_plot.h"

#include <QVBoxLayout>
#include <algorithm>

#include <qcustomplot.h>

namespace sds::ui {

DisparityPlot::DisparityPlot(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), bars_(nullptr), screen_plane_(nullptr) {
  plot_->setObjectName(QStringLiteral("disparityPlot"));
  plot_->setMinimumHeight(140);
  plot_->setBackground(palette().window());
  bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  bars_->setWidthType(QCPBars::wtPlotCoords);
  const QColor accent = palette().color(QPalette::Highlight);
  bars_->setPen(QPen(accent.darker(120)));
  bars_->setBrush(accent);
  screen_plane_ = new QCPItemStraightLine(plot_);
  screen_plane_->setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
  screen_plane_->point1->setCoords(0, 0);
  screen_plane_->point2->setCoords(0, 1);

  for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
    axis->setBasePen(QPen(palette().color(QPalette::Mid)));
    axis->setTickPen(QPen(palette().color(QPalette::Mid)));
    axis->setSubTickPen(QPen(palette().color(QPalette::Mid)));
    axis->setTickLabelColor(palette().color(QPalette::Text));
    axis->setLabelColor(palette().color(QPalette::Text));
    axis->grid()->setPen(QPen(palette().color(QPalette::Midlight), 0, Qt::DotLine));
  }
  plot_->xAxis->setLabel(tr("Disparity (pixels, full resolution)"));
  plot_->yAxis->setTickLabels(false);
  plot_->yAxis->setLabel(tr("Pixels"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  clear();
}

void DisparityPlot::setHistogram(const sds::ui::DisparityHistogram& h) {
  if (h.counts.empty()) {
    clear();
    return;
  }
  QVector<double> keys, values;
  keys.reserve(int(h.counts.size()));
  for (size_t i = 0; i < h.counts.size(); ++i) keys.push_back(h.min_px + (double(i) + 0.5) * h.bin_width_px);
  values = QVector<double>(h.counts.begin(), h.counts.end());
  bars_->setWidth(h.bin_width_px);
  bars_->setData(keys, values, true);
  const double lo = std::min(0.0, h.min_px), hi = std::max(0.0, h.min_px + h.bin_width_px * h.counts.size());
  const double pad = std::max(0.5, (hi - lo) * 0.03);
  plot_->xAxis->setRange(lo - pad, hi + pad);
  const double top = values.isEmpty() ? 1.0 : *std::max_element(values.begin(), values.end());
  plot_->yAxis->setRange(0, top > 0 ? top * 1.08 : 1.0);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DisparityPlot::clear() {
  bars_->data()->clear();
  plot_->xAxis->setRange(-1, 10);
  plot_->yAxis->setRange(0, 1);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

int DisparityPlot::binCount() const { return bars_->data()->size(); }

}  // namespace sds::ui
