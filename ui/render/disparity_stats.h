// Histogram of the disparity a render applied, for the studio's plot.
#pragma once
#include <opencv2/core.hpp>

#include "ui/render/render_types.h"

namespace sds::ui {

// disparity_px: CV_32FC1 at preview resolution; to_full scales it to
// full-resolution pixels. Bins span [min, max] (one bin of width 1 when flat).
DisparityHistogram disparityHistogram(const cv::Mat& disparity_px, double to_full, int bins = 64);

}  // namespace sds::ui
