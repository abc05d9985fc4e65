#include "core/engine/schedulers/noise_schedule.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/base/error.h"

namespace sds::schedulers {

float NoiseSchedule::alphaCumprod(int64_t t) const {
  if (t < 0 || t >= numTrainTimesteps())
    throw Error("Timestep " + std::to_string(t) + " is outside the training schedule [0, " +
                std::to_string(numTrainTimesteps()) + ").");
  return abar[size_t(t)];
}

namespace {

// torch.linspace(start, end, n, dtype=float32) with the arithmetic of the reference
// (diffusers on LibTorch 1.13, whose x86-64 AVX2 kernel made the fixtures), so the
// schedule does not depend on the LibTorch it runs on. That kernel fills blocks of
// 8 values: base = start + step * i (one fused multiply-add; end - step * (n-1-i)
// from the middle on), then base + j * step, two blocks per loop turn, the tail one
// value at a time. LibTorch 2.x computes every value on its own: 307 of SD's 1000
// sqrt-betas move by one float ulp, the betas by up to 1.9e-9 and alphas_cumprod by
// 6e-8. Computing in float64 instead is no cure: it is off by as much (1.9e-9,
// 1.2e-7), because the reference itself is float32.
std::vector<float> referenceLinspace(double start_d, double end_d, int64_t n) {
  std::vector<float> v(size_t(std::max<int64_t>(n, 0)));
  if (n == 1) v[0] = float(start_d);
  if (n <= 1) return v;
  const float start = float(start_d), end = float(end_d);
  const float step = (end - start) / float(n - 1);
  const int64_t half = n / 2;
  const auto at = [&](int64_t i) {
    return i < half ? std::fma(step, float(i), start) : std::fma(-step, float(n - 1 - i), end);
  };
  int64_t i = 0;
  for (; i + 16 <= n; i += 16)
    for (int64_t block = i; block < i + 16; block += 8) {
      const float base = at(block);
      for (int j = 0; j < 8; ++j) v[size_t(block + j)] = base + float(j) * step;
    }
  for (; i < n; ++i) v[size_t(i)] = at(i);
  return v;
}

torch::Tensor linspace32(double start, double end, int64_t n) {
  return torch::tensor(referenceLinspace(start, end, n), torch::TensorOptions().dtype(torch::kFloat32));
}

}  // namespace

NoiseSchedule makeNoiseSchedule(const SchedulerConfig& config) {
  const int64_t T = config.num_train_timesteps;
  NoiseSchedule s;
  if (config.beta_schedule == "scaled_linear") {
    s.betas = linspace32(std::sqrt(config.beta_start), std::sqrt(config.beta_end), T).pow(2);
  } else if (config.beta_schedule == "linear") {
    s.betas = linspace32(config.beta_start, config.beta_end, T);
  } else {
    throw Error("The beta schedule '" + config.beta_schedule + "' is not supported (scaled_linear or linear).");
  }
  s.alphas_cumprod = torch::cumprod(1.0 - s.betas, 0).contiguous();
  const float* p = s.alphas_cumprod.data_ptr<float>();
  s.abar.assign(p, p + T);
  return s;
}

}  // namespace sds::schedulers
