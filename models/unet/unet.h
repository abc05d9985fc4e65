// The conditional denoising UNet of Stable Diffusion 1.x/2.x, a re-implementation
// of diffusers' UNet2DConditionModel (diffusers/models/unets/unet_2d_condition.py,
// v0.25.1) built entirely from a UNetConfig. Registered parameter names are the
// diffusers keys (`down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.weight`),
// so io::loadModule() fills it from a diffusers file or from a converted single
// file (unet_ldm_keys.h).
//
// Every attention layer (attn1 = self, attn2 = cross, of every transformer block)
// hands its q, k, v to one attn::AttentionProcessor; see setAttentionProcessor().
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include "models/attention/attention_processor.h"
#include "models/unet/added_embedding.h"
#include "models/unet/unet_config.h"

namespace sds::unet {

class AttentionHook;
class TimestepEmbeddingImpl;
class TextTimeEmbedding;
class DownBlock;
class MidBlock;
class UpBlock;

// Intermediate results of one forward, named like the fixtures' dbg_* tensors:
// "time_proj", "time_embedding", "conv_in", "down_blocks.i", "mid_block",
// "up_blocks.i".
struct UNetTrace {
  std::map<std::string, torch::Tensor> tensors;
};

class UNet2DConditionModel : public torch::nn::Module {
 public:
  explicit UNet2DConditionModel(const UNetConfig& config);

  // sample: [B, in_channels, h, w] (any h, w >= 1; sizes not divisible by the
  //   total downsampling upsample to each skip's size, as diffusers does)
  // timesteps: [B] or [1] or 0-dim, int64 or floating
  // encoder_hidden_states: [B, N, cross_attention_dim]
  //   (an SDXL "text_time" UNet: [B, N + k, D] with the added conditions
  //   packed behind the tokens, see added_embedding.h)
  // returns [B, out_channels, h, w] in the module's dtype.
  torch::Tensor forward(const torch::Tensor& sample, const torch::Tensor& timesteps,
                        const torch::Tensor& encoder_hidden_states);
  torch::Tensor forward(const torch::Tensor& sample, const torch::Tensor& timesteps,
                        const torch::Tensor& encoder_hidden_states, UNetTrace* trace);
  // The same with the added conditions apart: context [B, N, D]; `added`
  // required by a text_time UNet, empty otherwise. Trace adds "add_time_proj"
  // [B*6, A] and "add_embedding" [B, T] (aug).
  torch::Tensor forward(const torch::Tensor& sample, const torch::Tensor& timesteps, const torch::Tensor& context,
                        const AddedConditions& added, UNetTrace* trace = nullptr);

  // nullptr restores the default processor (attn::scaledDotProductAttention).
  // The processor sees AttentionCall::layer_index = 0 .. attentionLayersPerForward()-1
  // in call order within each forward (down blocks, mid, up blocks; attn1 then
  // attn2 inside each transformer block).
  void setAttentionProcessor(std::shared_ptr<attn::AttentionProcessor> processor);
  std::shared_ptr<attn::AttentionProcessor> attentionProcessor() const;
  int attentionLayersPerForward() const;

  // Stores 4-D conv weights channels-last (faster convolutions on CUDA);
  // results are the same, and forward() still returns a contiguous tensor.
  void setChannelsLast(bool on);
  // Channels-last for `dtype` on `device` (the product's rule, applied by the
  // loader): on for bfloat16 on the CPU, where oneDNN's bfloat16 convolutions
  // run NHWC natively. An SD 1.5 step at 512 on LibTorch 1.13, 2 cores, five
  // runs alternated in one process: 9.9 s against 11.0 s (CPU time 17.5 s
  // against 19.1 s); float32 measured slower channels-last (transformer_2d.cpp).
  void useMemoryFormatFor(torch::Dtype dtype, torch::Device device);

  const UNetConfig& config() const { return config_; }
  torch::Device device() const;
  torch::Dtype dtype() const;

 private:
  torch::Tensor timestepEmbedding(const torch::Tensor& timesteps, int64_t batch, UNetTrace* trace);

  UNetConfig config_;
  std::shared_ptr<AttentionHook> hook_;
  std::shared_ptr<TimestepEmbeddingImpl> time_embedding_;
  std::shared_ptr<TextTimeEmbedding> add_embedding_;  // text_time UNets only
  torch::nn::Conv2d conv_in_{nullptr};
  std::vector<std::shared_ptr<DownBlock>> down_blocks_;
  std::shared_ptr<MidBlock> mid_block_;
  std::vector<std::shared_ptr<UpBlock>> up_blocks_;
  torch::nn::GroupNorm conv_norm_out_{nullptr};
  torch::nn::Conv2d conv_out_{nullptr};
};

}  // namespace sds::unet
