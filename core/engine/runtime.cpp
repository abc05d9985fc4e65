#include "core/engine/runtime.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

namespace sds {

void initRuntime() {
  static std::once_flag once;
  std::call_once(once, [] {
    int threads = int(std::thread::hardware_concurrency());
    if (const char* env = std::getenv("SDSTEREO_THREADS")) {
      const int n = std::atoi(env);
      if (n > 0) threads = n;
    }
    if (threads > 0) at::set_num_threads(threads);
  });
}

std::string defaultDeviceName() {
  if (const char* env = std::getenv("SDSTEREO_DEVICE")) return env;
  return torch::cuda::is_available() ? "cuda" : "cpu";
}

std::string runtimeDescription() {
  std::ostringstream o;
  std::string cpu;
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);)
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  o << "LibTorch " << TORCH_VERSION << ", CPU: " << (cpu.empty() ? "unknown" : cpu) << " ("
    << std::thread::hardware_concurrency() << " cores, " << at::get_num_threads() << " threads)";
  // int(): the count is a DeviceIndex, an int8_t on LibTorch 2.x, which streams as a character.
  if (torch::cuda::is_available()) o << ", CUDA devices: " << int(torch::cuda::device_count());
  return o.str();
}

}  // namespace sds
