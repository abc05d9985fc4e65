// Depth estimates as the disparity the stereo shift consumes (bigger = nearer),
// whatever the estimator outputs: V2's inverse depth is already disparity-like;
// Depth Anything 3's depth (relative or metres) becomes 1 / depth. Sky pixels go
// to the far plane: the smallest disparity of the rest of the map, so the sky
// sits behind everything without stretching the range the shift normalises.
#pragma once
#include <torch/types.h>

#include "core/engine/depth/depth_estimator.h"

namespace sds::depth {

// maps.map: [..., H, W] in `kind`; maps.sky: same shape bool or undefined
// -> [..., H, W] float32 disparity (>= 0, near = large), same device.
torch::Tensor toDisparity(const DepthMaps& maps, DepthOutputKind kind);

// estimator.estimateMaps(rgb01) through toDisparity: rgb01 [1, 3, H, W] (or
// [3, H, W]) in [0, 1] -> [H, W] float32 disparity on rgb01's device.
torch::Tensor estimateDisparity(DepthEstimator& estimator, const torch::Tensor& rgb01);

}  // namespace sds::depth
