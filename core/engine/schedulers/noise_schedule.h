// The training noise schedule (betas, cumulative alphas) shared by every
// scheduler, computed exactly like diffusers v0.25.1 DDIMScheduler.__init__:
// scaled_linear betas = linspace(sqrt(beta_start), sqrt(beta_end), T, float32)^2,
// alphas_cumprod = cumprod(1 - betas) in float32 (LDM's float64 schedule differs
// by ~1e-7, so the single-file checkpoint's schedule buffers are not used).
#pragma once
#include <cstdint>
#include <vector>

#include <torch/types.h>

#include "models/sd/scheduler_config.h"

namespace sds::schedulers {

struct NoiseSchedule {
  torch::Tensor betas;           // [T] float32, CPU
  torch::Tensor alphas_cumprod;  // [T] float32, CPU
  std::vector<float> abar;       // alphas_cumprod as values, for scalar look-ups

  int64_t numTrainTimesteps() const { return int64_t(abar.size()); }
  // alphas_cumprod[t]; throws sds::Error when t is outside [0, T).
  float alphaCumprod(int64_t t) const;
};

NoiseSchedule makeNoiseSchedule(const SchedulerConfig& config);

}  // namespace sds::schedulers
