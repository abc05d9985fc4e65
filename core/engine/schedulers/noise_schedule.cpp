#include "core/engine/schedulers/noise_schedule.h"

#include <cmath>

#include "core/base/error.h"

namespace sds::schedulers {

float NoiseSchedule::alphaCumprod(int64_t t) const {
  if (t < 0 || t >= numTrainTimesteps())
    throw Error("Timestep " + std::to_string(t) + " is outside the training schedule [0, " +
                std::to_string(numTrainTimesteps()) + ").");
  return abar[size_t(t)];
}

NoiseSchedule makeNoiseSchedule(const SchedulerConfig& config) {
  const auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
  const int64_t T = config.num_train_timesteps;
  NoiseSchedule s;
  if (config.beta_schedule == "scaled_linear") {
    s.betas = torch::linspace(std::sqrt(config.beta_start), std::sqrt(config.beta_end), T, f32).pow(2);
  } else if (config.beta_schedule == "linear") {
    s.betas = torch::linspace(config.beta_start, config.beta_end, T, f32);
  } else {
    throw Error("The beta schedule '" + config.beta_schedule + "' is not supported (scaled_linear or linear).");
  }
  s.alphas_cumprod = torch::cumprod(1.0 - s.betas, 0).contiguous();
  const float* p = s.alphas_cumprod.data_ptr<float>();
  s.abar.assign(p, p + T);
  return s;
}

}  // namespace sds::schedulers
