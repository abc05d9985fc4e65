#include "core/media/depth_preprocess.h"

#include <opencv2/imgproc.hpp>

#include "core/engine/depth/depth_preprocess_torch.h"
#include "core/engine/depth/depth_size_rule.h"
#include "core/base/error.h"

namespace sds::media {
namespace {

double unitScale(int depth) {
  switch (depth) {
    case CV_8U: return 255.0;
    case CV_16U: return 65535.0;
    case CV_32F:
    case CV_64F: return 1.0;
    default: throw Error("Depth estimation supports 8-bit, 16-bit and float images only.");
  }
}

}  // namespace

cv::Mat toRgb64(const cv::Mat& image) {
  if (image.empty()) throw Error("Cannot estimate depth for an empty image.");
  const double scale = unitScale(image.depth());
  cv::Mat rgb;
  switch (image.channels()) {
    case 1: cv::cvtColor(image, rgb, cv::COLOR_GRAY2RGB); break;
    case 3: cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB); break;
    case 4: cv::cvtColor(image, rgb, cv::COLOR_BGRA2RGB); break;
    default: throw Error("Images with " + std::to_string(image.channels()) + " channels are not supported for depth.");
  }
  cv::Mat rgb64;
  rgb.convertTo(rgb64, CV_64F);
  if (scale != 1.0) rgb64 /= scale;  // the reference divides the float64 image by 255
  return rgb64;
}

DepthNetworkInput prepareDepthInput(const cv::Mat& image, int input_size, int max_long_side) {
  if (image.empty()) throw Error("Cannot estimate depth for an empty image.");
  const auto size = depth::limitedDepthNetworkSize(image.rows, image.cols, input_size, max_long_side);
  return prepareDepthInputAt(image, size.height, size.width);
}

DepthNetworkInput prepareDepthInputAt(const cv::Mat& image, int net_h, int net_w) {
  if (net_h <= 0 || net_w <= 0) throw Error("The depth network size must be positive.");
  const cv::Mat rgb64 = toRgb64(image);
  cv::Mat resized;
  cv::resize(rgb64, resized, cv::Size(net_w, net_h), 0, 0, cv::INTER_CUBIC);  // values may overshoot [0, 1]

  DepthNetworkInput out;
  out.height = net_h;
  out.width = net_w;
  out.image_height = image.rows;
  out.image_width = image.cols;
  const size_t plane = size_t(net_h) * size_t(net_w);
  out.chw.resize(3 * plane);
  for (int y = 0; y < net_h; ++y) {
    const auto* row = resized.ptr<cv::Vec3d>(y);
    for (int x = 0; x < net_w; ++x)
      for (int c = 0; c < 3; ++c)
        out.chw[size_t(c) * plane + size_t(y) * net_w + x] =
            float((row[x][c] - depth::kImageNetMean[c]) / depth::kImageNetStd[c]);
  }
  return out;
}

}  // namespace sds::media
