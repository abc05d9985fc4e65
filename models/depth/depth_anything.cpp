#include "models/depth/depth_anything.h"

#include <torch/torch.h>

#include "core/base/error.h"
#include "models/depth/sky_fill.h"

namespace sds::depth {

DepthAnythingV2::DepthAnythingV2(const DepthAnythingConfig& config) : config_(config) {
  config_.validate();
  backbone_ = register_module("backbone", std::make_shared<Dinov2Backbone>(config_));
  neck_ = register_module("neck", std::make_shared<DptNeck>(config_));
  head_ = register_module("head", std::make_shared<DepthHead>(config_));
}

torch::Tensor DepthAnythingV2::forward(const torch::Tensor& pixels, DepthTrace* trace) { return run(pixels, trace).depth; }

DepthAnythingOutput DepthAnythingV2::run(const torch::Tensor& pixels_in, DepthTrace* trace) {
  // pixels: [B, 3, H, W]
  const int64_t p = config_.patch_size;
  if (pixels_in.dim() != 4 || pixels_in.size(1) != 3)
    throw Error("Depth Anything expects a [B, 3, H, W] image tensor, got " + std::to_string(pixels_in.dim()) +
                " dimensions.");
  if (pixels_in.size(2) < p || pixels_in.size(3) < p)
    throw Error("The depth network input " + std::to_string(pixels_in.size(2)) + "x" + std::to_string(pixels_in.size(3)) +
                " is smaller than one " + std::to_string(p) + "-pixel patch.");
  const int64_t ph = pixels_in.size(2) / p, pw = pixels_in.size(3) / p;
  const auto pixels = pixels_in.slice(2, 0, ph * p).slice(3, 0, pw * p).to(device(), dtype());
  const auto features = backbone_->forward(pixels, trace);
  const auto path1 = neck_->forward(features, trace);
  const auto head = head_->forward(path1, ph * p, pw * p, trace);  // [B, 1, ph*p, pw*p]
  DepthAnythingOutput out;
  out.head_depth = head.depth.squeeze(1);
  if (head.sky.defined()) out.sky = head.sky.squeeze(1);
  out.depth = config_.family == DepthFamily::Anything3 ? fillSky(out.head_depth, out.sky) : out.head_depth;
  return out;
}

torch::Device DepthAnythingV2::device() const { return parameters().front().device(); }

torch::Dtype DepthAnythingV2::dtype() const { return parameters().front().scalar_type(); }

}  // namespace sds::depth
