// The DINOv2 ViT encoder of Depth Anything V2 (official dinov2.py
// DinoVisionTransformer + dinov2_layers/*; transformers Dinov2Backbone).
// Parameter names follow the transformers layout under the module's own prefix:
// `embeddings.{cls_token,position_embeddings,patch_embeddings.projection.*}`,
// `encoder.layer.<i>.{norm1,attention.attention.{query,key,value},
// attention.output.dense,layer_scale1.lambda1,norm2,mlp.fc1,mlp.fc2,
// layer_scale2.lambda1}.*`, `layernorm.*`.
#pragma once
#include <memory>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include "models/depth/depth_anything_config.h"
#include "models/depth/depth_trace.h"

namespace sds::depth {

// One pre-norm transformer block with layer scale.
class Dinov2Layer : public torch::nn::Module {
 public:
  explicit Dinov2Layer(const DepthAnythingConfig& config);
  // x: [B, T, D] -> [B, T, D]
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::Tensor attention(const torch::Tensor& x);  // x: [B, T, D]

  int heads_;
  torch::nn::LayerNorm norm1_{nullptr}, norm2_{nullptr};
  torch::nn::Linear query_{nullptr}, key_{nullptr}, value_{nullptr}, dense_{nullptr};
  torch::nn::Linear fc1_{nullptr}, fc2_{nullptr};
  torch::Tensor lambda1_, lambda2_;  // undefined without layer scale
};

class Dinov2Backbone : public torch::nn::Module {
 public:
  explicit Dinov2Backbone(const DepthAnythingConfig& config);

  // pixels: [B, 3, ph*p, pw*p] (sides already multiples of the patch size p)
  // -> the 4 intermediate features, each normalised, cls dropped: [B, D, ph, pw]
  std::vector<torch::Tensor> forward(const torch::Tensor& pixels, DepthTrace* trace = nullptr);

  // The position embedding for a ph x pw patch grid of an H x W pixel input
  // (official interpolate_pos_encoding: identity only when ph*pw equals the
  // native grid and H == W, else bicubic with scale ((ph+0.1)/G, (pw+0.1)/G)).
  // -> [1, 1 + ph*pw, D] float32 on the module's device.
  torch::Tensor interpolatePosEncoding(int64_t ph, int64_t pw, int64_t height, int64_t width) const;

  // Single pieces, for the layer probes. tokens: [B, T, D] -> [B, T, D]
  torch::Tensor runBlock(int index, const torch::Tensor& tokens);
  torch::Tensor finalNorm(const torch::Tensor& tokens);
  int numBlocks() const { return int(layers_.size()); }

 private:
  DepthAnythingConfig config_;
  torch::Tensor cls_token_, position_embeddings_;
  torch::nn::Conv2d projection_{nullptr};
  std::vector<std::shared_ptr<Dinov2Layer>> layers_;
  torch::nn::LayerNorm layernorm_{nullptr};
};

}  // namespace sds::depth
