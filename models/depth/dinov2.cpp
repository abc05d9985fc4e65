#include "models/depth/dinov2.h"

#include <torch/nn/functional/activation.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>

#include "core/base/error.h"
#include "models/depth/module_tree.h"

namespace sds::depth {
namespace nn = torch::nn;

Dinov2Layer::Dinov2Layer(const DepthAnythingConfig& c) : heads_(c.num_heads) {
  const int64_t d = c.embed_dim;
  const auto norm = [&] { return nn::LayerNorm(nn::LayerNormOptions({d}).eps(c.layer_norm_eps)); };
  norm1_ = register_module("norm1", norm());
  norm2_ = register_module("norm2", norm());
  auto attention = groupModule(*this, "attention");
  auto self = groupModule(*attention, "attention");
  const auto qkv = [&] { return nn::Linear(nn::LinearOptions(d, d).bias(c.qkv_bias)); };
  query_ = self->register_module("query", qkv());
  key_ = self->register_module("key", qkv());
  value_ = self->register_module("value", qkv());
  dense_ = groupModule(*attention, "output")->register_module("dense", nn::Linear(d, d));
  auto mlp = groupModule(*this, "mlp");
  fc1_ = mlp->register_module("fc1", nn::Linear(d, c.mlp_hidden));
  fc2_ = mlp->register_module("fc2", nn::Linear(c.mlp_hidden, d));
  if (c.layer_scale) {
    lambda1_ = groupModule(*this, "layer_scale1")->register_parameter("lambda1", torch::ones({d}), false);
    lambda2_ = groupModule(*this, "layer_scale2")->register_parameter("lambda1", torch::ones({d}), false);
  }
}

torch::Tensor Dinov2Layer::attention(const torch::Tensor& x) {
  const int64_t b = x.size(0), t = x.size(1), d = x.size(2), hd = d / heads_;
  // [B, T, D] -> [B, heads, T, hd]: each head is a consecutive chunk of hd channels.
  const auto heads = [&](const torch::Tensor& y) { return y.view({b, t, heads_, hd}).transpose(1, 2); };
  const auto q = heads(query_(x)), k = heads(key_(x)), v = heads(value_(x));
#if TORCH_VERSION_MAJOR >= 2
  const auto out = at::scaled_dot_product_attention(q, k, v);
#else
  // matmul, not baddbmm(beta=0): the latter can read uninitialised memory in 1.13.
  const auto scores = torch::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(double(hd)));
  const auto out = torch::matmul(scores.softmax(-1), v);
#endif
  return dense_(out.transpose(1, 2).reshape({b, t, d}));
}

torch::Tensor Dinov2Layer::forward(const torch::Tensor& x_in) {
  // x: [B, T, D]
  auto branch = attention(norm1_(x_in));
  if (lambda1_.defined()) branch = branch * lambda1_;
  auto x = x_in + branch;
  branch = fc2_(torch::gelu(fc1_(norm2_(x))));  // exact (erf) GELU
  if (lambda2_.defined()) branch = branch * lambda2_;
  return x + branch;
}

Dinov2Backbone::Dinov2Backbone(const DepthAnythingConfig& c) : config_(c) {
  c.validate();
  const int64_t d = c.embed_dim, grid = c.pos_grid;
  auto embeddings = groupModule(*this, "embeddings");
  cls_token_ = embeddings->register_parameter("cls_token", torch::zeros({1, 1, d}), false);
  position_embeddings_ =
      embeddings->register_parameter("position_embeddings", torch::zeros({1, grid * grid + 1, d}), false);
  projection_ = groupModule(*embeddings, "patch_embeddings")
                    ->register_module("projection", nn::Conv2d(nn::Conv2dOptions(3, d, c.patch_size).stride(c.patch_size)));
  auto list = groupModule(*this, "encoder")->register_module("layer", nn::ModuleList());
  for (int i = 0; i < c.depth; ++i) {
    layers_.push_back(std::make_shared<Dinov2Layer>(c));
    list->push_back(layers_.back());
  }
  layernorm_ = register_module("layernorm", nn::LayerNorm(nn::LayerNormOptions({d}).eps(c.final_norm_eps)));
}

