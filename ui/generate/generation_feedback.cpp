#include "ui/generate/generation_feedback.h"

#include <QCoreApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

namespace sds::ui {
namespace {

constexpr int kPictureSide = 160;  // the intermediate picture's longer side on screen, px

double seconds(const QElapsedTimer& timer) { return double(timer.nsecsElapsed()) * 1e-9; }

// "left view" -> "Left view", translated like the status bar's stage names.
QString stageName(const std::string& stage) {
  QString name = QCoreApplication::translate("sds::ui::stage", stage.c_str());
  if (!name.isEmpty()) name[0] = name[0].toUpper();
  return name;
}

}  // namespace

GenerationFeedback::GenerationFeedback(QWidget* parent)
    : QWidget(parent), step_(new QLabel), time_(new QLabel), picture_(new QLabel), plot_(new QCustomPlot) {
  setObjectName(QStringLiteral("generationFeedback"));
  step_->setObjectName(QStringLiteral("generateStepLabel"));
  step_->setToolTip(tr("The stage the run is in and its denoising step"));
  time_->setObjectName(QStringLiteral("generateTimeLabel"));
  time_->setToolTip(tr("Time since Generate, and the time left estimated from the measured step times"));
  picture_->setObjectName(QStringLiteral("generatePreviewImage"));
  picture_->setAlignment(Qt::AlignCenter);
  picture_->setMinimumHeight(kPictureSide);
  picture_->setToolTip(tr("The picture so far, every few steps: a quick colour estimate from the latent, "
                          "not the final decode (blurry and low-resolution by design)"));
  plot_->setObjectName(QStringLiteral("generateStepPlot"));
  plot_->setMinimumHeight(120);
  plot_->setToolTip(tr("Seconds each denoising step took, as the run goes"));
  plot_->setBackground(palette().window());
  plot_->addGraph();
  const QColor accent = palette().color(QPalette::Highlight);
  plot_->graph(0)->setPen(QPen(accent, 1.5));
  plot_->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
  plot_->xAxis->setLabel(tr("Step"));
  plot_->yAxis->setLabel(tr("s per step"));
  for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
    axis->setTickLabelColor(palette().color(QPalette::Text));
    axis->setLabelColor(palette().color(QPalette::Text));
    axis->setBasePen(QPen(palette().color(QPalette::Mid)));
    axis->setTickPen(QPen(palette().color(QPalette::Mid)));
    axis->setSubTickPen(QPen(palette().color(QPalette::Mid)));
  }

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(step_);
  layout->addWidget(time_);
  layout->addWidget(picture_);
  layout->addWidget(plot_);
  tick_.setInterval(1000);
  connect(&tick_, &QTimer::timeout, this, &GenerationFeedback::updateTime);
  hide();  // until the first run
}

void GenerationFeedback::begin() {
  elapsed_.start();
  clock_.start(0.0);
  running_ = true;
  plotted_ = 0;
  preview_image_ = QImage();
  picture_->clear();
  picture_->setText(tr("The picture appears after the first step."));
  step_->setText(tr("Starting…"));
  plot_->graph(0)->data()->clear();
  plot_->xAxis->setRange(0, 10);
  plot_->yAxis->setRange(0, 1);
  plot_->replot(QCustomPlot::rpQueuedReplot);
  updateTime();
  tick_.start();
  show();
}

void GenerationFeedback::onStep(const sds::Progress& p) {
  if (!running_) return;
  const std::optional<double> per_step = clock_.report(p, seconds(elapsed_));
  step_->setText(p.total > 1 ? tr("%1: step %2 of %3").arg(stageName(p.stage)).arg(p.step).arg(p.total)
                             : tr("%1…").arg(stageName(p.stage)));
  if (per_step && p.total > 1) {  // one-off stages (loading, decoding) are not steps
    ++plotted_;
    plot_->graph(0)->addData(plotted_, *per_step);
    bool found = false;
    const QCPRange values = plot_->graph(0)->getValueRange(found);
    plot_->xAxis->setRange(0, std::max(10, plotted_ + 1));
    plot_->yAxis->setRange(0, found ? values.upper * 1.2 + 1e-3 : 1.0);
    plot_->replot(QCustomPlot::rpQueuedReplot);
  }
  updateTime();
}

void GenerationFeedback::onPreview(const QImage& image) {
  if (!running_ || image.isNull()) return;
  preview_image_ = image;
  // The latent is 1/8 of the image: scaled up smoothly, it reads as a picture.
  picture_->setPixmap(QPixmap::fromImage(
      image.scaled(kPictureSide, kPictureSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void GenerationFeedback::finish() {
  if (!running_) return;
  running_ = false;
  tick_.stop();
  time_->setText(tr("Took %1").arg(duration(seconds(elapsed_))));
}

void GenerationFeedback::markFinished() { step_->setText(tr("Finished")); }

int GenerationFeedback::plottedSteps() const { return plotted_; }
QString GenerationFeedback::stepText() const { return step_->text(); }
QString GenerationFeedback::timeText() const { return time_->text(); }

void GenerationFeedback::updateTime() {
  if (!running_) return;
  const double now = seconds(elapsed_);
  const std::optional<double> left = clock_.remaining(now);
  time_->setText(left ? tr("Elapsed %1, about %2 left").arg(duration(now), duration(*left))
                      : tr("Elapsed %1, estimating the time left…").arg(duration(now)));
}

// m:ss, or h:mm:ss from an hour on.
QString GenerationFeedback::duration(double s) {
  const qint64 total = qint64(std::llround(std::max(0.0, s)));
  const qint64 h = total / 3600, m = (total / 60) % 60, sec = total % 60;
  return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(sec, 2, 10, QLatin1Char('0'))
               : QStringLiteral("%1:%2").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
}

}  // namespace sds::ui
