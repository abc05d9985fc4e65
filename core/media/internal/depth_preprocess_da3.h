// The exact reference preprocessing of Depth Anything 3 (utils/io/input_processor.py
// InputProcessor, "upper_bound_resize"): the photo as 8-bit RGB, cv::resize to
// the long-side size and again to the multiple-of-14 size, each on uint8 with
// INTER_AREA when no side grows and INTER_CUBIC otherwise, then float32 / 255 and
// ImageNet normalisation, planar. Torch-free; the sizes come from
// depth::da3NetworkSize (core/engine/depth/depth_size_rule.h).
#pragma once
#include <opencv2/core.hpp>

#include "core/engine/depth/depth_size_rule.h"
#include "core/media/depth_preprocess.h"

namespace sds::media {

// image: grey, BGR or BGRA, 8/16-bit or float ([0, 1]) -> CV_8UC3 RGB (rounded).
cv::Mat toRgb8(const cv::Mat& image);

// image -> the network input at `size` (size.resized_* = the first resize, 0 =
// none). `resized_u8`, when given, receives the uint8 RGB image after both resizes.
// Throws sds::Error for empty or unsupported images.
DepthNetworkInput prepareDa3InputAt(const cv::Mat& image, const depth::DepthNetSize& size, cv::Mat* resized_u8 = nullptr);

}  // namespace sds::media
