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
  using Reason = ResolvedPrecision::Reason;
  ResolvedPrecision r;
  try {
    const c10::Device device = parseDevice(device_name);
    const CpuFeatures& cpu = cpuFeatures();
    r.dtype = dtypeName(resolveDtype(precision, device, cpu).dtype);
    if (precision != Precision::Auto)
      r.reason = precision == Precision::BFloat16 && device.is_cpu() && !cpu.native_bf16 ? Reason::Emulated
                                                                                          : Reason::Chosen;
    else
      r.reason = device.is_cuda() ? Reason::AutoCuda : cpu.native_bf16 ? Reason::AutoNativeBf16 : Reason::AutoNoBf16;
    r.units = cpu.bf16_units;
  } catch (const Error& e) {
    r = {};
    r.reason = Reason::Unavailable;
    r.error = e.what();
  }
  return r;
}

}  // namespace sds::media
