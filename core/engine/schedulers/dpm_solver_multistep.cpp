#include "core/engine/schedulers/dpm_solver_multistep.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/engine/schedulers/timestep_spacing.h"
#include "core/base/error.h"

namespace sds::schedulers {

namespace {

// Karras et al. (2022) noise levels: rho = 7 interpolation between sigma_max and sigma_min.
std::vector<double> karrasSigmas(double sigma_min, double sigma_max, int n) {
  const double rho = 7.0;
  const double min_inv = std::pow(sigma_min, 1.0 / rho), max_inv = std::pow(sigma_max, 1.0 / rho);
  std::vector<double> out;
  for (const double r : numpyLinspace(0.0, 1.0, n)) out.push_back(std::pow(max_inv + r * (min_inv - max_inv), rho));
  return out;
}

// The (fractional) training timestep of a noise level, by linear interpolation
// of log-sigma between its two neighbouring training timesteps (diffusers'
// _sigma_to_t). log_sigmas ascends with t.
double sigmaToTimestep(double sigma, const std::vector<float>& log_sigmas) {
  const double log_sigma = std::log(std::max(sigma, 1e-10));
  const int64_t T = int64_t(log_sigmas.size());
  int64_t low = 0;
  for (int64_t i = 0; i < T; ++i)
    if (log_sigma - double(log_sigmas[size_t(i)]) >= 0) low = i;
  low = std::min(low, T - 2);
  const double lo = log_sigmas[size_t(low)], hi = log_sigmas[size_t(low + 1)];
  const double w = std::clamp((lo - log_sigma) / (lo - hi), 0.0, 1.0);
  return (1.0 - w) * double(low) + w * double(low + 1);
}

}  // namespace

DpmSolverMultistepScheduler::DpmSolverMultistepScheduler(const SchedulerConfig& config,
                                                         const DpmSolverOptions& options)
    : Scheduler(config), options_(options) {
  if (options.solver_order != 1 && options.solver_order != 2)
    throw Error("DPM-Solver++: solver_order must be 1 or 2, not " + std::to_string(options.solver_order) + ".");
}

void DpmSolverMultistepScheduler::setTimesteps(int num_inference_steps) {
  checkStepCount(num_inference_steps);
  // Training sigmas in float32 as diffusers computes them.
  const auto train_sigmas = ((1 - schedule_.alphas_cumprod) / schedule_.alphas_cumprod).pow(0.5).contiguous();
  const float* ts = train_sigmas.data_ptr<float>();
  const size_t T = size_t(train_sigmas.numel());
  const double sigma_last = ts[0];

  std::vector<int64_t> timesteps;
  std::vector<double> sigmas;
  if (options_.use_karras_sigmas) {
    std::vector<float> log_sigmas(T);
    for (size_t i = 0; i < T; ++i) log_sigmas[i] = std::log(ts[i]);
    sigmas = karrasSigmas(ts[0], ts[T - 1], num_inference_steps);
    for (double s : sigmas) timesteps.push_back(int64_t(roundHalfEven(sigmaToTimestep(s, log_sigmas))));
  } else {
    timesteps = dpmSolverTimesteps(config_, num_inference_steps);
    for (const int64_t t : timesteps) {
      if (t < 0 || t >= int64_t(T))
        throw Error("The scheduler configuration gives timestep " + std::to_string(t) + " for " +
                    std::to_string(num_inference_steps) + " steps, outside [0, " + std::to_string(T) + ").");
      sigmas.push_back(ts[t]);
    }
  }
  sigmas.push_back(options_.final_sigma == DpmSolverOptions::FinalSigma::Zero ? 0.0 : sigma_last);

  timesteps_ = std::move(timesteps);
  sigmas_ = std::move(sigmas);
  x0_history_.clear();
  step_index_ = -1;
  lower_order_nums_ = 0;
}

DpmSolverMultistepScheduler::Level DpmSolverMultistepScheduler::level(size_t index) const {
  const double s = sigmas_.at(index);
  const double alpha = 1.0 / std::sqrt(s * s + 1.0);
  const double sigma = s * alpha;
  // sigma 0 (the final level) gives lambda = +inf, and exp(-h) = 0 below.
  return {alpha, sigma, std::log(alpha) - std::log(sigma)};
}

int DpmSolverMultistepScheduler::indexOfTimestep(int64_t t) const {
  // Like diffusers: with repeated timesteps (Karras, many steps) take the second occurrence.
  std::vector<int> hits;
  for (size_t i = 0; i < timesteps_.size(); ++i)
    if (timesteps_[i] == t) hits.push_back(int(i));
  if (hits.empty()) return int(timesteps_.size()) - 1;
  return hits.size() > 1 ? hits[1] : hits[0];
}

torch::Tensor DpmSolverMultistepScheduler::firstOrderUpdate(const torch::Tensor& x0, const torch::Tensor& sample) const {
  const Level t = level(size_t(step_index_) + 1), s = level(size_t(step_index_));
  const double h = t.lambda - s.lambda;
  return (t.sigma / s.sigma) * sample - (t.alpha * (std::exp(-h) - 1.0)) * x0;
}

torch::Tensor DpmSolverMultistepScheduler::secondOrderUpdate(const torch::Tensor& sample) const {
  const Level t = level(size_t(step_index_) + 1), s0 = level(size_t(step_index_)), s1 = level(size_t(step_index_) - 1);
  const auto& m0 = x0_history_.back();
  const auto& m1 = x0_history_[x0_history_.size() - 2];
  const double h = t.lambda - s0.lambda, h_0 = s0.lambda - s1.lambda;
  const double r0 = h_0 / h;
  const double c = t.alpha * (std::exp(-h) - 1.0);
  // Midpoint: D0 = m0, D1 = (m0 - m1) / r0.
  return (t.sigma / s0.sigma) * sample - c * m0 - (0.5 * c / r0) * (m0 - m1);
}

SchedulerStep DpmSolverMultistepScheduler::step(const torch::Tensor& model_output, int64_t t,
                                                const torch::Tensor& sample) {
  if (sigmas_.empty()) throw Error("DPM-Solver++: setTimesteps() must be called before stepping.");
  step_index_ = step_index_ < 0 ? indexOfTimestep(t) : step_index_;
  if (size_t(step_index_) >= timesteps_.size())
    throw Error("DPM-Solver++: step() called more often than the " + std::to_string(timesteps_.size()) +
                " timesteps set.");
  const int n = int(timesteps_.size());
  const bool last = step_index_ == n - 1;
  const bool final_zero = options_.final_sigma == DpmSolverOptions::FinalSigma::Zero;
  const bool lower_order_final = last && ((options_.lower_order_final && n < 15) || final_zero);

  const Level now = level(size_t(step_index_));
  const float abar = float(now.alpha * now.alpha);
  auto x0 = splitModelOutput(model_output, sample, abar, config_.prediction_type).x0;
  x0_history_.push_back(x0);
  if (int(x0_history_.size()) > options_.solver_order) x0_history_.erase(x0_history_.begin());

  torch::Tensor prev;
  if (options_.solver_order == 1 || lower_order_nums_ < 1 || lower_order_final)
    prev = firstOrderUpdate(x0, sample);
  else
    prev = secondOrderUpdate(sample);
  lower_order_nums_ = std::min(lower_order_nums_ + 1, options_.solver_order);
  ++step_index_;
  return {prev, x0};
}

torch::Tensor DpmSolverMultistepScheduler::addNoise(const torch::Tensor& original, const torch::Tensor& noise,
                                                    int64_t t) const {
  if (sigmas_.empty()) return Scheduler::addNoise(original, noise, t);
  const Level l = level(size_t(indexOfTimestep(t)));
  return l.alpha * original + l.sigma * noise;
}

}  // namespace sds::schedulers
