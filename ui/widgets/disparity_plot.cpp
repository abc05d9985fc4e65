#include "ui/widgets/disparity_plot.h"

#include <QVBoxLayout>
#include <algorithm>

#include <qcustomplot.h>

#include "ui/widgets/comfort_panel.h"

namespace sds::ui {
namespace {

constexpr double kFloor = 1e-6;  // bars start here: a log axis has no zero

}  // namespace

DisparityPlot::DisparityPlot(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), bars_(nullptr), screen_plane_(nullptr),
      comfort_(new ComfortPanel) {
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
  // Flat areas (sky, walls) pile into one bin; a log scale keeps the rest visible.
  plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  // Shares in percent, numbered on the log scale (0.01, 0.1, 1, 10, 100).
  plot_->yAxis->setNumberFormat(QStringLiteral("g"));
  plot_->yAxis->setNumberPrecision(3);
  plot_->yAxis->setLabel(tr("% of pixels"));
  bars_->setBaseValue(kFloor);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_, 1);
  layout->addWidget(comfort_);
  clear();
}

void DisparityPlot::setHistogram(const sds::ui::DisparityHistogram& h) {
  if (h.counts.empty()) {
    clear();
    return;
  }
  QVector<double> keys, values;  // empty bins are left out: log(0) does not exist
  for (size_t i = 0; i < h.counts.size(); ++i) {
    if (h.counts[i] <= 0) continue;
    keys.push_back(h.min_px + (double(i) + 0.5) * h.bin_width_px);
    values.push_back(h.counts[i] * 100.0);  // percent
  }
  bars_->setWidth(h.bin_width_px);
  bars_->setData(keys, values, true);
  const double lo = std::min(0.0, h.min_px), hi = std::max(0.0, h.min_px + h.bin_width_px * h.counts.size());
  const double pad = std::max(0.5, (hi - lo) * 0.03);
  plot_->xAxis->setRange(lo - pad, hi + pad);
  double top = kFloor, low = 100.0;
  for (double v : values) {
    top = std::max(top, v);
    if (v > 0) low = std::min(low, v);
  }
  // Shares cannot pass 100 %: the axis stops there.
  plot_->yAxis->setRange(std::max(kFloor, low * 0.5), std::min(100.0, top * 1.5));
  plot_->replot(QCustomPlot::rpQueuedReplot);
  comfort_->setHistogram(h);
}

void DisparityPlot::clear() {
  bars_->data()->clear();
  plot_->xAxis->setRange(-1, 10);
  plot_->yAxis->setRange(kFloor, 100);
  plot_->replot(QCustomPlot::rpQueuedReplot);
  comfort_->clear();
}

int DisparityPlot::binCount() const { return bars_->data()->size(); }

}  // namespace sds::ui
