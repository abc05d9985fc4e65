// Depth Anything V2 preprocessing on tensors only (any device), for pipelines
// without OpenCV. The reference resizes a float64 image with cv::resize
// INTER_CUBIC; this uses torch's bicubic (same A = -0.75 kernel, half-pixel
// centres, clamped borders, no antialiasing) in float32. For the exact reference
// path see core/media/depth_preprocess.h.
#pragma once
#include <torch/types.h>

#include "core/engine/depth/depth_size_rule.h"

namespace sds::depth {

// ImageNet statistics used by Depth Anything (RGB order).
constexpr double kImageNetMean[3] = {0.485, 0.456, 0.406};
constexpr double kImageNetStd[3] = {0.229, 0.224, 0.225};

// rgb01: [B, 3, H, W] float in [0, 1] -> [B, 3, net_h, net_w] float32, bicubic
// resized (values may overshoot [0, 1], as in the reference) and normalised.
torch::Tensor preprocessForDepth(const torch::Tensor& rgb01, int net_h, int net_w);

// Depth Anything 3's preprocessing (InputProcessor) on tensors: the image
// rounded to uint8, resized to size.resized_* and then to size.height x width,
// each time back to uint8, with cv::resize's choice (box/area weights when no
// side grows, bicubic otherwise), then normalised. The area step is exact box
// filtering; bicubic is torch's float kernel (OpenCV's uint8 path is fixed point,
// so a value may differ by 1). The exact OpenCV path is core/media/internal/depth_preprocess_da3.h.
// rgb01: [B, 3, H, W] float in [0, 1] -> [B, 3, size.height, size.width] float32.
torch::Tensor preprocessForDa3(const torch::Tensor& rgb01, const DepthNetSize& size);

// [B, 3, h, w] RGB in [0, 1] -> (x - mean) / std per channel, float32.
torch::Tensor normalizeImageNet(const torch::Tensor& rgb01);

}  // namespace sds::depth
