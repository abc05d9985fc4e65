#include "core/engine/runtime.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sds {
namespace {

// glibc gives every freed buffer above its (growing) mmap threshold back to the
// system and trims the heap's top once twice that lies free, so the 4-12 MB
// tensors of a preview render come back as fresh pages on every slider move and
// fault in again: about a third of a 1024x1024 render on 2 cores (BENCHMARKS.md,
// "Preview speed"). Buffers up to 32 MB (glibc's largest threshold) now stay in
// the heap and up to 64 MB may lie free at its top; larger ones (model weights,
// big activations) still go back to the system when freed.
void keepRenderBuffers() {
#if defined(__GLIBC__)
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") || std::getenv("MALLOC_TRIM_THRESHOLD_")) return;  // the user's own
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

}  // namespace

void initRuntime() {
  static std::once_flag once;
  std::call_once(once, [] {
    int threads = int(std::thread::hardware_concurrency());
    if (const char* env = std::getenv("SDSTEREO_THREADS")) {
      const int n = std::atoi(env);
      if (n > 0) threads = n;
    }
    if (threads > 0) at::set_num_threads(threads);
    keepRenderBuffers();
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
