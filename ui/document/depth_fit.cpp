#include "ui/document/depth_fit.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace sds::ui {

bool aspectMatches(cv::Size photo, cv::Size depth) {
  if (photo.empty() || depth.empty()) return true;
  const double a = double(photo.width) / photo.height, b = double(depth.width) / depth.height;
  return std::abs(a / b - 1.0) <= 0.01;
}

cv::Mat fitDepth(const cv::Mat& depth, cv::Size photo, DepthFit how) {
  if (how == DepthFit::Fit) {
    cv::Mat out;
    cv::resize(depth, out, photo, 0, 0, cv::INTER_LINEAR);
    return out;
  }
  const double aspect = double(photo.width) / photo.height;
  int w = depth.cols, h = depth.rows;
  if (double(w) / h > aspect)
    w = std::max(1, int(std::lround(h * aspect)));
  else
    h = std::max(1, int(std::lround(w / aspect)));
  const cv::Rect centre((depth.cols - w) / 2, (depth.rows - h) / 2, w, h);
  return depth(centre).clone();
}

}  // namespace sds::ui
