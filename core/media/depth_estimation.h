// Depth estimation for the CLI and the studio, on cv::Mat (no torch here): load
// a Depth Anything V2 model once, then turn images into relative inverse depth
// maps (near = large) at the image's own size. Preprocessing is the exact
// reference one (depth_preprocess.h); the network is core/engine/depth.
#pragma once
#include <memory>
#include <string>

#include <opencv2/core.hpp>

namespace sds::depth {
class DepthEstimator;
}

namespace sds::media {

struct DepthModelOptions {
  int input_size = 518;              // short side of the network input
  std::string device = "cpu";        // "cpu", "cuda", "cuda:N"
  bool half = false;                 // float16 (CUDA only)
  double max_long_side_factor = 4.0; // long side <= factor * input_size; 0 = exact reference rule
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
// 16-bit PNG). Throws sds::Error.
cv::Mat estimateDepth(const DepthModelHandle& model, const cv::Mat& image);

// Depth map -> CV_8UC3 BGR colour preview (inferno colour map, near = bright).
cv::Mat depthPreview(const cv::Mat& depth);

}  // namespace sds::media
