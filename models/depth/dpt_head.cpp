#include "models/depth/dpt_head.h"

#include <torch/torch.h>

#include <cmath>

#include "core/base/error.h"
#include "models/depth/module_tree.h"

namespace sds::depth {
namespace nn = torch::nn;
namespace {

nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, bool bias = true) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).padding(kernel / 2).bias(bias));
}

// Bilinear with align_corners=True, as everywhere in the official head.
torch::Tensor resizeAligned(const torch::Tensor& x, int64_t h, int64_t w) {
  return torch::upsample_bilinear2d(x, {h, w}, /*align_corners=*/true, c10::nullopt, c10::nullopt);
}

std::vector<int64_t> spatial(const torch::Tensor& x) { return {x.size(2), x.size(3)}; }

}  // namespace

PreActResidualUnit::PreActResidualUnit(int64_t channels) {
  conv1_ = register_module("convolution1", conv(channels, channels, 3));
  conv2_ = register_module("convolution2", conv(channels, channels, 3));
}

torch::Tensor PreActResidualUnit::forward(const torch::Tensor& x) {
  // x: [B, F, h, w]; the skip adds the un-activated input.
  return conv2_(torch::relu(conv1_(torch::relu(x)))) + x;
}

FusionLayer::FusionLayer(int64_t features, bool with_residual1) {
  projection_ = register_module("projection", conv(features, features, 1));
  if (with_residual1) residual1_ = register_module("residual_layer1", std::make_shared<PreActResidualUnit>(features));
  residual2_ = register_module("residual_layer2", std::make_shared<PreActResidualUnit>(features));
}

torch::Tensor FusionLayer::forward(const torch::Tensor& x, const torch::Tensor& residual,
                                   const std::optional<std::vector<int64_t>>& size) {
  // x: [B, F, h, w]
  if (residual.defined() && !residual1_) throw Error("Internal error: this fusion layer takes no residual input.");
  auto out = residual.defined() ? x + residual1_->forward(residual) : x;
  out = residual2_->forward(out);
  out = size ? resizeAligned(out, (*size)[0], (*size)[1]) : resizeAligned(out, 2 * out.size(2), 2 * out.size(3));
  return projection_(out);
}

DptNeck::DptNeck(const DepthAnythingConfig& c) {
  auto reassemble = groupModule(*groupModule(*this, "reassemble_stage"), "layers");
  auto convs = groupModule(*this, "convs");
  auto fusion = groupModule(*groupModule(*this, "fusion_stage"), "layers");
  for (size_t j = 0; j < 4; ++j) {
    const int64_t oc = c.out_channels[j];
    const double factor = c.reassemble_factors[j];
    auto layer = groupModule(*reassemble, std::to_string(j));
    projections_.push_back(layer->register_module("projection", conv(c.embed_dim, oc, 1)));
    if (factor > 1) {
      const int64_t f = std::llround(factor);
      auto up = layer->register_module("resize", nn::ConvTranspose2d(nn::ConvTranspose2dOptions(oc, oc, f).stride(f)));
      resizes_.push_back([up](const torch::Tensor& x) { return up->forward(x); });
    } else if (factor < 1) {
      const int64_t stride = std::llround(1.0 / factor);
      auto down = layer->register_module("resize", nn::Conv2d(nn::Conv2dOptions(oc, oc, 3).stride(stride).padding(1)));
      resizes_.push_back([down](const torch::Tensor& x) { return down->forward(x); });
    } else {
      resizes_.push_back([](const torch::Tensor& x) { return x; });
    }
    convs_.push_back(convs->register_module(std::to_string(j), conv(oc, c.features, 3, /*bias=*/false)));
    // fusion layer 0 (official refinenet4) never gets a residual input.
    const bool residual1 = j != 0 || c.fusion4_residual1;
    fusion_.push_back(fusion->register_module(std::to_string(j), std::make_shared<FusionLayer>(c.features, residual1)));
  }
}

torch::Tensor DptNeck::forward(const std::vector<torch::Tensor>& features, DepthTrace* trace) {
  // features: 4 x [B, D, ph, pw]
  std::vector<torch::Tensor> levels;  // layer<j+1>_rn: [B, F, h_j, w_j], finest first
  for (size_t j = 0; j < 4; ++j) {
    const auto projected = projections_[j](features[j]);
    record(trace, "head.project" + std::to_string(j), projected);
    const auto resized = resizes_[j](projected);
    record(trace, "head.resize" + std::to_string(j), resized);
    levels.push_back(convs_[j](resized));
    record(trace, "head.layer" + std::to_string(j + 1) + "_rn", levels.back());
  }
  // Deep to shallow: fusion layer k is the official refinenet(4-k).
  auto path = fusion_[0]->forward(levels[3], {}, spatial(levels[2]));
  record(trace, "head.path4", path);
  path = fusion_[1]->forward(path, levels[2], spatial(levels[1]));
  record(trace, "head.path3", path);
  path = fusion_[2]->forward(path, levels[1], spatial(levels[0]));
  record(trace, "head.path2", path);
  path = fusion_[3]->forward(path, levels[0], std::nullopt);
  record(trace, "head.path1", path);
  return path;
}

DepthHead::DepthHead(const DepthAnythingConfig& c) : exp_output_(c.family == DepthFamily::Anything3) {
  conv1_ = register_module("conv1", conv(c.features, c.features / 2, 3));
  conv2_ = register_module("conv2", conv(c.features / 2, c.head_features_2, 3));
  conv3_ = register_module("conv3", conv(c.head_features_2, 1, 1));
  if (c.sky_head) {
    sky_conv2_ = register_module("sky_conv2", conv(c.features / 2, c.head_features_2, 3));
    sky_conv3_ = register_module("sky_conv3", conv(c.head_features_2, 1, 1));
  }
}

DepthHeadOutput DepthHead::forward(const torch::Tensor& path1, int64_t out_h, int64_t out_w, DepthTrace* trace) {
  // path1: [B, F, h, w]
  auto shared = conv1_(path1);
  record(trace, "head.output_conv1", shared);
  shared = resizeAligned(shared, out_h, out_w);  // [B, F/2, out_h, out_w]
  record(trace, "head.upsampled", shared);
  DepthHeadOutput out;
  const auto logits = conv3_(torch::relu(conv2_(shared)));  // [B, 1, out_h, out_w]
  record(trace, "head.depth_logits", logits);
  out.depth = exp_output_ ? torch::exp(logits) : torch::relu(logits);
  if (sky_conv2_) {
    const auto sky_logits = sky_conv3_(torch::relu(sky_conv2_(shared)));
    record(trace, "head.sky_logits", sky_logits);
    out.sky = torch::relu(sky_logits);
  }
  return out;
}

}  // namespace sds::depth
