// The UNet's spatial transformer: diffusers' Transformer2DModel with
// BasicTransformerBlocks (diffusers/models/transformers/transformer_2d.py,
// attention.py, attention_processor.py; v0.25.1). Each Attention asks the
// UNet's shared AttentionHook for its processor.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include "models/attention/attention_processor.h"

namespace sds::unet {

// Shared by the UNet and all of its attention layers; changing the processor
// here changes it for every layer at once.
class AttentionHook {
 public:
  std::shared_ptr<attn::AttentionProcessor> processor;  // nullptr = default attention
  int layers_per_forward = 0;
};

// Where a layer sits; layer_index is its position in the call order of one forward.
struct AttentionPlace {
  std::shared_ptr<AttentionHook> hook;
  std::string place;  // "down", "mid", "up"
  int* next_index;    // construction counter: layers are built in call order
};

// Multi-head attention with bias-free q/k/v and a biased output projection.
class Attention : public torch::nn::Module {
 public:
  // context_dim 0 = self-attention.
  Attention(int64_t query_dim, int64_t context_dim, int64_t heads, int64_t head_dim, bool upcast,
            const AttentionPlace& where);
  // x: [B, N, query_dim]; context: [B, M, context_dim] (ignored for self-attention)
  // returns [B, N, query_dim]
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context);
  int layerIndex() const { return layer_index_; }

 private:
  torch::nn::Linear to_q_{nullptr}, to_k_{nullptr}, to_v_{nullptr}, to_out_{nullptr};
  int64_t heads_, head_dim_;
  bool is_cross_, upcast_;
  std::shared_ptr<AttentionHook> hook_;
  std::string place_;
  int layer_index_;
};

// GEGLU feed-forward: net.0.proj (dim -> 8 dim), value * gelu(gate), net.2 (4 dim -> dim).
class FeedForward : public torch::nn::Module {
 public:
  explicit FeedForward(int64_t dim);
  torch::Tensor forward(const torch::Tensor& x);  // x: [B, N, dim]

 private:
  torch::nn::Linear proj_{nullptr}, out_{nullptr};
};

class BasicTransformerBlock : public torch::nn::Module {
 public:
  BasicTransformerBlock(int64_t dim, int64_t heads, int64_t head_dim, int64_t context_dim, bool upcast,
                        const AttentionPlace& where);
  // x: [B, N, dim]; context: [B, M, context_dim]
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context);

 private:
  torch::nn::LayerNorm norm1_{nullptr}, norm2_{nullptr}, norm3_{nullptr};
  std::shared_ptr<Attention> attn1_, attn2_;
  std::shared_ptr<FeedForward> ff_;
};

class Transformer2DModel : public torch::nn::Module {
 public:
  Transformer2DModel(int64_t channels, int64_t heads, int64_t depth, int64_t context_dim, int64_t groups,
                     bool linear_projection, bool upcast, const AttentionPlace& where);
  // x: [B, C, H, W]; context: [B, M, context_dim] -> [B, C, H, W]
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context);

 private:
  torch::nn::GroupNorm norm_{nullptr};
  // 1x1 convs (SD 1.x) or Linear layers applied after flattening (SD 2.x).
  torch::nn::Conv2d conv_in_{nullptr}, conv_out_{nullptr};
  torch::nn::Linear linear_in_{nullptr}, linear_out_{nullptr};
  std::vector<std::shared_ptr<BasicTransformerBlock>> blocks_;
  bool linear_;
};

}  // namespace sds::unet
