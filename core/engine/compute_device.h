// The one parser of device and precision names, shared by the CLI, the media
// facades and the depth estimator, so every entry point accepts the same
// words and says the same thing when they are wrong.
#pragma once
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>

namespace sds {

// "cpu", "cuda" or "cuda:N" (an empty name is the CPU). Throws sds::Error for
// an unknown name, another device type, or CUDA when LibTorch sees no CUDA
// device.
c10::Device parseDevice(const std::string& name);

// float16 when `half` (CUDA only: the CPU kernels run float32), else float32.
// Throws sds::Error for half precision on a device other than CUDA.
c10::ScalarType computeDtype(bool half, const c10::Device& device);

}  // namespace sds
