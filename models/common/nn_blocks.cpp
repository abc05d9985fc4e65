#include "models/common/nn_blocks.h"

#include <torch/autograd.h>
#include <torch/version.h>
#include <torch/nn/functional/upsampling.h>

namespace sds::nn {

bool inPlaceAllowed() { return !torch::GradMode::is_enabled(); }

torch::Tensor siluTemp(torch::Tensor x) { return inPlaceAllowed() ? torch::silu_(x) : torch::silu(x); }

torch::Tensor addTemp(torch::Tensor a, const torch::Tensor& b) { return inPlaceAllowed() ? a.add_(b) : a + b; }

torch::Tensor linear(torch::nn::Linear layer, const torch::Tensor& x) {
  const auto& w = layer->weight;
  const auto& b = layer->bias;
  if (x.dim() <= 2 || !b.defined()) return layer->forward(x);
  auto shape = x.sizes().vec();
  shape.back() = w.size(0);
  return torch::addmm(b, x.reshape({-1, x.size(-1)}), w.t()).view(shape);
}

namespace {
// LibTorch 2.x has mixed-precision bfloat16 norm kernels (float32 accumulation).
constexpr bool kNormInFloat32ForBfloat16 = TORCH_VERSION_MAJOR < 2;

bool normInFloat32(const torch::Tensor& x) {
  return kNormInFloat32ForBfloat16 && x.scalar_type() == torch::kBFloat16;
}
torch::Tensor float32(const torch::Tensor& t) { return t.defined() ? t.to(torch::kFloat32) : t; }
}  // namespace

torch::Tensor groupNorm(torch::nn::GroupNorm norm, const torch::Tensor& x) {
  if (!normInFloat32(x)) return norm->forward(x);
  const auto& o = norm->options;
  return torch::group_norm(x.to(torch::kFloat32), o.num_groups(), float32(norm->weight), float32(norm->bias), o.eps())
      .to(x.scalar_type());
}

torch::Tensor layerNorm(torch::nn::LayerNorm norm, const torch::Tensor& x) {
  if (!normInFloat32(x)) return norm->forward(x);
  const auto& o = norm->options;
  return torch::layer_norm(x.to(torch::kFloat32), o.normalized_shape(), float32(norm->weight), float32(norm->bias),
                           o.eps())
      .to(x.scalar_type());
}

torch::nn::Conv2d conv2d(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding) {
  if (padding < 0) padding = kernel / 2;
  return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding));
}

ResnetBlock2D::ResnetBlock2D(int64_t in_channels, int64_t out_channels, int64_t temb_channels, int64_t groups,
                             double eps, double output_scale_factor)
    : output_scale_factor_(output_scale_factor) {
  norm1_ = register_module("norm1", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, in_channels).eps(eps)));
  conv1_ = register_module("conv1", conv2d(in_channels, out_channels, 3));
  if (temb_channels > 0) time_emb_proj_ = register_module("time_emb_proj", torch::nn::Linear(temb_channels, out_channels));
  norm2_ = register_module("norm2", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, out_channels).eps(eps)));
  conv2_ = register_module("conv2", conv2d(out_channels, out_channels, 3));
  if (in_channels != out_channels) conv_shortcut_ = register_module("conv_shortcut", conv2d(in_channels, out_channels, 1));
}

torch::Tensor ResnetBlock2D::forward(const torch::Tensor& x, const torch::Tensor& temb_act) {
  // x: [B, Cin, H, W]
  auto h = conv1_->forward(siluTemp(groupNorm(norm1_, x)));
  if (time_emb_proj_ && temb_act.defined()) {
    const auto t = time_emb_proj_->forward(temb_act);  // [B, Cout]
    h = addTemp(h, t.unsqueeze(-1).unsqueeze(-1));
  }
  h = conv2_->forward(siluTemp(groupNorm(norm2_, h)));
  auto out = addTemp(h, conv_shortcut_ ? conv_shortcut_->forward(x) : x);
  if (output_scale_factor_ != 1.0) out = out / output_scale_factor_;
  return out;  // [B, Cout, H, W]
}

Downsample2D::Downsample2D(int64_t channels, int64_t padding) : padding_(padding) {
  conv_ = register_module("conv", conv2d(channels, channels, 3, 2, padding));
}

torch::Tensor Downsample2D::forward(const torch::Tensor& x) {
  // x: [B, C, H, W]
  if (padding_ == 0)
    return conv_->forward(torch::constant_pad_nd(x, {0, 1, 0, 1}, 0));
  return conv_->forward(x);
}

Upsample2D::Upsample2D(int64_t channels) { conv_ = register_module("conv", conv2d(channels, channels, 3)); }

torch::Tensor Upsample2D::forward(const torch::Tensor& x, std::optional<std::vector<int64_t>> size) {
  // x: [B, C, H, W]
  const std::vector<int64_t> out = size ? *size : std::vector<int64_t>{x.size(2) * 2, x.size(3) * 2};
  auto up = x;
  // Nearest upsampling lacks bfloat16 kernels on older LibTorch builds.
  if (x.scalar_type() == torch::kBFloat16) up = up.to(torch::kFloat32);
  namespace F = torch::nn::functional;
  up = F::interpolate(up, F::InterpolateFuncOptions().size(out).mode(torch::kNearest));
  if (up.scalar_type() != x.scalar_type()) up = up.to(x.scalar_type());
  return conv_->forward(up);
}

void setConvWeightsChannelsLast(torch::nn::Module& module, bool on) {
  torch::NoGradGuard no_grad;
  const auto format = on ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
  for (auto& p : module.parameters())
    if (p.dim() == 4) p.set_data(p.data().contiguous(format));
}

void freezeParameters(torch::nn::Module& module) {
  for (auto& p : module.parameters()) p.set_requires_grad(false);
}

}  // namespace sds::nn
