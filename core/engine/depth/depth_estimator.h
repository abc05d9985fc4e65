// The one depth interface the pipelines and the studio use: an RGB image in,
// relative inverse depth (near = large, not normalised) out, at the image size,
// ready for the stereo pixel shift. Images are always resized to the model's
// input size first (never run at full resolution by accident); the result is
// resized back with bilinear align_corners=True, as the reference infer_image.
#pragma once
#include <memory>
#include <string>

#include <torch/types.h>

#include "core/engine/depth/depth_size_rule.h"

namespace sds::depth {

class DepthAnythingV2;

struct DepthEstimatorOptions {
  int input_size = 518;          // short side of the network input (multiple of 14 recommended)
  std::string device = "cpu";    // "cpu", "cuda" or "cuda:N"
  bool half = false;             // float16 weights and activations (CUDA only)
  // The network input's long side is kept <= factor * input_size (panoramas);
  // 0 applies the reference size rule exactly, however long the side gets.
  double max_long_side_factor = 4.0;
};

class DepthEstimator {
 public:
  virtual ~DepthEstimator() = default;

  // rgb01: [1, 3, H, W] (or [3, H, W]) float in [0, 1], any device
  // -> [H, W] float32 relative inverse depth, on rgb01's device. Preprocesses
  // with torch bicubic (depth_preprocess_torch.h).
  virtual torch::Tensor estimate(const torch::Tensor& rgb01) = 0;

  // input: a normalised network input [B, 3, h, w] (e.g. from the OpenCV
  // reference preprocessing) -> [B, out_h, out_w] float32 on the CPU.
  virtual torch::Tensor estimatePreprocessed(const torch::Tensor& input, int64_t out_h, int64_t out_w) = 0;

  // The network input size used for an image_h x image_w image.
  virtual DepthNetSize networkSize(int image_h, int image_w) const = 0;
  virtual const DepthEstimatorOptions& options() const = 0;
  virtual std::string description() const = 0;  // model, layout, device, dtype
};

// Loads Depth Anything V2 (ViT-S/B/L) from a folder or .safetensors file in the
// transformers or the official layout (models/depth/depth_anything_loader.h).
// Throws sds::Error.
std::unique_ptr<DepthEstimator> loadDepthEstimator(const std::string& path, const DepthEstimatorOptions& options = {});

// Wraps a model that is already loaded (it is moved to options.device / dtype).
std::unique_ptr<DepthEstimator> makeDepthEstimator(std::shared_ptr<DepthAnythingV2> model,
                                                   const DepthEstimatorOptions& options, std::string description = {});

}  // namespace sds::depth
