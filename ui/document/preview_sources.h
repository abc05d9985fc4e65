// Downscaling a loaded photo and depth map to the live preview's resolution.
#pragma once
#include <opencv2/core.hpp>

#include "ui/render/render_types.h"

namespace sds::ui {

constexpr int kDefaultPreviewMaxSide = 1024;

// The size an image of `full` size is previewed at: long side <= max_side.
cv::Size previewSize(cv::Size full, int max_side);

// image: any layout loadImage returns -> CV_8UC3 BGR at `size`.
cv::Mat previewImage(const cv::Mat& image, cv::Size size);

// depth: one channel, any depth -> CV_32FC1 at `size`, values unchanged.
cv::Mat previewDepth(const cv::Mat& depth, cv::Size size);

// A disparity map in full-resolution pixels -> CV_32FC1 at `size` in preview
// pixels, resampled without blending so 0 (unknown) stays 0.
cv::Mat previewDisparity(const cv::Mat& disparity_px, cv::Size size);

// depth: one channel -> CV_8UC1 stretched min..max for display.
cv::Mat depthForDisplay(const cv::Mat& depth, cv::Size size);

}  // namespace sds::ui
