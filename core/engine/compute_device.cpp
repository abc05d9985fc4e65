#include "core/engine/compute_device.h"

#include <torch/cuda.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define SDS_X86 1
#endif

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

namespace {

CpuFeatures probeCpu() {
  CpuFeatures f;
#ifdef SDS_X86
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27))) return f;  // no OSXSAVE: no AVX-512 state
  unsigned xcr0_lo = 0, xcr0_hi = 0;
  __asm__("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
  const bool avx512_state = (xcr0_lo & 0xE6u) == 0xE6u;  // SSE, AVX, opmask, ZMM upper halves, ZMM16-31
  if (__get_cpuid_max(0, nullptr) < 7 || !avx512_state) return f;
  __cpuid_count(7, 1, a, b, c, d);
  const bool avx512_bf16 = a & (1u << 5);
  __cpuid_count(7, 0, a, b, c, d);
  const bool amx_state = (xcr0_lo & (3u << 17)) == (3u << 17);  // tile config and tile data
  const bool amx_bf16 = (d & (1u << 22)) && amx_state;
  f.native_bf16 = avx512_bf16 || amx_bf16;
  if (avx512_bf16) f.bf16_units = amx_bf16 ? "AVX512-BF16 + AMX" : "AVX512-BF16";
  else if (amx_bf16) f.bf16_units = "AMX";
#endif
  return f;
}

}  // namespace

const CpuFeatures& cpuFeatures() {
  static const CpuFeatures features = [] {
    CpuFeatures f = probeCpu();
    if (const char* env = std::getenv("SDSTEREO_CPU_BF16"); env && *env) {
      f.native_bf16 = std::strcmp(env, "0") != 0;
      f.bf16_units = f.native_bf16 ? "SDSTEREO_CPU_BF16=1" : "";
    }
    return f;
  }();
  return features;
}

ComputeDtype resolveDtype(Precision precision, const c10::Device& device, const CpuFeatures& cpu) {
  const auto make = [&](c10::ScalarType dtype, DtypeReason reason) {
    const std::string name = dtypeName(dtype);
    switch (reason) {
      case DtypeReason::Chosen: return ComputeDtype{dtype, reason, name + " as chosen"};
      case DtypeReason::Emulated:
        return ComputeDtype{dtype, reason, name + " as chosen (this CPU has no native bfloat16: emulated, slower than float32)"};
      case DtypeReason::AutoCuda: return ComputeDtype{dtype, reason, "auto: " + name + " on CUDA"};
      case DtypeReason::AutoNativeBf16:
        return ComputeDtype{dtype, reason, "auto: the CPU computes bfloat16 natively (" + cpu.bf16_units + ")"};
      case DtypeReason::AutoNoBf16: break;
    }
    return ComputeDtype{dtype, reason, "auto: " + name + " (this CPU has no native bfloat16)"};
  };
  switch (precision) {
    case Precision::Float32:
      return make(c10::kFloat, DtypeReason::Chosen);
    case Precision::Float16:
      if (!device.is_cuda())
        throw Error("float16 needs a CUDA device (the CPU kernels are slow or missing); choose bfloat16 or float32.");
      return make(c10::kHalf, DtypeReason::Chosen);
    case Precision::BFloat16:
      return make(c10::kBFloat16, device.is_cpu() && !cpu.native_bf16 ? DtypeReason::Emulated : DtypeReason::Chosen);
    case Precision::Auto:
      break;
  }
  if (device.is_cuda()) return make(c10::kHalf, DtypeReason::AutoCuda);
  if (cpu.native_bf16) return make(c10::kBFloat16, DtypeReason::AutoNativeBf16);
  return make(c10::kFloat, DtypeReason::AutoNoBf16);
}

Precision precisionOf(c10::ScalarType dtype) {
  return dtype == c10::kHalf ? Precision::Float16 : dtype == c10::kBFloat16 ? Precision::BFloat16 : Precision::Float32;
}

std::string dtypeName(c10::ScalarType dtype) {
  switch (dtype) {
    case c10::kFloat: return "float32";
    case c10::kBFloat16: return "bfloat16";
    case c10::kHalf: return "float16";
    default: return c10::toString(dtype);
  }
}

}  // namespace sds
