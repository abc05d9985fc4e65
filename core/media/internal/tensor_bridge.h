// cv::Mat <-> torch::Tensor conversions for core's own .cpp files. This header
// includes torch, so it is internal to core: ui never includes it.
//
// Conventions: images cross into the engine as [1,3,H,W] float32 RGB in [0,1];
// single-channel maps as [H,W] float32. cv::Mat images are BGR (OpenCV order).
#pragma once
#include <opencv2/core.hpp>
#include <torch/types.h>

namespace sds::media {

// 8-bit or 16-bit, 1/3/4-channel BGR(A) -> [1,3,H,W] float32 RGB in [0,1]
// (grey is repeated, alpha dropped). Throws sds::Error on other types.
torch::Tensor imageToTensor01(const cv::Mat& image);

// [1,3,H,W] or [3,H,W] float RGB in [0,1] (clamped) -> CV_8UC3 BGR, rounded.
cv::Mat tensor01ToImage8(const torch::Tensor& rgb);

// Single-channel cv::Mat of any depth -> [H,W] float32 (values unchanged).
torch::Tensor mapToTensor(const cv::Mat& map);

// [H,W] (or [1,H,W], [1,1,H,W]) float tensor -> CV_32FC1.
cv::Mat tensorToMap(const torch::Tensor& map);

}  // namespace sds::media
