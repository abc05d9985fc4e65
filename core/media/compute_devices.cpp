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

ResolvedPrecision resolvePrecision(const std::string& device_name, Precision precision) {
  ResolvedPrecision r;
  try {
    const ComputeDtype d = resolveDtype(precision, parseDevice(device_name));
    r.dtype = dtypeName(d.dtype);
    r.reason = d.reason;
    r.units = cpuFeatures().bf16_units;
  } catch (const Error& e) {
    r = {};
    r.available = false;
    r.error = e.what();
  }
  return r;
}

}  // namespace sds::media
