// DDIM (Song et al. 2020), deterministic (eta 0), exactly as diffusers v0.25.1
// DDIMScheduler: epsilon and v-prediction, steps_offset, set_alpha_to_one,
// timestep_spacing leading / trailing / linspace, optional clip_sample.
#pragma once
#include "core/engine/schedulers/scheduler.h"

namespace sds::schedulers {

class DdimScheduler final : public Scheduler {
 public:
  explicit DdimScheduler(const SchedulerConfig& config);

  void setTimesteps(int num_inference_steps) override;
  // prev_t = t - T // n; abar_prev = alphas_cumprod[prev_t], or
  // final_alpha_cumprod when prev_t < 0.
  //   x0 = (x - sqrt(1-abar_t) e) / sqrt(abar_t)            (epsilon)
  //   x0 = sqrt(abar_t) x - sqrt(1-abar_t) v, e = sqrt(abar_t) v + sqrt(1-abar_t) x  (v)
  //   prev = sqrt(abar_prev) x0 + sqrt(1-abar_prev) e
  SchedulerStep step(const torch::Tensor& model_output, int64_t t, const torch::Tensor& sample) override;
  std::string name() const override { return "ddim"; }

  // 1 when set_alpha_to_one, else alphas_cumprod[0].
  float finalAlphaCumprod() const { return final_alpha_cumprod_; }
  // alphas_cumprod[t], or finalAlphaCumprod() for t < 0.
  float alphaCumprodOrFinal(int64_t t) const;
  // t - T // n, the timestep step(t) moves to (may be negative).
  int64_t previousTimestep(int64_t t) const;

 private:
  float final_alpha_cumprod_;
};

}  // namespace sds::schedulers
