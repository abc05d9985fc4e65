#include "models/unet/unet.h"

#include <cmath>

#include "core/base/error.h"
#include "models/common/nn_blocks.h"
#include "models/unet/unet_blocks.h"
#include "models/unet/timestep_embedding.h"
#include "models/unet/added_embedding.h"

namespace sds::unet {

namespace {

std::vector<int64_t> spatial(const torch::Tensor& x) { return {x.size(2), x.size(3)}; }

}  // namespace

UNet2DConditionModel::UNet2DConditionModel(const UNetConfig& config) : config_(config) {
  config_.validate();
  const auto& c = config_;
  const int n = c.numBlocks();
  const int64_t temb = c.timeEmbeddingDim();
  hook_ = std::make_shared<AttentionHook>();
  hook_->layers_per_forward = c.attentionLayersPerForward();
  int next_index = 0;
  const BlockContext ctx{c, temb, AttentionPlace{hook_, "", &next_index}};

  conv_in_ = register_module("conv_in", nn::conv2d(c.in_channels, c.block_out_channels[0], c.conv_in_kernel));
  time_embedding_ = register_module("time_embedding",
                                    std::make_shared<TimestepEmbeddingImpl>(c.block_out_channels[0], temb));
  if (c.hasTextTime()) add_embedding_ = register_module("add_embedding", std::make_shared<TextTimeEmbedding>(c, temb));

  torch::nn::ModuleList downs, ups;
  int64_t out_ch = c.block_out_channels[0];
  for (int i = 0; i < n; ++i) {
    const int64_t in_ch = out_ch;
    out_ch = c.block_out_channels[size_t(i)];
    down_blocks_.push_back(std::make_shared<DownBlock>(ctx, i, in_ch, out_ch));
    downs->push_back(down_blocks_.back());
  }
  register_module("down_blocks", downs);
  if (c.hasMidBlock())
    mid_block_ = register_module("mid_block", std::make_shared<MidBlock>(ctx, c.block_out_channels.back()));

  out_ch = c.block_out_channels.back();
  for (int i = 0; i < n; ++i) {
    const int64_t prev_ch = out_ch;
    out_ch = c.block_out_channels[size_t(n - 1 - i)];
    const int64_t in_ch = c.block_out_channels[size_t(std::max(n - 2 - i, 0))];
    up_blocks_.push_back(std::make_shared<UpBlock>(ctx, i, in_ch, out_ch, prev_ch));
    ups->push_back(up_blocks_.back());
  }
  register_module("up_blocks", ups);

  conv_norm_out_ = register_module(
      "conv_norm_out",
      torch::nn::GroupNorm(torch::nn::GroupNormOptions(c.norm_num_groups, c.block_out_channels[0]).eps(c.norm_eps)));
  conv_out_ = register_module("conv_out", nn::conv2d(c.block_out_channels[0], c.out_channels, c.conv_out_kernel));
  if (next_index != hook_->layers_per_forward)
    throw std::logic_error("UNet attention layer count disagrees with its config");
  nn::freezeParameters(*this);
}

void UNet2DConditionModel::setAttentionProcessor(std::shared_ptr<attn::AttentionProcessor> processor) {
  hook_->processor = std::move(processor);
}

std::shared_ptr<attn::AttentionProcessor> UNet2DConditionModel::attentionProcessor() const { return hook_->processor; }

int UNet2DConditionModel::attentionLayersPerForward() const { return hook_->layers_per_forward; }

void UNet2DConditionModel::setChannelsLast(bool on) { nn::setConvWeightsChannelsLast(*this, on); }

void UNet2DConditionModel::useMemoryFormatFor(torch::Dtype dtype, torch::Device device) {
  setChannelsLast(dtype == torch::kBFloat16 && device.is_cpu());
}

torch::Device UNet2DConditionModel::device() const { return conv_in_->weight.device(); }

torch::Dtype UNet2DConditionModel::dtype() const { return conv_in_->weight.scalar_type(); }

torch::Tensor UNet2DConditionModel::timestepEmbedding(const torch::Tensor& timesteps, int64_t batch,
                                                      UNetTrace* trace) {
  auto t = timesteps.reshape({-1}).to(device());
  if (t.size(0) == 1 && batch != 1) t = t.expand({batch});
  if (t.size(0) != batch)
    throw Error("The UNet got " + std::to_string(t.size(0)) + " timesteps for a batch of " + std::to_string(batch) +
                ".");
  const auto proj = sinusoidalEmbedding(t, config_.block_out_channels[0], config_.flip_sin_to_cos,
                                        config_.freq_shift).to(dtype());
  auto temb = time_embedding_->forward(proj);
  if (trace) {
    trace->tensors["time_proj"] = proj;
    trace->tensors["time_embedding"] = temb;
  }
  return temb;
}

torch::Tensor UNet2DConditionModel::forward(const torch::Tensor& sample, const torch::Tensor& timesteps,
                                            const torch::Tensor& encoder_hidden_states) {
  return forward(sample, timesteps, encoder_hidden_states, nullptr);
}

torch::Tensor UNet2DConditionModel::forward(const torch::Tensor& sample, const torch::Tensor& timesteps,
                                            const torch::Tensor& encoder_hidden_states, UNetTrace* trace) {
  if (!config_.hasTextTime()) return forward(sample, timesteps, encoder_hidden_states, AddedConditions{}, trace);
  // [B, N + k, D] -> context [B, N, D] + the added conditions packed behind it
  const auto [context, added] = unpackAddedConditions(encoder_hidden_states, config_.addedTextEmbedsDim());
  return forward(sample, timesteps, context, added, trace);
}

torch::Tensor UNet2DConditionModel::forward(const torch::Tensor& sample_in, const torch::Tensor& timesteps,
                                            const torch::Tensor& context_in, const AddedConditions& added,
                                            UNetTrace* trace) {
  // sample: [B, Cin, h, w]; context: [B, N, D]
  if (sample_in.dim() != 4 || sample_in.size(1) != config_.in_channels)
    throw Error("The UNet expects a sample [B, " + std::to_string(config_.in_channels) + ", h, w], got " +
                c10::str(sample_in.sizes()) + ".");
  if (context_in.dim() != 3 || context_in.size(2) != config_.cross_attention_dim ||
      context_in.size(0) != sample_in.size(0))
    throw Error("The UNet expects encoder_hidden_states [" + std::to_string(sample_in.size(0)) + ", N, " +
                std::to_string(config_.cross_attention_dim) + "], got " + c10::str(context_in.sizes()) + ".");
  const auto sample = sample_in.to(device(), dtype());
  const auto context = context_in.to(device(), dtype());
  const auto put = [trace](const std::string& name, const torch::Tensor& t) {
    if (trace) trace->tensors[name] = t;
  };

  auto temb = timestepEmbedding(timesteps, sample.size(0), trace);  // [B, T]
  if (add_embedding_) {
    torch::Tensor time_proj;
    const auto aug = add_embedding_->embed(added, sample.size(0), trace ? &time_proj : nullptr);  // [B, T]
    put("add_time_proj", time_proj);
    put("add_embedding", aug);
    temb = temb + aug;
  } else if (added.text_embeds.defined() || added.time_ids.defined()) {
    throw Error("This UNet has no added conditioning (addition_embed_type), but text_embeds/time_ids were given.");
  }
  const auto temb_act = torch::silu(temb);  // [B, T]
  auto x = conv_in_->forward(sample);
  put("conv_in", x);
  std::vector<torch::Tensor> skips{x};
  for (size_t i = 0; i < down_blocks_.size(); ++i) {
    x = down_blocks_[i]->forward(x, temb_act, context, skips);
    put("down_blocks." + std::to_string(i), x);
  }
  if (mid_block_) {
    x = mid_block_->forward(x, temb_act, context);
    put("mid_block", x);
  }
  for (size_t i = 0; i < up_blocks_.size(); ++i) {
    auto& block = up_blocks_[i];
    // Upsample to the next skip's size: equals 2x for sizes divisible by the total
    // downsampling, and follows diffusers' upsample_size for the others.
    std::optional<std::vector<int64_t>> size;
    if (skips.size() > size_t(block->numResnets())) size = spatial(skips[skips.size() - 1 - block->numResnets()]);
    x = block->forward(x, temb_act, context, skips, size);
    put("up_blocks." + std::to_string(i), x);
  }
  x = conv_out_->forward(nn::siluTemp(nn::groupNorm(conv_norm_out_, x)));
  return x.contiguous();  // [B, Cout, h, w]; channels-last weights give a channels-last x
}

}  // namespace sds::unet
