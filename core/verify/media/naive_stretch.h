// The metrics fixture's naive "stretch" right view (shared/fixtures/metrics/README.md):
// every left pixel with a known disparity moves to x - trunc(d), nearest wins,
// unwritten pixels are holes. Kept as the reference the classical renderer must beat.
#pragma once
#include <opencv2/core.hpp>

namespace sds::verify {

struct StretchResult {
  cv::Mat image;  // CV_8UC3, holes (0,0,0)
  cv::Mat holes;  // CV_8UC1, 255 = hole
};

// left: CV_8UC3; disparity: CV_32FC1 in pixels at left's resolution, 0 = unknown.
StretchResult naiveStretch(const cv::Mat& left, const cv::Mat& disparity);

}  // namespace sds::verify
