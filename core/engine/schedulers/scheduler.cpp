#include "core/engine/schedulers/scheduler.h"

#include <cmath>

#include "core/base/error.h"

namespace sds::schedulers {

Scheduler::Scheduler(const SchedulerConfig& config) : config_(config), schedule_(makeNoiseSchedule(config)) {}

void Scheduler::checkStepCount(int num_inference_steps) const {
  if (num_inference_steps < 1 || num_inference_steps > config_.num_train_timesteps)
    throw Error("The number of inference steps must be between 1 and " + std::to_string(config_.num_train_timesteps) +
                ", not " + std::to_string(num_inference_steps) + ".");
}

torch::Tensor Scheduler::addNoise(const torch::Tensor& original, const torch::Tensor& noise, int64_t t) const {
  const float a = schedule_.alphaCumprod(t);
  return std::sqrt(a) * original + std::sqrt(1.0f - a) * noise;
}

X0AndEpsilon splitModelOutput(const torch::Tensor& model_output, const torch::Tensor& sample, float alpha_cumprod,
                              PredictionType prediction_type) {
  const float sqrt_a = std::sqrt(alpha_cumprod);
  const float sqrt_b = std::sqrt(1.0f - alpha_cumprod);
  if (prediction_type == PredictionType::VPrediction)
    return {sqrt_a * sample - sqrt_b * model_output, sqrt_a * model_output + sqrt_b * sample};
  return {(sample - sqrt_b * model_output) / sqrt_a, model_output};
}

}  // namespace sds::schedulers
