// A depth map whose aspect differs from the photo's is never stretched without
// asking: the user chooses to fit it (scale to the photo, distorting it) or to
// crop it (the centre at the photo's aspect), or to cancel.
#pragma once
#include <opencv2/core.hpp>

namespace sds::ui {

enum class DepthFit { Fit, Crop };

// True when the two sizes have the same aspect within 1 % (a uniformly scaled
// depth map is fine: the render scales it without distortion).
bool aspectMatches(cv::Size photo, cv::Size depth);

// depth: one channel -> Fit: resized to `photo`; Crop: its centre at the
// photo's aspect, at the depth map's own resolution. Values unchanged.
cv::Mat fitDepth(const cv::Mat& depth, cv::Size photo, DepthFit how);

}  // namespace sds::ui
