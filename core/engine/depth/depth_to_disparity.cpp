#include "core/engine/depth/depth_to_disparity.h"

#include <torch/torch.h>

#include "core/base/error.h"

namespace sds::depth {

torch::Tensor toDisparity(const DepthMaps& maps, DepthOutputKind kind) {
  // maps.map: [..., H, W]
  if (!maps.map.defined()) throw Error("There is no depth map to turn into disparity.");
  auto disparity = maps.map.to(torch::kFloat32);
  if (kind != DepthOutputKind::InverseDepth) {
    // exp() keeps the network's depth positive; guard against a zero from a user-made map.
    disparity = 1.0 / disparity.clamp_min(1e-12);
  }
  if (!maps.sky.defined()) return disparity;
  if (maps.sky.sizes() != disparity.sizes()) throw Error("The sky mask and the depth map differ in size.");
  const auto sky = maps.sky.to(torch::kBool);
  const auto clear = disparity.masked_select(sky.logical_not());
  if (clear.numel() == 0) return disparity;  // all sky: nothing to be behind
  return disparity.masked_fill(sky, clear.min().item<float>());
}

torch::Tensor estimateDisparity(DepthEstimator& estimator, const torch::Tensor& rgb01) {
  return toDisparity(estimator.estimateMaps(rgb01), estimator.outputKind());
}

}  // namespace sds::depth
