#include "ui/document/preview_sources.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/media/image_io.h"

namespace sds::ui {

cv::Size previewSize(cv::Size full, int max_side) {
  const int long_side = std::max(full.width, full.height);
  if (long_side <= max_side || max_side <= 0) return full;
  const double f = double(max_side) / long_side;
  return {std::max(1, int(std::lround(full.width * f))), std::max(1, int(std::lround(full.height * f)))};
}

cv::Mat previewImage(const cv::Mat& image, cv::Size size) {
  cv::Mat small;
  if (image.size() == size) {
    small = image;
  } else {
    cv::resize(image, small, size, 0, 0, cv::INTER_AREA);
  }
  cv::Mat bgr = media::toBgr8(small);
  return bgr.data == image.data ? bgr.clone() : bgr;  // never alias the full-resolution buffer
}

cv::Mat previewDepth(const cv::Mat& depth, cv::Size size) {
  cv::Mat f;
  depth.convertTo(f, CV_32F);
  if (f.size() != size) cv::resize(f, f, size, 0, 0, cv::INTER_AREA);
  return f;
}

cv::Mat previewDisparity(const cv::Mat& disparity_px, cv::Size size) {
  cv::Mat f;
  disparity_px.convertTo(f, CV_32F, double(size.width) / disparity_px.cols);
  if (f.size() != size) cv::resize(f, f, size, 0, 0, cv::INTER_NEAREST);
  return f;
}

cv::Mat depthForDisplay(const cv::Mat& depth, cv::Size size) {
  cv::Mat f = previewDepth(depth, size), out;
  cv::normalize(f, out, 0, 255, cv::NORM_MINMAX, CV_8U);
  return out;
}

}  // namespace sds::ui
