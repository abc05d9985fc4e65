// The classical renderer's cv::Mat face: photo + depth map -> stereo pair. The
// warp and fill run in core/engine (LibTorch); this is what the CLI and the
// studio call.
#pragma once
#include <opencv2/core.hpp>

#include "core/media/render_params.h"

namespace sds::media {

struct StereoPair {
  cv::Mat left;            // CV_8UC3 BGR
  cv::Mat right;           // CV_8UC3 BGR
  cv::Mat disparity_px;    // CV_32FC1, the left view's disparity in pixels that was applied
  cv::Mat holes;           // CV_8UC1, 255 where the right view was disoccluded and filled
  cv::Mat holes_left;      // CV_8UC1, the same for the left view (all 0 unless both views are synthesised)
};

// image: 8/16-bit grey, BGR or BGRA. depth: single channel, any size (resized
// to the image). Throws sds::Error on bad input.
StereoPair renderStereo(const cv::Mat& image, const cv::Mat& depth, const RenderParams& params);

}  // namespace sds::media
