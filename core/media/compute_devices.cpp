#include "core/media/compute_devices.h"

#include <torch/cuda.h>

#include "core/base/error.h"
#include "core/engine/compute_device.h"

namespace sds::media {

ComputeDevices computeDevices() {
  ComputeDevices d;
  d.cuda_count = torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0;
  if (d.cuda_count == 0) d.cuda_unavailable = "LibTorch reports no CUDA device on this computer.";
  return d;
}

ResolvedPrecision resolvePrecision(const std::string& device, Precision precision) {
  try {
    const ComputeDtype d = resolveDtype(precision, parseDevice(device));
    return {dtypeName(d.dtype), d.why};
  } catch (const Error& e) {
    return {"", e.what()};
  }
}

}  // namespace sds::media
