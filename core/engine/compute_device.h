// The one parser of device and precision names, shared by the CLI, the media
// facades and the depth estimator, so every entry point accepts the same
// words and says the same thing when they are wrong.
#pragma once
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>

#include "core/engine/precision.h"

namespace sds {

// "cpu", "cuda" or "cuda:N" (an empty name is the CPU). Throws sds::Error for
// an unknown name, another device type, or CUDA when LibTorch sees no CUDA
// device.
c10::Device parseDevice(const std::string& name);

// What this CPU computes natively, for Precision::Auto.
struct CpuFeatures {
  bool native_bf16 = false;  // AVX512-BF16 or AMX-BF16, enabled by the OS
  std::string bf16_units;    // "AVX512-BF16", "AVX512-BF16 + AMX", or "" when none
};

// Asks the processor (cpuid and the OS's saved register state), once.
// SDSTEREO_CPU_BF16=0 or 1 overrides the answer (to try the other path).
const CpuFeatures& cpuFeatures();

// A precision choice made concrete for a device.
struct ComputeDtype {
  c10::ScalarType dtype = c10::kFloat;
  DtypeReason reason = DtypeReason::Chosen;
  std::string why;  // reason as one English clause, e.g. "auto: the CPU computes bfloat16 natively (AVX512-BF16)"
};

// Auto: float16 on CUDA, bfloat16 on a CPU with native bfloat16, float32
// otherwise. float16 on a CPU is refused (its CPU kernels are slow or
// missing); bfloat16 on a CPU without native support is allowed (it is
// emulated and slower than float32, which `why` says). Throws sds::Error.
ComputeDtype resolveDtype(Precision precision, const c10::Device& device, const CpuFeatures& cpu = cpuFeatures());

// The explicit choice that resolves to `dtype` (float32 for other types).
Precision precisionOf(c10::ScalarType dtype);

// "float32", "bfloat16", "float16" (the words of --dtype); LibTorch's name otherwise.
std::string dtypeName(c10::ScalarType dtype);

}  // namespace sds