torch::Tensor Dinov2Backbone::interpolatePosEncoding(int64_t ph, int64_t pw, int64_t height, int64_t width) const {
  const int64_t grid = config_.pos_grid, d = config_.embed_dim;
  // Interpolated in float32 even for a float16 model, as the official code does.
  const auto pos = position_embeddings_.to(torch::kFloat32);
  if (ph * pw == grid * grid && height == width) return pos;
  const auto cls = pos.slice(1, 0, 1);
  const auto patches = pos.slice(1, 1).reshape({1, grid, grid, d}).permute({0, 3, 1, 2});  // [1, D, G, G]
  // scale_factor (not size) with the 0.1 offset: the kernel maps dst -> src with G / (n + 0.1).
  const double sh = (double(ph) + 0.1) / double(grid), sw = (double(pw) + 0.1) / double(grid);
  const auto resized = torch::upsample_bicubic2d(patches.contiguous(), {ph, pw}, /*align_corners=*/false, sh, sw);
  return torch::cat({cls, resized.permute({0, 2, 3, 1}).reshape({1, ph * pw, d})}, 1);
}

std::vector<torch::Tensor> Dinov2Backbone::forward(const torch::Tensor& pixels, DepthTrace* trace) {
  // pixels: [B, 3, H, W], H = ph * p, W = pw * p
  const int64_t b = pixels.size(0), p = config_.patch_size;
  const int64_t ph = pixels.size(2) / p, pw = pixels.size(3) / p, d = config_.embed_dim;
  auto x = projection_(pixels).flatten(2).transpose(1, 2);  // [B, N, D], token t = patch (t / pw, t % pw)
  record(trace, "patch_embed", x);
  x = torch::cat({cls_token_.expand({b, -1, -1}), x}, 1);  // [B, 1 + N, D]
  const auto pos = interpolatePosEncoding(ph, pw, pixels.size(2), pixels.size(3));
  record(trace, "pos_embed_interp", pos);
  x = x + pos.to(x.scalar_type());
  record(trace, "tokens_in", x);

  const auto& idx = config_.layer_indices;
  const int last = trace ? numBlocks() - 1 : *std::max_element(idx.begin(), idx.end());
  std::vector<torch::Tensor> outputs(size_t(last + 1));
  for (int i = 0; i <= last; ++i) {
    x = layers_[size_t(i)]->forward(x);
    record(trace, "block" + std::to_string(i) + ".out", x);
    outputs[size_t(i)] = x;
  }
  std::vector<torch::Tensor> features;
  for (size_t j = 0; j < idx.size(); ++j) {
    const auto y = layernorm_(outputs[size_t(idx[j])]);  // one final norm for all four
    const auto patch = y.slice(1, 1);                     // [B, N, D]
    record(trace, "feat" + std::to_string(j) + ".patch", patch);
    // DA3 hands the head the class token before the norm (unused by the mono head).
    const auto& cls_from = config_.family == DepthFamily::Anything3 ? outputs[size_t(idx[j])] : y;
    record(trace, "feat" + std::to_string(j) + ".cls", cls_from.select(1, 0));
    features.push_back(patch.transpose(1, 2).reshape({b, d, ph, pw}));
  }
  return features;
}

torch::Tensor Dinov2Backbone::runBlock(int index, const torch::Tensor& tokens) {
  if (index < 0 || index >= numBlocks())
    throw Error("Encoder block " + std::to_string(index) + " does not exist (the model has " +
                std::to_string(numBlocks()) + ").");
  return layers_[size_t(index)]->forward(tokens);
}

torch::Tensor Dinov2Backbone::finalNorm(const torch::Tensor& tokens) { return layernorm_(tokens); }

}  // namespace sds::depth
