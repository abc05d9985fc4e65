// What a running generation shows in the Generate dock: "Left view: step 3 of
// 20", the elapsed time and an estimate of the time left (StepClock), the
// latest intermediate picture, and a plot of seconds per step as it runs.
// Everything stays on screen after the run ends or is cancelled, until the
// next run begins.
#pragma once
#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include "core/base/progress.h"
#include "ui/generate/step_clock.h"

class QCustomPlot;
class QLabel;

namespace sds::ui {

class GenerationFeedback : public QWidget {
  Q_OBJECT
 public:
  explicit GenerationFeedback(QWidget* parent = nullptr);

  void begin();                           // a run starts: clears the last run's
  void onStep(const sds::Progress& p);    // a progress record from the run
  void onPreview(const QImage& image);    // an intermediate picture
  void finish();                          // the run ended (done, failed or cancelled)
  void markFinished();                    // the run made its pair: the stage line says so

  QImage preview() const { return preview_image_; }
  int plottedSteps() const;
  QString stepText() const;
  QString timeText() const;

 private:
  void updateTime();
  static QString duration(double seconds);

  QElapsedTimer elapsed_;
  QTimer tick_;  // keeps the elapsed time moving between slow steps
  StepClock clock_;
  bool running_ = false;
  int plotted_ = 0;
  QLabel* step_;
  QLabel* time_;
  QLabel* picture_;
  QImage preview_image_;
  QCustomPlot* plot_;
};

}  // namespace sds::ui
