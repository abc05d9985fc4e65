#include "models/unet/unet_blocks.h"

namespace sds::unet {

using nn::listOf;
namespace {

std::shared_ptr<nn::ResnetBlock2D> resnet(const BlockContext& ctx, int64_t in, int64_t out, double scale = 1.0) {
  return std::make_shared<nn::ResnetBlock2D>(in, out, ctx.temb_channels, ctx.config.norm_num_groups,
                                             ctx.config.norm_eps, scale);
}

std::shared_ptr<Transformer2DModel> transformer(const BlockContext& ctx, int64_t channels, int heads, int depth,
                                                const std::string& place) {
  AttentionPlace where = ctx.where;
  where.place = place;
  return std::make_shared<Transformer2DModel>(channels, heads, depth, ctx.config.cross_attention_dim,
                                              ctx.config.norm_num_groups, ctx.config.use_linear_projection,
                                              ctx.config.upcast_attention, where);
}

}  // namespace

DownBlock::DownBlock(const BlockContext& ctx, int index, int64_t in_channels, int64_t out_channels) {
  const auto& cfg = ctx.config;
  const bool attention = cfg.downHasAttention(index);
  for (int j = 0; j < cfg.layers_per_block.at(size_t(index)); ++j) {
    resnets_.push_back(resnet(ctx, j == 0 ? in_channels : out_channels, out_channels));
    // Built in call order so that attention layer indices follow the forward.
    if (attention)
      attentions_.push_back(
          transformer(ctx, out_channels, cfg.downHeads(index), cfg.downTransformerLayers(index), "down"));
  }
  register_module("resnets", listOf(resnets_));
  if (attention) register_module("attentions", listOf(attentions_));
  if (index + 1 < cfg.numBlocks()) {
    downsampler_ = std::make_shared<nn::Downsample2D>(out_channels, cfg.downsample_padding);
    register_module("downsamplers", listOf(std::vector<std::shared_ptr<nn::Downsample2D>>{downsampler_}));
  }
}

torch::Tensor DownBlock::forward(torch::Tensor x, const torch::Tensor& temb_act, const torch::Tensor& context,
                                 std::vector<torch::Tensor>& skips) {
  // x: [B, Cin, H, W]
  for (size_t j = 0; j < resnets_.size(); ++j) {
    x = resnets_[j]->forward(x, temb_act);
    if (!attentions_.empty()) x = attentions_[j]->forward(x, context);
    skips.push_back(x);
  }
  if (downsampler_) {
    x = downsampler_->forward(x);
    skips.push_back(x);
  }
  return x;
}

MidBlock::MidBlock(const BlockContext& ctx, int64_t channels) {
  const auto& cfg = ctx.config;
  if (cfg.mid_block_type != "UNetMidBlock2DCrossAttn")
    throw std::logic_error("MidBlock built for an unsupported type");  // validate() rejects it first
  resnets_.push_back(resnet(ctx, channels, channels, cfg.mid_block_scale_factor));
  attentions_.push_back(transformer(ctx, channels, cfg.midHeads(), cfg.midTransformerLayers(), "mid"));
  resnets_.push_back(resnet(ctx, channels, channels, cfg.mid_block_scale_factor));
  register_module("attentions", listOf(attentions_));
  register_module("resnets", listOf(resnets_));
}

torch::Tensor MidBlock::forward(torch::Tensor x, const torch::Tensor& temb_act, const torch::Tensor& context) {
  // x: [B, C, H, W]
  x = resnets_[0]->forward(x, temb_act);
  for (size_t j = 0; j < attentions_.size(); ++j) {
    x = attentions_[j]->forward(x, context);
    x = resnets_[j + 1]->forward(x, temb_act);
  }
  return x;
}

UpBlock::UpBlock(const BlockContext& ctx, int index, int64_t in_channels, int64_t out_channels,
                 int64_t prev_channels) {
  const auto& cfg = ctx.config;
  const bool attention = cfg.upHasAttention(index);
  const int layers = cfg.upLayers(index);
  for (int j = 0; j < layers; ++j) {
    const int64_t skip_channels = (j == layers - 1) ? in_channels : out_channels;
    const int64_t resnet_in = (j == 0) ? prev_channels : out_channels;
    resnets_.push_back(resnet(ctx, resnet_in + skip_channels, out_channels));
    if (attention)
      attentions_.push_back(transformer(ctx, out_channels, cfg.upHeads(index), cfg.upTransformerLayers(index), "up"));
  }
  register_module("resnets", listOf(resnets_));
  if (attention) register_module("attentions", listOf(attentions_));
  if (index + 1 < cfg.numBlocks()) {
    upsampler_ = std::make_shared<nn::Upsample2D>(out_channels);
    register_module("upsamplers", listOf(std::vector<std::shared_ptr<nn::Upsample2D>>{upsampler_}));
  }
}

torch::Tensor UpBlock::forward(torch::Tensor x, const torch::Tensor& temb_act, const torch::Tensor& context,
                               std::vector<torch::Tensor>& skips, std::optional<std::vector<int64_t>> upsample_size) {
  // x: [B, Cprev, H, W]
  for (size_t j = 0; j < resnets_.size(); ++j) {
    x = torch::cat({x, skips.back()}, 1);
    skips.pop_back();
    x = resnets_[j]->forward(x, temb_act);
    if (!attentions_.empty()) x = attentions_[j]->forward(x, context);
  }
  if (upsampler_) x = upsampler_->forward(x, std::move(upsample_size));
  return x;
}

}  // namespace sds::unet
