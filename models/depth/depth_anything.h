// Depth Anything V2 (relative depth): DINOv2 encoder + DPT head, built from a
// DepthAnythingConfig (official depth_anything_v2/dpt.py DepthAnythingV2;
// transformers DepthAnythingForDepthEstimation). Parameter names are the
// transformers keys (`backbone.*`, `neck.*`, `head.*`); official checkpoints are
// converted on load (depth_anything_keys.h).
// The same class runs Depth Anything 3's monocular network (DepthAnything3Net
// with DinoV2 + DPT, config.family == Anything3): the config switches the final
// norm eps, drops refinenet4's unused unit, adds the sky branch and ends in exp.
#pragma once
#include <memory>

#include <torch/nn/module.h>
#include <torch/types.h>

#include "models/depth/depth_anything_config.h"
#include "models/depth/depth_trace.h"
#include "models/depth/dinov2.h"
#include "models/depth/dpt_head.h"

namespace sds::depth {

struct DepthAnythingOutput {
  torch::Tensor depth;       // [B, H, W]: V2 relative inverse depth; DA3 depth with the sky filled
  torch::Tensor sky;         // [B, H, W] DA3 sky score (relu), undefined without a sky head
  torch::Tensor head_depth;  // [B, H, W] the head's own output (DA3: before the sky fill)
};

class DepthAnythingV2 : public torch::nn::Module {
 public:
  explicit DepthAnythingV2(const DepthAnythingConfig& config);

  // pixels: as forward() -> every output; DA3's sky fill takes its quantile
  // over the whole batch, as the official forward does.
  DepthAnythingOutput run(const torch::Tensor& pixels, DepthTrace* trace = nullptr);

  // pixels: [B, 3, H, W] normalised network input, H and W >= the patch size.
  // Sides that are not multiples of the patch size are cropped down (bottom /
  // right), which equals transformers' behaviour; the official model refuses them.
  // -> [B, ph*p, pw*p] in the module's dtype: V2 relative inverse depth (larger =
  // nearer), DA3 relative (or metric-scaled) depth (smaller = nearer), sky filled.
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
