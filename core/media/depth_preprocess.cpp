#include "core/media/depth_preprocess.h"

#include <opencv2/imgproc.hpp>

#include "core/engine/depth/depth_size_rule.h"
#include "models/common/error.h"

namespace sds::media {
namespace {

constexpr double kMean[3] = {0.485, 0.456, 0.406};  // RGB, as core/engine/depth/depth_preprocess_torch.h
constexpr double kStd[3] = {0.229, 0.224, 0.225};

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
  const cv::Mat rgb64 = toRgb64(image);
  const auto size = depth::limitedDepthNetworkSize(image.rows, image.cols, input_size, max_long_side);
  cv::Mat resized;
  cv::resize(rgb64, resized, cv::Size(size.width, size.height), 0, 0, cv::INTER_CUBIC);  // values may overshoot

  DepthNetworkInput out;
  out.height = size.height;
  out.width = size.width;
  out.image_height = image.rows;
  out.image_width = image.cols;
  const size_t plane = size_t(size.height) * size_t(size.width);
  out.chw.resize(3 * plane);
  for (int y = 0; y < size.height; ++y) {
    const auto* row = resized.ptr<cv::Vec3d>(y);
    for (int x = 0; x < size.width; ++x)
      for (int c = 0; c < 3; ++c)
        out.chw[size_t(c) * plane + size_t(y) * size.width + x] = float((row[x][c] - kMean[c]) / kStd[c]);
  }
  return out;
}

}  // namespace sds::media
