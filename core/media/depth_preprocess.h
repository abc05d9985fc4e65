// The exact reference preprocessing of Depth Anything V2
// (DepthAnythingV2.image2tensor): BGR -> RGB in float64 / 255, the lower_bound
// multiple-of-14 size rule, cv::resize INTER_CUBIC on the float64 image,
// ImageNet normalisation, planar float32 output. Torch-free: the network input
// is a plain buffer (see depth_estimation.h for the model).
#pragma once
#include <vector>

#include <opencv2/core.hpp>

namespace sds::media {

struct DepthNetworkInput {
  int height = 0, width = 0;              // network input size (multiples of 14)
  int image_height = 0, image_width = 0;  // the source image
  std::vector<float> chw;                 // 3 x height x width: R, G, B planes, normalised
};

// image: 1 (grey), 3 (BGR) or 4 (BGRA, alpha dropped) channels, 8-bit, 16-bit or
// float (taken as [0, 1]). max_long_side: 0 = the reference size rule exactly;
// else the network's long side is limited to it (see depth_size_rule.h).
// Throws sds::Error for empty or unsupported images.
DepthNetworkInput prepareDepthInput(const cv::Mat& image, int input_size = 518, int max_long_side = 0);

// The same at a given network size (e.g. DepthEstimator::networkSize()).
DepthNetworkInput prepareDepthInputAt(const cv::Mat& image, int net_h, int net_w);

// The image as RGB float64 in [0, 1] (grey repeated, alpha dropped), the first
// step of the preprocessing.
cv::Mat toRgb64(const cv::Mat& image);

}  // namespace sds::media
