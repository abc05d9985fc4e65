#include "core/engine/compute_device.h"

#include <torch/cuda.h>

#include <exception>
#include <optional>

#include "core/base/error.h"

namespace sds {

c10::Device parseDevice(const std::string& name) {
  if (name.empty()) return c10::Device(c10::kCPU);
  std::optional<c10::Device> device;
  try {
    device.emplace(name);
  } catch (const std::exception&) {
    throw Error("Unknown device '" + name + "'; use cpu, cuda or cuda:N.");
  }
  if (!device->is_cpu() && !device->is_cuda())
    throw Error("The device '" + name + "' is not supported; use cpu, cuda or cuda:N.");
  if (device->is_cuda() && !torch::cuda::is_available())
    throw Error("The device '" + name + "' was chosen, but LibTorch sees no CUDA device here; choose cpu.");
  return *device;
}

c10::ScalarType computeDtype(bool half, const c10::Device& device) {
  if (half && !device.is_cuda())
    throw Error("Half precision (float16) needs a CUDA device; choose cuda or run in float32.");
  return half ? c10::kHalf : c10::kFloat;
}

}  // namespace sds
