// DPM-Solver++ (Lu et al. 2022, arXiv 2211.01095), multistep, data prediction,
// midpoint second-order update: the algorithm of diffusers'
// DPMSolverMultistepScheduler with algorithm_type "dpmsolver++",
// solver_order 2 ("2M"), optionally Karras sigmas.
//
// Timesteps follow diffusers v0.25.1 for the same scheduler config (note that
// its "leading" spacing divides by n + 1: 10 steps give 901, 811, ..., 91).
// The final noise level is zero by default (later diffusers' final_sigmas_type
// "zero": the last step returns the predicted x0); FinalSigma::SigmaMin keeps
// v0.25.1's behaviour of stopping at sigma(alphas_cumprod[0]).
#pragma once
#include "core/engine/schedulers/scheduler.h"

namespace sds::schedulers {

struct DpmSolverOptions {
  enum class FinalSigma { Zero, SigmaMin };
  int solver_order = 2;            // 1 (= DDIM in log-SNR time) or 2
  bool lower_order_final = true;   // first order on the last step when n < 15
  bool use_karras_sigmas = false;  // rho = 7 noise levels, timesteps mapped back by log-sigma interpolation
  FinalSigma final_sigma = FinalSigma::Zero;
};

class DpmSolverMultistepScheduler final : public Scheduler {
 public:
  DpmSolverMultistepScheduler(const SchedulerConfig& config, const DpmSolverOptions& options = {});

  void setTimesteps(int num_inference_steps) override;
  SchedulerStep step(const torch::Tensor& model_output, int64_t t, const torch::Tensor& sample) override;
  torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise, int64_t t) const override;
  std::string name() const override { return options_.use_karras_sigmas ? "dpmpp-2m-karras" : "dpmpp-2m"; }

  // sigma = sqrt((1 - abar) / abar) per step, plus the final one: size n + 1.
  const std::vector<double>& sigmas() const { return sigmas_; }

 private:
  struct Level {
    double alpha, sigma, lambda;  // x_t = alpha x0 + sigma eps, lambda = log(alpha / sigma)
  };
  Level level(size_t index) const;
  int indexOfTimestep(int64_t t) const;
  torch::Tensor firstOrderUpdate(const torch::Tensor& x0, const torch::Tensor& sample) const;
  torch::Tensor secondOrderUpdate(const torch::Tensor& sample) const;

  DpmSolverOptions options_;
  std::vector<double> sigmas_;
  std::vector<torch::Tensor> x0_history_;  // last solver_order data predictions, oldest first
  int step_index_ = -1;
  int lower_order_nums_ = 0;
};

}  // namespace sds::schedulers
