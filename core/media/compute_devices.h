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

// What a precision choice becomes on a device ("cpu", "cuda", "cuda:N").
struct ResolvedPrecision {
  std::string dtype;  // "float32", "bfloat16", "float16"; empty when the choice cannot run there
  std::string why;    // one clause: why this dtype, or why the choice cannot run there
};
ResolvedPrecision resolvePrecision(const std::string& device, Precision precision);

}  // namespace sds::media
