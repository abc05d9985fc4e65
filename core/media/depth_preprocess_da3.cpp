#include "core/media/internal/depth_preprocess_da3.h"

#include <opencv2/imgproc.hpp>

#include "core/engine/depth/depth_preprocess_torch.h"
#include "core/base/error.h"

namespace sds::media {
namespace {

// cv::resize as InputProcessor calls it: AREA unless a side grows.
cv::Mat resizeU8(const cv::Mat& rgb, int height, int width) {
  if (rgb.rows == height && rgb.cols == width) return rgb;
  const bool grows = width > rgb.cols || height > rgb.rows;
  cv::Mat out;
  cv::resize(rgb, out, cv::Size(width, height), 0, 0, grows ? cv::INTER_CUBIC : cv::INTER_AREA);
  return out;
}

}  // namespace

cv::Mat toRgb8(const cv::Mat& image) {
  if (image.empty()) throw Error("Cannot estimate depth for an empty image.");
  if (image.depth() == CV_8U && image.channels() == 3) {
    cv::Mat rgb;
    cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB);
    return rgb;
  }
  // Other types through the shared float conversion, rounded back to 8 bits.
  cv::Mat rgb8;
  toRgb64(image).convertTo(rgb8, CV_8U, 255.0);
  return rgb8;
}

DepthNetworkInput prepareDa3InputAt(const cv::Mat& image, const depth::DepthNetSize& size, cv::Mat* resized_u8) {
  if (size.height <= 0 || size.width <= 0) throw Error("The depth network size must be positive.");
  cv::Mat rgb = toRgb8(image);
  if (size.resized_height > 0 && size.resized_width > 0) rgb = resizeU8(rgb, size.resized_height, size.resized_width);
  rgb = resizeU8(rgb, size.height, size.width);
  if (resized_u8) *resized_u8 = rgb.clone();

  DepthNetworkInput out;
  out.height = size.height;
  out.width = size.width;
  out.image_height = image.rows;
  out.image_width = image.cols;
  const size_t plane = size_t(size.height) * size_t(size.width);
  out.chw.resize(3 * plane);
  for (int y = 0; y < size.height; ++y) {
    const auto* row = rgb.ptr<cv::Vec3b>(y);
    for (int x = 0; x < size.width; ++x)
      for (int c = 0; c < 3; ++c)
        out.chw[size_t(c) * plane + size_t(y) * size.width + x] =
            (float(row[x][c]) / 255.0f - float(depth::kImageNetMean[c])) / float(depth::kImageNetStd[c]);
  }
  return out;
}

}  // namespace sds::media
