// The one abstract interface every sampler implements (mirrors diffusers'
// SchedulerMixin: set_timesteps / step / scale_model_input / add_noise), so a
// pipeline can swap DDIM for DPM-Solver++ without knowing either.
//
// Tensors may live on any device and be of any float dtype: the scheduler's
// scalar coefficients are applied in the dtype of the tensors it is given.
// Pipelines keep latents in float32 and cast only the UNet input.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/engine/schedulers/noise_schedule.h"
#include "models/sd/scheduler_config.h"

namespace sds::schedulers {

struct SchedulerStep {
  torch::Tensor prev_sample;           // x_{t-1}: the sample at the next (less noisy) timestep
  torch::Tensor pred_original_sample;  // the x0 the model output implies at this step
};

class Scheduler {
 public:
  explicit Scheduler(const SchedulerConfig& config);
  virtual ~Scheduler() = default;
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Chooses the inference timesteps (descending) and resets any multistep
  // state. Throws sds::Error for n < 1 or n > num_train_timesteps.
  virtual void setTimesteps(int num_inference_steps) = 0;
  const std::vector<int64_t>& timesteps() const { return timesteps_; }
  int numInferenceSteps() const { return int(timesteps_.size()); }

  // One denoising step. Must be called with the timesteps in order (stateful
  // schedulers keep a history of model outputs).
  // model_output, sample: [B, C, h, w] (any shape, same for both).
  virtual SchedulerStep step(const torch::Tensor& model_output, int64_t t, const torch::Tensor& sample) = 0;

  // Identity for DDIM and DPM-Solver (variance-preserving schedulers).
  virtual torch::Tensor scaleModelInput(const torch::Tensor& sample, int64_t t) const { return sample; }
  // The standard deviation x_T is drawn with (1 for variance-preserving).
  virtual double initNoiseSigma() const { return 1.0; }
  // sqrt(abar_t) * original + sqrt(1 - abar_t) * noise (forward diffusion to t).
  virtual torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise, int64_t t) const;

  virtual std::string name() const = 0;
  const SchedulerConfig& config() const { return config_; }
  const NoiseSchedule& noiseSchedule() const { return schedule_; }

 protected:
  void checkStepCount(int num_inference_steps) const;

  SchedulerConfig config_;
  NoiseSchedule schedule_;
  std::vector<int64_t> timesteps_;
};

// The model output as (x0, epsilon) given abar of the sample's noise level;
// handles epsilon and v-prediction. Coefficients are float32 like diffusers'.
struct X0AndEpsilon {
  torch::Tensor x0;
  torch::Tensor epsilon;
};
X0AndEpsilon splitModelOutput(const torch::Tensor& model_output, const torch::Tensor& sample, float alpha_cumprod,
                              PredictionType prediction_type);

}  // namespace sds::schedulers
