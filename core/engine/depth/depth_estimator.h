// The one depth interface the pipelines and the studio use: an RGB image in, a
// depth-like map out at the image size, in the convention the estimator reports
// (outputKind(): V2 relative inverse depth, near = large; Depth Anything 3
// relative depth or metres, near = small). Consumers that need disparity go
// through depth_to_disparity.h, never through model names. Images are always
// resized to the model's input size first (never run at full resolution by
// accident); the result is resized back with bilinear align_corners=True, as
// the V2 reference infer_image.
#pragma once
#include <memory>
#include <string>

#include <torch/types.h>

#include "core/engine/compute_device.h"
#include "core/engine/depth/depth_estimator_options.h"
#include "core/engine/depth/depth_size_rule.h"
#include "core/engine/precision.h"

namespace sds::depth {

class DepthAnythingV2;

// What a map from the estimator holds.
enum class DepthOutputKind {
  InverseDepth,  // relative inverse depth, affine-invariant (V2): near = large
  Depth,         // relative depth, up to scale (DA3Mono): near = small, > 0
  MetricDepth,   // metres (DA3Metric, with the focal length below): near = small, > 0
};
const char* outputKindName(DepthOutputKind kind);  // "inverse depth" | "relative depth" | "metric depth (m)"

// How the estimator wants its network input made (core/media builds it with OpenCV).
enum class DepthInputStyle {
  FloatCubic,    // V2: short side -> input_size, one cubic resize of the float image
  Uint8TwoStep,  // DA3: long side -> input_size, two uint8 resizes (DepthNetSize::resized_*)
};

// One estimate: the map and, for models with a sky branch, where the sky is.
struct DepthMaps {
  torch::Tensor map;  // [..., H, W] float32 in the estimator's outputKind()
  torch::Tensor sky;  // [..., H, W] bool, true = sky (DA3: filled with a far depth); undefined without sky
};

class DepthEstimator {
 public:
  virtual ~DepthEstimator() = default;

  // rgb01: [1, 3, H, W] (or [3, H, W]) float in [0, 1], any device
  // -> [H, W] float32 in outputKind(), on rgb01's device. Preprocesses on
  // tensors (depth_preprocess_torch.h).
  virtual torch::Tensor estimate(const torch::Tensor& rgb01) = 0;
  // The same with the sky: map and sky [H, W].
  virtual DepthMaps estimateMaps(const torch::Tensor& rgb01) = 0;

  // input: a normalised network input [B, 3, h, w] (e.g. from the OpenCV
  // reference preprocessing) -> [B, out_h, out_w] float32 on the CPU.
  virtual torch::Tensor estimatePreprocessed(const torch::Tensor& input, int64_t out_h, int64_t out_w) = 0;
  // The same with the sky: [B, out_h, out_w] each.
  virtual DepthMaps estimatePreprocessedMaps(const torch::Tensor& input, int64_t out_h, int64_t out_w) = 0;

  virtual DepthOutputKind outputKind() const = 0;
  virtual DepthInputStyle inputStyle() const = 0;

  // The network input size used for an image_h x image_w image.
  virtual DepthNetSize networkSize(int image_h, int image_w) const = 0;
  virtual const DepthEstimatorOptions& options() const = 0;
  virtual std::string description() const = 0;  // model, layout, device, dtype
};

// Loads Depth Anything V2 (ViT-S/B/L) from a folder or .safetensors file in the
// transformers or the official layout, or a monocular Depth Anything 3 model
// (models/depth/depth_anything_loader.h).
// Throws sds::Error.
// The dtype the depth network computes in for a precision choice: the choice's
// (compute_device.h), except that bfloat16 stays float32. Measured on the
// reference sets (docs/precision.md): in bfloat16 the DPT head's outputs moved
// by up to 4 where float32 is within 2e-5, and the network runs once per image
// (1.7 s for ViT-S at 518 on 2 CPU cores), so float32 costs little.
ComputeDtype depthDtype(Precision precision, const c10::Device& device);

std::unique_ptr<DepthEstimator> loadDepthEstimator(const std::string& path, const DepthEstimatorOptions& options = {});

// Wraps a model that is already loaded (it is moved to options.device / dtype).
std::unique_ptr<DepthEstimator> makeDepthEstimator(std::shared_ptr<DepthAnythingV2> model,
                                                   const DepthEstimatorOptions& options, std::string description = {});

}  // namespace sds::depth
