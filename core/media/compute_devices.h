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
// the engine's reason code so the studio can say it in the user's language.
struct ResolvedPrecision {
  bool available = true;  // false: it cannot run there (error says why)
  std::string dtype;      // "float32", "bfloat16", "float16"; empty when not available
  DtypeReason reason = DtypeReason::Chosen;
  std::string units;  // DtypeReason::AutoNativeBf16: "AVX512-BF16", "AVX512-BF16 + AMX", "AMX"
  std::string error;  // not available: one English sentence (the engine's message)
};
ResolvedPrecision resolvePrecision(const std::string& device, Precision precision);

}  // namespace sds::media
