// Depth Anything V2 (relative depth): DINOv2 encoder + DPT head, built from a
// DepthAnythingConfig (official depth_anything_v2/dpt.py DepthAnythingV2;
// transformers DepthAnythingForDepthEstimation). Parameter names are the
// transformers keys (`backbone.*`, `neck.*`, `head.*`); official checkpoints are
// converted on load (depth_anything_keys.h).
#pragma once
#include <memory>

#include <torch/nn/module.h>
#include <torch/types.h>

#include "models/depth/depth_anything_config.h"
#include "models/depth/depth_trace.h"
#include "models/depth/dinov2.h"
#include "models/depth/dpt_head.h"

namespace sds::depth {

class DepthAnythingV2 : public torch::nn::Module {
 public:
  explicit DepthAnythingV2(const DepthAnythingConfig& config);

  // pixels: [B, 3, H, W] normalised network input, H and W >= the patch size.
  // Sides that are not multiples of the patch size are cropped down (bottom /
  // right), which equals transformers' behaviour; the official model refuses them.
  // -> [B, ph*p, pw*p] relative inverse depth (larger = nearer), in the module's dtype.
  torch::Tensor forward(const torch::Tensor& pixels, DepthTrace* trace = nullptr);

  const DepthAnythingConfig& config() const { return config_; }
  Dinov2Backbone& backbone() { return *backbone_; }
  torch::Device device() const;
  torch::Dtype dtype() const;

 private:
  DepthAnythingConfig config_;
  std::shared_ptr<Dinov2Backbone> backbone_;
  std::shared_ptr<DptNeck> neck_;
  std::shared_ptr<DepthHead> head_;
};

}  // namespace sds::depth
