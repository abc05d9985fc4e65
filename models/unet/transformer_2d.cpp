#include "models/unet/transformer_2d.h"

#include <cmath>

#include "models/common/nn_blocks.h"

namespace sds::unet {

Attention::Attention(int64_t query_dim, int64_t context_dim, int64_t heads, int64_t head_dim, bool upcast,
                     const AttentionPlace& where)
    : heads_(heads),
      head_dim_(head_dim),
      is_cross_(context_dim > 0),
      upcast_(upcast),
      hook_(where.hook),
      place_(where.place),
      layer_index_((*where.next_index)++) {
  const int64_t inner = heads * head_dim;
  const int64_t kv_dim = is_cross_ ? context_dim : query_dim;
  to_q_ = register_module("to_q", torch::nn::Linear(torch::nn::LinearOptions(query_dim, inner).bias(false)));
  to_k_ = register_module("to_k", torch::nn::Linear(torch::nn::LinearOptions(kv_dim, inner).bias(false)));
  to_v_ = register_module("to_v", torch::nn::Linear(torch::nn::LinearOptions(kv_dim, inner).bias(false)));
  to_out_ = torch::nn::Linear(inner, query_dim);
  torch::nn::ModuleList out_list;
  out_list->push_back(to_out_);  // index 1 (dropout) has no parameters
  register_module("to_out", out_list);
}

torch::Tensor Attention::forward(const torch::Tensor& x, const torch::Tensor& context) {
  // x: [B, N, C]; context: [B, M, D]
  const auto& ctx = is_cross_ ? context : x;
  const int64_t b = x.size(0), n = x.size(1), m = ctx.size(1);
  attn::AttentionCall call;
  call.q = nn::linear(to_q_, x).view({b, n, heads_, head_dim_}).transpose(1, 2);  // [B, h, N, d]
  call.k = nn::linear(to_k_, ctx).view({b, m, heads_, head_dim_}).transpose(1, 2);
  call.v = nn::linear(to_v_, ctx).view({b, m, heads_, head_dim_}).transpose(1, 2);
  call.scale = 1.0 / std::sqrt(double(head_dim_));
  call.is_cross = is_cross_;
  call.upcast = upcast_;
  call.layer_index = layer_index_;
  call.layers_per_forward = hook_->layers_per_forward;
  call.place = place_;
  const auto out = hook_->processor ? hook_->processor->attend(call)
                                    : attn::scaledDotProductAttention(call.q, call.k, call.v, call.scale, upcast_);
  // [B, h, N, d] -> [B, N, h*d]; a processor may have answered in float32
  return nn::linear(to_out_, out.transpose(1, 2).reshape({b, n, heads_ * head_dim_}).to(x.scalar_type()));
}

FeedForward::FeedForward(int64_t dim) {
  const int64_t inner = 4 * dim;
  proj_ = torch::nn::Linear(dim, 2 * inner);
  out_ = torch::nn::Linear(inner, dim);
  auto geglu = std::make_shared<torch::nn::Module>("GEGLU");
  geglu->register_module("proj", proj_);
  torch::nn::ModuleList net;
  net->push_back(geglu);
  net->push_back(torch::nn::Identity());  // dropout
  net->push_back(out_);
  register_module("net", net);
}

torch::Tensor FeedForward::forward(const torch::Tensor& x) {
  // x: [B, N, C] -> proj [B, N, 8C] = (value, gate) -> [B, N, 4C] -> [B, N, C]
  const auto parts = nn::linear(proj_, x).chunk(2, -1);
  auto gated = torch::gelu(parts[1]);
  gated = nn::inPlaceAllowed() ? gated.mul_(parts[0]) : gated * parts[0];
  return nn::linear(out_, gated);
}

BasicTransformerBlock::BasicTransformerBlock(int64_t dim, int64_t heads, int64_t head_dim, int64_t context_dim,
                                             bool upcast, const AttentionPlace& where) {
  const auto ln = [dim] { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)); };
  norm1_ = register_module("norm1", ln());
  attn1_ = register_module("attn1", std::make_shared<Attention>(dim, 0, heads, head_dim, upcast, where));
  norm2_ = register_module("norm2", ln());
  attn2_ = register_module("attn2", std::make_shared<Attention>(dim, context_dim, heads, head_dim, upcast, where));
  norm3_ = register_module("norm3", ln());
  ff_ = register_module("ff", std::make_shared<FeedForward>(dim));
}

torch::Tensor BasicTransformerBlock::forward(const torch::Tensor& x, const torch::Tensor& context) {
  // x: [B, N, C]
  auto h = nn::addTemp(attn1_->forward(nn::layerNorm(norm1_, x), context), x);
  h = nn::addTemp(attn2_->forward(nn::layerNorm(norm2_, h), context), h);
  return nn::addTemp(ff_->forward(nn::layerNorm(norm3_, h)), h);
}

Transformer2DModel::Transformer2DModel(int64_t channels, int64_t heads, int64_t depth, int64_t context_dim,
                                       int64_t groups, bool linear_projection, bool upcast,
                                       const AttentionPlace& where)
    : linear_(linear_projection) {
  const int64_t head_dim = channels / heads;
  norm_ = register_module("norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(1e-6)));
  if (linear_) {
    linear_in_ = register_module("proj_in", torch::nn::Linear(channels, channels));
  } else {
    conv_in_ = register_module("proj_in", nn::conv2d(channels, channels, 1));
  }
  torch::nn::ModuleList list;
  for (int64_t i = 0; i < depth; ++i) {
    blocks_.push_back(std::make_shared<BasicTransformerBlock>(channels, heads, head_dim, context_dim, upcast, where));
    list->push_back(blocks_.back());
  }
  register_module("transformer_blocks", list);
  if (linear_) {
    linear_out_ = register_module("proj_out", torch::nn::Linear(channels, channels));
  } else {
    conv_out_ = register_module("proj_out", nn::conv2d(channels, channels, 1));
  }
}

torch::Tensor Transformer2DModel::forward(const torch::Tensor& x, const torch::Tensor& context) {
  // x: [B, C, H, W]
  const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  auto t = nn::groupNorm(norm_, x);
  if (!linear_) t = conv_in_->forward(t);
  // [B, C, H, W] -> [B, H*W, C] (a view when x is channels-last)
  t = t.permute({0, 2, 3, 1}).reshape({b, h * w, c});
  if (linear_) t = nn::linear(linear_in_, t);
  for (const auto& block : blocks_) t = block->forward(t, context);
  if (linear_) t = nn::linear(linear_out_, t);
  // [B, H*W, C] -> [B, C, H, W] in x's memory format: a view when x is channels-last
  // (CUDA), one copy otherwise. A channels-last result among contiguous weights would
  // make every following convolution copy its input and weights (measured on CPU:
  // ~15% of a UNet step).
  t = t.view({b, h, w, c}).permute({0, 3, 1, 2}).contiguous(x.suggest_memory_format());
  if (!linear_) t = conv_out_->forward(t);
  return nn::addTemp(t, x);
}

}  // namespace sds::unet
