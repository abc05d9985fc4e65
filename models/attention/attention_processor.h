// The one hook point of every attention layer (UNet self- and cross-attention,
// VAE mid-block attention is not hooked). A processor sees q, k, v after the
// projections and head split, and returns the attended values; the layer then
// merges heads and applies its output projection. The StereoDiffusion editor
// (core/engine/stereo) is such a processor; the default is plain attention.
#pragma once
#include <memory>
#include <string>

#include <torch/types.h>

namespace sds::attn {

struct AttentionCall {
  torch::Tensor q;  // [B, heads, Nq, head_dim]
  torch::Tensor k;  // [B, heads, Nk, head_dim]
  torch::Tensor v;  // [B, heads, Nk, head_dim]
  double scale = 1.0;  // head_dim^-0.5
  bool is_cross = false;
  bool upcast = false;        // compute scores in float32 (diffusers upcast_attention)
  int layer_index = 0;        // index of this module within one UNet forward, in call order
  int layers_per_forward = 0; // attention modules (self + cross) per UNet forward
  std::string place;          // "down", "mid" or "up"
};

class AttentionProcessor {
 public:
  virtual ~AttentionProcessor() = default;
  // Returns [B, heads, Nq, head_dim].
  virtual torch::Tensor attend(const AttentionCall& call) = 0;
};

// softmax(q k^T * scale) v over the last two dims; [.., Nq, d] x [.., Nk, d].
// Uses at::scaled_dot_product_attention where LibTorch has it (2.x: flash /
// memory-efficient kernels on CUDA; on the CPU in float32, not in bfloat16,
// where it measured slower) and an exact matmul fallback on 1.13
// (never baddbmm with beta=0: LibTorch 1.13 CPU can return NaN there).
// SDSTEREO_ATTENTION=matmul makes 2.x take the matmul path too (read once), so
// a benchmark can measure what the fused kernel brings.
torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                        double scale, bool upcast = false);

class DefaultAttentionProcessor : public AttentionProcessor {
 public:
  torch::Tensor attend(const AttentionCall& call) override {
    return scaledDotProductAttention(call.q, call.k, call.v, call.scale, call.upcast);
  }
};

}  // namespace sds::attn
