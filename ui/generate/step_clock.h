// The arithmetic of a run's timing, apart from any clock or widget (so tests
// feed it times): seconds per denoising step, measured between consecutive
// step reports of one stage, and the time left.
//
// The time left extrapolates the measured pace: while a stage steps, the rate
// at which the job's overall fraction grows per second (sds::Progress::overall
// weighs stages by their cost, e.g. a right-view step of two views counts
// double) gives (1 - overall) / rate. The pace is measured from the stage's
// first report on, so model loading and other one-off work before it do not
// bend the estimate; a stage that has not stepped yet keeps the last pace.
#pragma once
#include <optional>
#include <string>

#include "core/base/progress.h"

namespace sds::ui {

class StepClock {
 public:
  void start(double now_s);  // a new run begins at now_s

  // Takes one report; returns the seconds per step it measured, if this
  // report advanced the current stage by one or more steps.
  std::optional<double> report(const sds::Progress& p, double now_s);

  double elapsed(double now_s) const { return started_ ? now_s - start_s_ : 0.0; }
  // Seconds left, once a pace has been measured; never negative.
  std::optional<double> remaining(double now_s) const;

 private:
  bool started_ = false;
  double start_s_ = 0;
  std::string stage_;
  int last_step_ = -1;
  double last_s_ = 0;
  double overall_ = 0;
  double anchor_overall_ = 0, anchor_s_ = 0;  // the current stage's first report
  std::optional<double> overall_per_s_;        // the last measured pace
};

}  // namespace sds::ui
