// Inference timesteps from a scheduler config, following diffusers v0.25.1 to
// the integer (numpy's round-half-to-even included). DDIM and DPM-Solver space
// "leading" and "linspace" differently, hence two functions.
#pragma once
#include <cstdint>
#include <vector>

#include "models/sd/scheduler_config.h"

namespace sds::schedulers {

// DDIMScheduler.set_timesteps (descending):
//   leading:  arange(n)[::-1] * (T // n) + steps_offset
//   trailing: round(arange(T, 0, -T/n)) - 1
//   linspace: round(linspace(0, T-1, n))[::-1]
std::vector<int64_t> ddimTimesteps(const SchedulerConfig& config, int n);

// DPMSolverMultistepScheduler.set_timesteps before any Karras remapping:
//   leading:  (arange(n+1) * (T // (n+1)))[::-1][:-1] + steps_offset
//   trailing: as DDIM
//   linspace: round(linspace(0, T-1, n+1))[::-1][:-1]
std::vector<int64_t> dpmSolverTimesteps(const SchedulerConfig& config, int n);

// numpy.linspace(start, stop, num) (endpoint included), value by value.
std::vector<double> numpyLinspace(double start, double stop, int num);
// numpy's round(): half to even.
double roundHalfEven(double x);

}  // namespace sds::schedulers
