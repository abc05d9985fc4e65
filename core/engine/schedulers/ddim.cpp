#include "core/engine/schedulers/ddim.h"

#include <cmath>

#include "core/engine/schedulers/timestep_spacing.h"
#include "core/base/error.h"

namespace sds::schedulers {

DdimScheduler::DdimScheduler(const SchedulerConfig& config)
    : Scheduler(config), final_alpha_cumprod_(config.set_alpha_to_one ? 1.0f : schedule_.abar.at(0)) {}

void DdimScheduler::setTimesteps(int num_inference_steps) {
  checkStepCount(num_inference_steps);
  auto ts = ddimTimesteps(config_, num_inference_steps);
  for (const int64_t t : ts)
    if (t < 0 || t >= config_.num_train_timesteps)
      throw Error("The scheduler configuration gives timestep " + std::to_string(t) + " for " +
                  std::to_string(num_inference_steps) + " steps, outside [0, " +
                  std::to_string(config_.num_train_timesteps) + "); lower steps_offset or the step count.");
  timesteps_ = std::move(ts);
}

float DdimScheduler::alphaCumprodOrFinal(int64_t t) const {
  return t >= 0 ? schedule_.alphaCumprod(t) : final_alpha_cumprod_;
}

int64_t DdimScheduler::previousTimestep(int64_t t) const {
  if (timesteps_.empty()) throw Error("DDIM: setTimesteps() must be called before stepping.");
  return t - config_.num_train_timesteps / int64_t(timesteps_.size());
}

SchedulerStep DdimScheduler::step(const torch::Tensor& model_output, int64_t t, const torch::Tensor& sample) {
  const float a_t = schedule_.alphaCumprod(t);
  const float a_prev = alphaCumprodOrFinal(previousTimestep(t));
  auto [x0, eps] = splitModelOutput(model_output, sample, a_t, config_.prediction_type);
  // diffusers clips only x0 (use_clipped_model_output is off by default).
  if (config_.clip_sample) x0 = x0.clamp(-config_.clip_sample_range, config_.clip_sample_range);
  auto prev = std::sqrt(a_prev) * x0 + std::sqrt(1.0f - a_prev) * eps;
  return {prev, x0};
}

}  // namespace sds::schedulers
