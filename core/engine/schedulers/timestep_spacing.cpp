#include "core/engine/schedulers/timestep_spacing.h"

#include <cfenv>
#include <cmath>

#include "core/base/error.h"

namespace sds::schedulers {

double roundHalfEven(double x) {
  const int saved = std::fegetround();
  std::fesetround(FE_TONEAREST);
  const double r = std::nearbyint(x);
  std::fesetround(saved);
  return r;
}

std::vector<double> numpyLinspace(double start, double stop, int num) {
  std::vector<double> y(size_t(std::max(num, 0)));
  if (num == 1) y[0] = start;
  if (num < 2) return y;
  const double step = (stop - start) / double(num - 1);
  for (int k = 0; k < num; ++k) y[size_t(k)] = double(k) * step + start;
  y.back() = stop;
  return y;
}

namespace {

void checkSpacing(const SchedulerConfig& config, int n) {
  if (n < 1 || n > config.num_train_timesteps)
    throw Error("The number of inference steps must be between 1 and " + std::to_string(config.num_train_timesteps) +
                ", not " + std::to_string(n) + ".");
}

// round(arange(T, 0, -T/n)) - 1, first n values (numpy's arange can yield one
// extra ~0 element for some n, e.g. 61; diffusers would then index -1).
std::vector<int64_t> trailing(const SchedulerConfig& config, int n) {
  const double ratio = double(config.num_train_timesteps) / n;
  std::vector<int64_t> ts;
  for (int i = 0; i < n; ++i)
    ts.push_back(int64_t(roundHalfEven(double(config.num_train_timesteps) - i * ratio)) - 1);
  return ts;
}

[[noreturn]] void unknownSpacing(const SchedulerConfig& config) {
  throw Error("The timestep spacing '" + config.timestep_spacing +
              "' is not supported (use leading, trailing or linspace).");
}

}  // namespace

std::vector<int64_t> ddimTimesteps(const SchedulerConfig& config, int n) {
  checkSpacing(config, n);
  const int64_t T = config.num_train_timesteps;
  std::vector<int64_t> ts;
  if (config.timestep_spacing == "leading") {
    const int64_t ratio = T / n;
    for (int i = n - 1; i >= 0; --i) ts.push_back(i * ratio + config.steps_offset);
  } else if (config.timestep_spacing == "trailing") {
    ts = trailing(config, n);
  } else if (config.timestep_spacing == "linspace") {
    const auto y = numpyLinspace(0, double(T - 1), n);
    for (auto it = y.rbegin(); it != y.rend(); ++it) ts.push_back(int64_t(roundHalfEven(*it)));
  } else {
    unknownSpacing(config);
  }
  return ts;
}

std::vector<int64_t> dpmSolverTimesteps(const SchedulerConfig& config, int n) {
  checkSpacing(config, n);
  const int64_t T = config.num_train_timesteps;
  std::vector<int64_t> ts;
  if (config.timestep_spacing == "leading") {
    const int64_t ratio = T / (n + 1);
    for (int i = n; i >= 1; --i) ts.push_back(i * ratio + config.steps_offset);
  } else if (config.timestep_spacing == "trailing") {
    ts = trailing(config, n);
  } else if (config.timestep_spacing == "linspace") {
    const auto y = numpyLinspace(0, double(T - 1), n + 1);
    for (int i = n; i >= 1; --i) ts.push_back(int64_t(roundHalfEven(y[size_t(i)])));
  } else {
    unknownSpacing(config);
  }
  return ts;
}

}  // namespace sds::schedulers
