#include "ui/generate/step_clock.h"

#include <algorithm>

namespace sds::ui {

void StepClock::start(double now_s) {
  *this = StepClock();
  started_ = true;
  start_s_ = now_s;
}

std::optional<double> StepClock::report(const sds::Progress& p, double now_s) {
  std::optional<double> per_step;
  if (p.stage != stage_ || p.step < last_step_) {  // a new stage: measure its pace afresh
    stage_ = p.stage;
    anchor_overall_ = p.overall;
    anchor_s_ = now_s;
  } else if (p.step > last_step_) {
    per_step = (now_s - last_s_) / double(p.step - last_step_);
    if (p.overall > anchor_overall_ && now_s > anchor_s_)
      overall_per_s_ = (p.overall - anchor_overall_) / (now_s - anchor_s_);
  }
  last_step_ = p.step;
  last_s_ = now_s;
  overall_ = p.overall;
  return per_step;
}

std::optional<double> StepClock::remaining(double now_s) const {
  if (!overall_per_s_ || *overall_per_s_ <= 0) return std::nullopt;
  const double at_last_report = (1.0 - overall_) / *overall_per_s_;
  return std::max(0.0, at_last_report - (now_s - last_s_));
}

}  // namespace sds::ui
