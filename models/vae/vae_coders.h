// Encoder and decoder of AutoencoderKL (diffusers/models/autoencoders/vae.py,
// unet_2d_blocks.py DownEncoderBlock2D / UpDecoderBlock2D / UNetMidBlock2D,
// v0.25.1). Internal to models/vae.
#pragma once
#include <memory>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include "models/common/nn_blocks.h"
#include "models/vae/vae_config.h"

namespace sds::vae {

// Single-head self-attention over all pixels with biased projections, a
// GroupNorm in front and a residual (diffusers Attention with group_norm).
class VaeAttention : public torch::nn::Module {
 public:
  VaeAttention(int64_t channels, int64_t groups, double eps);
  torch::Tensor forward(const torch::Tensor& x);  // x: [B, C, H, W] -> same

 private:
  torch::nn::GroupNorm group_norm_{nullptr};
  torch::nn::Linear to_q_{nullptr}, to_k_{nullptr}, to_v_{nullptr}, to_out_{nullptr};
};

// resnet, attention, resnet (no time input).
class VaeMidBlock : public torch::nn::Module {
 public:
  VaeMidBlock(int64_t channels, const VaeConfig& config);
  torch::Tensor forward(torch::Tensor x);  // x: [B, C, H, W] -> same

 private:
  std::vector<std::shared_ptr<nn::ResnetBlock2D>> resnets_;
  std::shared_ptr<VaeAttention> attention_;
};

// `resnets` then an optional `downsamplers.0` (DownEncoderBlock2D) or
// `upsamplers.0` (UpDecoderBlock2D).
class VaeBlock : public torch::nn::Module {
 public:
  enum class Resample { None, Down, Up };
  VaeBlock(int64_t in_channels, int64_t out_channels, int layers, Resample resample, const VaeConfig& config);
  torch::Tensor forward(torch::Tensor x);  // x: [B, Cin, H, W] -> [B, Cout, H', W']

 private:
  std::vector<std::shared_ptr<nn::ResnetBlock2D>> resnets_;
  std::shared_ptr<nn::Downsample2D> down_;
  std::shared_ptr<nn::Upsample2D> up_;
};

class VaeEncoder : public torch::nn::Module {
 public:
  explicit VaeEncoder(const VaeConfig& config);
  // image: [B, in, H, W] -> [B, 2*latent, H/f, W/f]
  torch::Tensor forward(const torch::Tensor& image);

 private:
  torch::nn::Conv2d conv_in_{nullptr}, conv_out_{nullptr};
  std::vector<std::shared_ptr<VaeBlock>> down_blocks_;
  std::shared_ptr<VaeMidBlock> mid_block_;
  torch::nn::GroupNorm conv_norm_out_{nullptr};
};

class VaeDecoder : public torch::nn::Module {
 public:
  explicit VaeDecoder(const VaeConfig& config);
  // z: [B, latent, h, w] -> [B, out, h*f, w*f]
  torch::Tensor forward(const torch::Tensor& z);

 private:
  torch::nn::Conv2d conv_in_{nullptr}, conv_out_{nullptr};
  std::shared_ptr<VaeMidBlock> mid_block_;
  std::vector<std::shared_ptr<VaeBlock>> up_blocks_;
  torch::nn::GroupNorm conv_norm_out_{nullptr};
};

}  // namespace sds::vae
