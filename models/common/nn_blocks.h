// Building blocks shared by the UNet and the VAE, named like diffusers'
// (diffusers/models/resnet.py, downsampling.py, upsampling.py, v0.25.1) so that
// their parameters carry the diffusers keys (`norm1`, `conv1`, `time_emb_proj`,
// `conv_shortcut`, `conv`).
#pragma once
#include <optional>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

namespace sds::nn {

// In-place updates save memory traffic, but autograd (null-text optimisation
// backpropagates through the UNet) forbids them on tensors it saved.
bool inPlaceAllowed();
// silu(x) for a temporary `x` that nobody else holds.
torch::Tensor siluTemp(torch::Tensor x);
// a + b where `a` is a temporary that nobody else holds.
torch::Tensor addTemp(torch::Tensor a, const torch::Tensor& b);

// A ModuleList holding `items` (registered under their indices, as diffusers'
// nn.ModuleList names them).
template <typename M>
torch::nn::ModuleList listOf(const std::vector<std::shared_ptr<M>>& items) {
  torch::nn::ModuleList list;
  for (const auto& m : items) list->push_back(m);
  return list;
}

// y = x W^T + b over the last dim: x [..., in] -> [..., out]. A fused addmm on
// the flattened rows, as Python's F.linear does for 3-D input; LibTorch's C++
// Linear runs anything but 2-D as a matmul plus a separate bias pass.
torch::Tensor linear(torch::nn::Linear layer, const torch::Tensor& x);

// GroupNorm / LayerNorm of x in x's dtype. A bfloat16 x is normalised in
// float32 on LibTorch 1.x, whose bfloat16 norm kernels ran 8x (GroupNorm) and
// 18x (LayerNorm) slower than float32 on a UNet's tensors; the two conversions
// cost far less, and float32 statistics are the more accurate ones. (Modules
// by value: a shared handle, and forward() is not const.)
torch::Tensor groupNorm(torch::nn::GroupNorm norm, const torch::Tensor& x);
torch::Tensor layerNorm(torch::nn::LayerNorm norm, const torch::Tensor& x);

torch::nn::Conv2d conv2d(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1, int64_t padding = -1);

// h = conv1(silu(norm1(x))) [+ time_emb_proj(silu(temb))]; h = conv2(silu(norm2(h)));
// out = (shortcut(x) + h) / output_scale_factor. `temb_channels` 0 = no time input.
class ResnetBlock2D : public torch::nn::Module {
 public:
  ResnetBlock2D(int64_t in_channels, int64_t out_channels, int64_t temb_channels, int64_t groups, double eps,
                double output_scale_factor = 1.0);
  // x: [B, in, H, W]; temb_act: [B, temb_channels] = silu(temb), or undefined
  // when the block has no time input. Returns [B, out, H, W].
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& temb_act);

 private:
  torch::nn::GroupNorm norm1_{nullptr}, norm2_{nullptr};
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, conv_shortcut_{nullptr};
  torch::nn::Linear time_emb_proj_{nullptr};
  double output_scale_factor_;
};

// Strided 3x3 conv. padding 1: the UNet's; padding 0: the VAE's, which first pads
// one zero column/row on the right/bottom.
class Downsample2D : public torch::nn::Module {
 public:
  Downsample2D(int64_t channels, int64_t padding);
  // x: [B, C, H, W] -> [B, C, ceil(H/2), ceil(W/2)] (padding 1) or [B, C, H/2, W/2] (padding 0, floor)
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Conv2d conv_{nullptr};
  int64_t padding_;
};

// Nearest 2x (or to `size`, index floor(i * in / out)) then a 3x3 conv.
class Upsample2D : public torch::nn::Module {
 public:
  explicit Upsample2D(int64_t channels);
  // x: [B, C, H, W] -> [B, C, size] (default 2H x 2W)
  torch::Tensor forward(const torch::Tensor& x, std::optional<std::vector<int64_t>> size = std::nullopt);

 private:
  torch::nn::Conv2d conv_{nullptr};
};

// Re-lays every 4-D parameter of `module` out channels-last (or back).
void setConvWeightsChannelsLast(torch::nn::Module& module, bool on);
// Turns gradient tracking of the parameters off: the networks are inference-only
// (gradients w.r.t. inputs still flow).
void freezeParameters(torch::nn::Module& module);

}  // namespace sds::nn
