// Depth Anything V2 preprocessing on tensors only (any device), for pipelines
// without OpenCV. The reference resizes a float64 image with cv::resize
// INTER_CUBIC; this uses torch's bicubic (same A = -0.75 kernel, half-pixel
// centres, clamped borders, no antialiasing) in float32. For the exact reference
// path see core/media/depth_preprocess.h.
#pragma once
#include <torch/types.h>

namespace sds::depth {

// ImageNet statistics used by Depth Anything (RGB order).
constexpr double kImageNetMean[3] = {0.485, 0.456, 0.406};
constexpr double kImageNetStd[3] = {0.229, 0.224, 0.225};

// rgb01: [B, 3, H, W] float in [0, 1] -> [B, 3, net_h, net_w] float32, bicubic
// resized (values may overshoot [0, 1], as in the reference) and normalised.
torch::Tensor preprocessForDepth(const torch::Tensor& rgb01, int net_h, int net_w);

// [B, 3, h, w] RGB in [0, 1] -> (x - mean) / std per channel, float32.
torch::Tensor normalizeImageNet(const torch::Tensor& rgb01);

}  // namespace sds::depth
