// The arithmetic precision a user chooses for the networks (text encoder,
// UNet, VAE, depth model): one vocabulary for the CLI's --dtype, the studio's
// choice and the fixture runner. Plain C++ (no torch): every layer reaches it
// through sds_engine_vocabulary; compute_device.h turns a choice into a
// LibTorch dtype for a device.
#pragma once
#include <string>

#include "core/base/error.h"

namespace sds {

// Auto: float16 on CUDA, bfloat16 on a CPU that computes it natively
// (AVX512-BF16 or AMX), float32 otherwise.
enum class Precision { Auto, Float32, BFloat16, Float16 };

// What the CLI and the studio use unless the user says otherwise. The engine's
// own option structs default to float32, the precision of the references.
inline constexpr Precision kDefaultPrecision = Precision::Auto;

inline const char* precisionName(Precision p) {
  switch (p) {
    case Precision::Float32: return "float32";
    case Precision::BFloat16: return "bfloat16";
    case Precision::Float16: return "float16";
    case Precision::Auto: break;
  }
  return "auto";
}

// "auto", "float32" (also "fp32"), "bfloat16" ("bf16"), "float16" ("fp16",
// "half"). Throws sds::Error naming the accepted words.
inline Precision parsePrecision(const std::string& name) {
  for (const Precision p : {Precision::Auto, Precision::Float32, Precision::BFloat16, Precision::Float16})
    if (name == precisionName(p)) return p;
  if (name == "fp32") return Precision::Float32;
  if (name == "bf16") return Precision::BFloat16;
  if (name == "fp16" || name == "half") return Precision::Float16;
  throw Error("Unknown dtype '" + name.substr(0, 40) + "'; use auto, float32, bfloat16 or float16.");
}

// Why a choice became the dtype it did: the one classification behind the
// CLI's English clause (compute_device.h) and the studio's translated note.
enum class DtypeReason {
  Chosen,          // the user's explicit choice
  Emulated,        // bfloat16 chosen on a CPU without native bfloat16: runs, slower than float32
  AutoCuda,        // auto on CUDA: float16
  AutoNativeBf16,  // auto on a CPU with native bfloat16
  AutoNoBf16,      // auto on a CPU without it: float32
};

}  // namespace sds
