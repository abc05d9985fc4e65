// The UNet's down, mid and up blocks (diffusers/models/unets/unet_2d_blocks.py,
// v0.25.1): CrossAttnDownBlock2D / DownBlock2D, UNetMidBlock2DCrossAttn,
// CrossAttnUpBlock2D / UpBlock2D. A block without attention is the same class
// with an empty `attentions` list.
#pragma once
#include <memory>
#include <optional>
#include <vector>

#include <torch/nn/module.h>
#include <torch/types.h>

#include "models/common/nn_blocks.h"
#include "models/unet/transformer_2d.h"
#include "models/unet/unet_config.h"

namespace sds::unet {

// Settings every block shares.
struct BlockContext {
  const UNetConfig& config;
  int64_t temb_channels;
  AttentionPlace where;
};

class DownBlock : public torch::nn::Module {
 public:
  DownBlock(const BlockContext& ctx, int index, int64_t in_channels, int64_t out_channels);
  // x: [B, Cin, H, W] -> [B, Cout, H', W']; pushes every resnet/attention output
  // and the downsampled result to `skips`.
  torch::Tensor forward(torch::Tensor x, const torch::Tensor& temb_act, const torch::Tensor& context,
                        std::vector<torch::Tensor>& skips);

 private:
  std::vector<std::shared_ptr<nn::ResnetBlock2D>> resnets_;
  std::vector<std::shared_ptr<Transformer2DModel>> attentions_;
  std::shared_ptr<nn::Downsample2D> downsampler_;
};

class MidBlock : public torch::nn::Module {
 public:
  MidBlock(const BlockContext& ctx, int64_t channels);
  // x: [B, C, H, W] -> [B, C, H, W]
  torch::Tensor forward(torch::Tensor x, const torch::Tensor& temb_act, const torch::Tensor& context);

 private:
  std::vector<std::shared_ptr<nn::ResnetBlock2D>> resnets_;
  std::vector<std::shared_ptr<Transformer2DModel>> attentions_;
};

class UpBlock : public torch::nn::Module {
 public:
  UpBlock(const BlockContext& ctx, int index, int64_t in_channels, int64_t out_channels, int64_t prev_channels);
  int numResnets() const { return int(resnets_.size()); }
  // x: [B, Cprev, H, W]; pops one skip per resnet from the back of `skips`;
  // the upsampler (if any) goes to `upsample_size` (default 2H x 2W).
  torch::Tensor forward(torch::Tensor x, const torch::Tensor& temb_act, const torch::Tensor& context,
                        std::vector<torch::Tensor>& skips, std::optional<std::vector<int64_t>> upsample_size);

 private:
  std::vector<std::shared_ptr<nn::ResnetBlock2D>> resnets_;
  std::vector<std::shared_ptr<Transformer2DModel>> attentions_;
  std::shared_ptr<nn::Upsample2D> upsampler_;
};

}  // namespace sds::unet
