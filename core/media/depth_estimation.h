// Depth estimation for the CLI and the studio, on cv::Mat (no torch here): load
// a Depth Anything V2 or 3 model once, then turn images into relative inverse
// depth maps (near = large) at the image's own size, and into the model's own
// output (DA3: depth or metres, with its sky mask). Preprocessing is the exact
// reference one of the model (depth_preprocess.h, depth_preprocess_da3.h); the
// network is core/engine/depth.
#pragma once
#include <memory>
#include <string>

#include <opencv2/core.hpp>

#include "core/engine/depth/depth_estimator_options.h"

namespace sds::depth {
class DepthEstimator;
}

namespace sds::media {

// The engine's own options (input size, device, precision, size limit, focal
// length or field of view for metric models).
using DepthModelOptions = depth::DepthEstimatorOptions;

// One photo's estimate, each map CV_32FC1 at the image size.
struct DepthEstimate {
  cv::Mat disparity;  // relative inverse depth (near = large), sky at the far plane: what the stereo renderers take
  cv::Mat raw;        // the model's own output: V2 inverse depth, DA3 relative depth or metres (near = small)
  cv::Mat sky;        // CV_8UC1, 255 = sky; empty for models without a sky branch
  std::string raw_kind;  // "inverse depth" | "relative depth" | "metric depth (m)"
  bool raw_is_depth = false;  // raw grows with distance (DA3); false: it shrinks (V2)
};

// Opaque: one loaded model. Not for concurrent use from several threads.
class DepthModel;
using DepthModelHandle = std::shared_ptr<DepthModel>;

// `path`: folder or .safetensors file (transformers or official layout); .pth is
// refused with a conversion hint. Throws sds::Error.
DepthModelHandle loadDepthModel(const std::string& path, const DepthModelOptions& options = {});

// Wraps an engine estimator that is already loaded (pipelines share one).
DepthModelHandle wrapDepthEstimator(std::shared_ptr<depth::DepthEstimator> estimator);

std::string describeDepthModel(const DepthModelHandle& model);

// image: BGR, grey or BGRA, 8/16-bit or float -> CV_32FC1 relative inverse depth
// at the image size (not normalised; image_io.h mapTo16Bit() writes it as a
// 16-bit PNG), whatever the model outputs. Throws sds::Error.
cv::Mat estimateDepth(const DepthModelHandle& model, const cv::Mat& image);

// The same, with the model's own output and its sky mask.
DepthEstimate estimateDepthMaps(const DepthModelHandle& model, const cv::Mat& image);

// Depth map -> CV_8UC3 BGR colour preview (inferno colour map, near = bright).
cv::Mat depthPreview(const cv::Mat& depth);

}  // namespace sds::media
