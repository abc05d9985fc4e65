#include "core/media/compute_devices.h"

#include <torch/cuda.h>

namespace sds::media {

ComputeDevices computeDevices() {
  ComputeDevices d;
  d.cuda_count = torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0;
  if (d.cuda_count == 0) d.cuda_unavailable = "LibTorch reports no CUDA device on this computer.";
  return d;
}

}  // namespace sds::media
