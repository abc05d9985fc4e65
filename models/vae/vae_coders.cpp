#include "models/vae/vae_coders.h"

#include <cmath>

#include "models/attention/attention_processor.h"

namespace sds::vae {

using nn::listOf;
namespace {

torch::nn::GroupNorm groupNorm(const VaeConfig& c, int64_t channels) {
  return torch::nn::GroupNorm(torch::nn::GroupNormOptions(c.norm_num_groups, channels).eps(c.norm_eps));
}

std::shared_ptr<nn::ResnetBlock2D> resnet(const VaeConfig& c, int64_t in, int64_t out) {
  return std::make_shared<nn::ResnetBlock2D>(in, out, /*temb_channels=*/0, c.norm_num_groups, c.norm_eps);
}

}  // namespace

VaeAttention::VaeAttention(int64_t channels, int64_t groups, double eps) {
  group_norm_ = register_module("group_norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(eps)));
  to_q_ = register_module("to_q", torch::nn::Linear(channels, channels));
  to_k_ = register_module("to_k", torch::nn::Linear(channels, channels));
  to_v_ = register_module("to_v", torch::nn::Linear(channels, channels));
  to_out_ = torch::nn::Linear(channels, channels);
  torch::nn::ModuleList out_list;
  out_list->push_back(to_out_);
  register_module("to_out", out_list);
}

torch::Tensor VaeAttention::forward(const torch::Tensor& x) {
  // x: [B, C, H, W] -> tokens [B, H*W, C]
  const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  const auto t = nn::groupNorm(group_norm_, x).flatten(2).transpose(1, 2);
  const auto q = nn::linear(to_q_, t).unsqueeze(1);  // [B, 1, HW, C]: one head of size C
  const auto k = nn::linear(to_k_, t).unsqueeze(1);
  const auto v = nn::linear(to_v_, t).unsqueeze(1);
  const auto a = attn::scaledDotProductAttention(q, k, v, 1.0 / std::sqrt(double(c)), /*upcast=*/true);
  const auto out = nn::linear(to_out_, a.squeeze(1));  // [B, HW, C]
  return nn::addTemp(out.transpose(1, 2).reshape({b, c, h, w}), x);
}

VaeMidBlock::VaeMidBlock(int64_t channels, const VaeConfig& config) {
  resnets_.push_back(resnet(config, channels, channels));
  if (config.mid_block_add_attention) {
    attention_ = std::make_shared<VaeAttention>(channels, config.norm_num_groups, config.norm_eps);
    register_module("attentions", listOf(std::vector<std::shared_ptr<VaeAttention>>{attention_}));
  }
  resnets_.push_back(resnet(config, channels, channels));
  register_module("resnets", listOf(resnets_));
}

torch::Tensor VaeMidBlock::forward(torch::Tensor x) {
  // x: [B, C, H, W]
  x = resnets_[0]->forward(x, {});
  if (attention_) x = attention_->forward(x);
  return resnets_[1]->forward(x, {});
}

VaeBlock::VaeBlock(int64_t in_channels, int64_t out_channels, int layers, Resample resample, const VaeConfig& config) {
  for (int j = 0; j < layers; ++j) resnets_.push_back(resnet(config, j == 0 ? in_channels : out_channels, out_channels));
  register_module("resnets", listOf(resnets_));
  if (resample == Resample::Down) {
    down_ = std::make_shared<nn::Downsample2D>(out_channels, /*padding=*/0);
    register_module("downsamplers", listOf(std::vector<std::shared_ptr<nn::Downsample2D>>{down_}));
  } else if (resample == Resample::Up) {
    up_ = std::make_shared<nn::Upsample2D>(out_channels);
    register_module("upsamplers", listOf(std::vector<std::shared_ptr<nn::Upsample2D>>{up_}));
  }
}

torch::Tensor VaeBlock::forward(torch::Tensor x) {
  // x: [B, Cin, H, W]
  for (const auto& r : resnets_) x = r->forward(x, {});
  if (down_) x = down_->forward(x);
  if (up_) x = up_->forward(x);
  return x;
}

VaeEncoder::VaeEncoder(const VaeConfig& c) {
  const auto& boc = c.block_out_channels;
  conv_in_ = register_module("conv_in", nn::conv2d(c.in_channels, boc[0], 3));
  int64_t out_ch = boc[0];
  for (int i = 0; i < c.numBlocks(); ++i) {
    const int64_t in_ch = out_ch;
    out_ch = boc[size_t(i)];
    const bool last = i + 1 == c.numBlocks();
    down_blocks_.push_back(std::make_shared<VaeBlock>(in_ch, out_ch, c.layers_per_block,
                                                      last ? VaeBlock::Resample::None : VaeBlock::Resample::Down, c));
  }
  register_module("down_blocks", listOf(down_blocks_));
  mid_block_ = register_module("mid_block", std::make_shared<VaeMidBlock>(boc.back(), c));
  conv_norm_out_ = register_module("conv_norm_out", groupNorm(c, boc.back()));
  conv_out_ = register_module("conv_out", nn::conv2d(boc.back(), 2 * c.latent_channels, 3));
}

torch::Tensor VaeEncoder::forward(const torch::Tensor& image) {
  // image: [B, in, H, W]
  auto x = conv_in_->forward(image);
  for (const auto& block : down_blocks_) x = block->forward(x);
  x = mid_block_->forward(x);
  return conv_out_->forward(nn::siluTemp(nn::groupNorm(conv_norm_out_, x)));  // [B, 2*latent, h, w]
}

VaeDecoder::VaeDecoder(const VaeConfig& c) {
  const auto& boc = c.block_out_channels;
  const int n = c.numBlocks();
  conv_in_ = register_module("conv_in", nn::conv2d(c.latent_channels, boc.back(), 3));
  mid_block_ = register_module("mid_block", std::make_shared<VaeMidBlock>(boc.back(), c));
  int64_t out_ch = boc.back();
  for (int i = 0; i < n; ++i) {
    const int64_t prev_ch = out_ch;
    out_ch = boc[size_t(n - 1 - i)];
    const bool last = i + 1 == n;
    up_blocks_.push_back(std::make_shared<VaeBlock>(prev_ch, out_ch, c.layers_per_block + 1,
                                                    last ? VaeBlock::Resample::None : VaeBlock::Resample::Up, c));
  }
  register_module("up_blocks", listOf(up_blocks_));
  conv_norm_out_ = register_module("conv_norm_out", groupNorm(c, boc[0]));
  conv_out_ = register_module("conv_out", nn::conv2d(boc[0], c.out_channels, 3));
}

torch::Tensor VaeDecoder::forward(const torch::Tensor& z) {
  // z: [B, latent, h, w]
  auto x = mid_block_->forward(conv_in_->forward(z));
  for (const auto& block : up_blocks_) x = block->forward(x);
  return conv_out_->forward(nn::siluTemp(nn::groupNorm(conv_norm_out_, x)));  // [B, out, H, W]
}

}  // namespace sds::vae
