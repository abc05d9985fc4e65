// Which compute devices this build of LibTorch can use, for choosers that must
// not offer what would fail (the studio's device combo). No torch here.
#pragma once
#include <string>

namespace sds::media {

struct ComputeDevices {
  int cuda_count = 0;          // CUDA devices LibTorch reports
  std::string cuda_unavailable; // why CUDA cannot be used, one sentence; empty when it can
};

ComputeDevices computeDevices();

}  // namespace sds::media
