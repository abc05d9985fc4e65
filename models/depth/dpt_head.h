// The DPT neck and depth head of Depth Anything V2 (official dpt.py DPTHead,
// util/blocks.py FeatureFusionBlock / ResidualConvUnit; transformers
// DepthAnythingNeck / DepthAnythingDepthEstimationHead). Parameter names follow
// the transformers layout: neck `reassemble_stage.layers.<j>.{projection,resize}`,
// `convs.<j>`, `fusion_stage.layers.<k>.{residual_layer1,residual_layer2}.
// {convolution1,convolution2}` and `.projection` (fusion layer k = official
// refinenet(4-k)); head `conv1`, `conv2`, `conv3` (+ `sky_conv2`, `sky_conv3` for
// Depth Anything 3's sky branch).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/types.h>

#include "models/depth/depth_anything_config.h"
#include "models/depth/depth_trace.h"

namespace sds::depth {

// Pre-activation residual unit: conv2(relu(conv1(relu(x)))) + x.
class PreActResidualUnit : public torch::nn::Module {
 public:
  explicit PreActResidualUnit(int64_t channels);
  torch::Tensor forward(const torch::Tensor& x);  // x: [B, F, h, w] -> same

 private:
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr};
};

class FusionLayer : public torch::nn::Module {
 public:
  // with_residual1 = false: no residual_layer1 (DA3's refinenet4, which never gets a residual input).
  explicit FusionLayer(int64_t features, bool with_residual1 = true);
  // x: [B, F, h, w]; residual: [B, F, h, w] or undefined; upsampled (bilinear,
  // align_corners) to `size`, or 2x without one -> [B, F, H', W']
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& residual,
                        const std::optional<std::vector<int64_t>>& size);

 private:
  std::shared_ptr<PreActResidualUnit> residual1_, residual2_;
  torch::nn::Conv2d projection_{nullptr};
};

class DptNeck : public torch::nn::Module {
 public:
  explicit DptNeck(const DepthAnythingConfig& config);
  // features: 4 x [B, D, ph, pw] -> path_1: [B, F, 2*h1, 2*w1] (h1 x w1 = the
  // first reassembled level, 4ph x 4pw for the standard factors)
  torch::Tensor forward(const std::vector<torch::Tensor>& features, DepthTrace* trace = nullptr);

 private:
  std::vector<torch::nn::Conv2d> projections_;
  std::vector<std::function<torch::Tensor(const torch::Tensor&)>> resizes_;
  std::vector<torch::nn::Conv2d> convs_;
  std::vector<std::shared_ptr<FusionLayer>> fusion_;
};

struct DepthHeadOutput {
  torch::Tensor depth;  // [B, 1, out_h, out_w]: V2 relu(logits) (inverse depth), DA3 exp(logits) (depth)
  torch::Tensor sky;    // [B, 1, out_h, out_w] relu(sky logits); undefined without a sky head
};

class DepthHead : public torch::nn::Module {
 public:
  explicit DepthHead(const DepthAnythingConfig& config);
  // path1: [B, F, h, w] -> depth (and sky) maps at out_h x out_w
  DepthHeadOutput forward(const torch::Tensor& path1, int64_t out_h, int64_t out_w, DepthTrace* trace = nullptr);

 private:
  bool exp_output_;
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, conv3_{nullptr};
  torch::nn::Conv2d sky_conv2_{nullptr}, sky_conv3_{nullptr};  // DA3 sky_output_conv2.{0,2}
};

}  // namespace sds::depth
