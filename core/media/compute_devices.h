// Which compute devices this build of LibTorch can use, for choosers that must
// not offer what would fail (the studio's device combo). No torch here.
#pragma once
#include <string>

#include "core/engine/precision.h"

namespace sds::media {

struct ComputeDevices {
  int cuda_count = 0;          // CUDA devices LibTorch reports
  std::string cuda_unavailable; // why CUDA cannot be used, one sentence; empty when it can
};

ComputeDevices computeDevices();

// What a precision choice becomes on a device ("cpu", "cuda", "cuda:N"), with
// the reason as a code so the studio can say it in the user's language.
struct ResolvedPrecision {
  enum class Reason {
    Chosen,          // the user's explicit choice
    AutoCuda,        // auto on CUDA: float16
    AutoNativeBf16,  // auto on a CPU with native bfloat16 (units says which)
    AutoNoBf16,      // auto on a CPU without it: float32
    Emulated,        // bfloat16 chosen on a CPU without native bfloat16: runs, slower than float32
    Unavailable,     // cannot run there (error says why)
  };
  std::string dtype;  // "float32", "bfloat16", "float16"; empty when Unavailable
  Reason reason = Reason::Chosen;
  std::string units;  // Reason::AutoNativeBf16: "AVX512-BF16", "AVX512-BF16 + AMX", "AMX"
  std::string error;  // Reason::Unavailable: one English sentence (the engine's message)
};
ResolvedPrecision resolvePrecision(const std::string& device, Precision precision);

}  // namespace sds::media
