#include "core/engine/depth/depth_estimator.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "core/engine/compute_device.h"
#include "core/engine/depth/depth_preprocess_torch.h"
#include "core/base/error.h"
#include "models/depth/depth_anything_loader.h"
#include "models/depth/sky_fill.h"

namespace sds::depth {
namespace {

bool isDa3(const DepthAnythingV2& model) { return model.config().family == DepthFamily::Anything3; }

// Resizes a [B, h, w] map to out_h x out_w (bilinear, align_corners=True).
torch::Tensor resizeMap(const torch::Tensor& map, int64_t out_h, int64_t out_w) {
  if (map.size(1) == out_h && map.size(2) == out_w) return map;
  return torch::upsample_bilinear2d(map.unsqueeze(1), {out_h, out_w}, /*align_corners=*/true, c10::nullopt, c10::nullopt)
      .squeeze(1);
}

class DepthAnythingEstimator : public DepthEstimator {
 public:
  DepthAnythingEstimator(std::shared_ptr<DepthAnythingV2> model, const DepthEstimatorOptions& options, std::string what)
      : model_(std::move(model)), options_(options), description_(std::move(what)) {
    if (options_.input_size <= 0) options_.input_size = isDa3(*model_) ? 504 : 518;
    if (options_.input_size < model_->config().patch_size)
      throw Error("The depth input size " + std::to_string(options_.input_size) + " is smaller than one patch.");
    if (options_.input_size > kMaxInputSize)
      throw Error("The depth input size " + std::to_string(options_.input_size) + " is above the largest accepted, " +
                  std::to_string(kMaxInputSize) + ".");
    if (!(options_.focal_px >= 0) || !(options_.horizontal_fov_degrees > 0 && options_.horizontal_fov_degrees < 180))
      throw Error("The focal length must be positive and the field of view between 0 and 180 degrees.");
    const auto device = parseDevice(options_.device);
    const auto dtype = depthDtype(options_.precision, device);
    model_->to(device, dtype.dtype);
    description_ += (description_.empty() ? "" : ", ") + std::string("input ") + std::to_string(options_.input_size) +
                    " px, " + options_.device + " " + dtypeName(dtype.dtype) + " (" + dtype.why + ")";
  }

  torch::Tensor estimate(const torch::Tensor& rgb01) override { return estimateMaps(rgb01).map; }

  DepthMaps estimateMaps(const torch::Tensor& rgb01) override {
    c10::InferenceMode guard;
    auto image = rgb01.dim() == 3 ? rgb01.unsqueeze(0) : rgb01;
    if (image.dim() != 4 || image.size(0) != 1 || image.size(1) != 3)
      throw Error("Depth estimation expects one RGB image [1, 3, H, W].");
    const auto size = networkSize(int(image.size(2)), int(image.size(3)));
    const auto on_device = image.to(model_->device());
    const auto input = inputStyle() == DepthInputStyle::Uint8TwoStep ? preprocessForDa3(on_device, size)
                                                                      : preprocessForDepth(on_device, size.height, size.width);
    auto maps = run(input, image.size(2), image.size(3));
    maps.map = maps.map[0].to(rgb01.device());
    if (maps.sky.defined()) maps.sky = maps.sky[0].to(rgb01.device());
    return maps;
  }

  torch::Tensor estimatePreprocessed(const torch::Tensor& input, int64_t out_h, int64_t out_w) override {
    return estimatePreprocessedMaps(input, out_h, out_w).map;
  }

  DepthMaps estimatePreprocessedMaps(const torch::Tensor& input, int64_t out_h, int64_t out_w) override {
    c10::InferenceMode guard;
    if (input.dim() != 4 || input.size(1) != 3) throw Error("The depth network input must be [B, 3, h, w].");
    if (out_h <= 0 || out_w <= 0) throw Error("The depth output size must be positive.");
    auto maps = run(input.to(model_->device()), out_h, out_w);
    maps.map = maps.map.cpu();
    if (maps.sky.defined()) maps.sky = maps.sky.cpu();
    return maps;
  }

  DepthNetSize networkSize(int image_h, int image_w) const override {
    const int patch = model_->config().patch_size;
    if (inputStyle() == DepthInputStyle::Uint8TwoStep) {
      auto size = da3NetworkSize(image_h, image_w, options_.input_size, patch);
      // The reference allows a side below one patch (and then refuses it); run at one patch instead.
      size.height = std::max(size.height, patch);
      size.width = std::max(size.width, patch);
      return size;
    }
    const int max_long = options_.max_long_side_factor > 0
                             ? int(std::lround(options_.max_long_side_factor * options_.input_size))
                             : 0;
    return limitedDepthNetworkSize(image_h, image_w, options_.input_size, max_long, patch);
  }

  DepthOutputKind outputKind() const override {
    if (!isDa3(*model_)) return DepthOutputKind::InverseDepth;
    return model_->config().metric ? DepthOutputKind::MetricDepth : DepthOutputKind::Depth;
  }
  DepthInputStyle inputStyle() const override {
    return isDa3(*model_) ? DepthInputStyle::Uint8TwoStep : DepthInputStyle::FloatCubic;
  }
  const DepthEstimatorOptions& options() const override { return options_; }
  std::string description() const override { return description_; }

 private:
  // input: [B, 3, h, w] on the model's device -> [B, out_h, out_w] float32 map (and sky)
  DepthMaps run(const torch::Tensor& input, int64_t out_h, int64_t out_w) {
    const auto out = model_->run(input.to(model_->dtype()));
    DepthMaps maps;
    auto map = out.depth.to(torch::kFloat32);  // [B, h', w']
    if (outputKind() == DepthOutputKind::MetricDepth) map = map * (networkFocalPx(map.size(2), out_w) / 300.0);
    maps.map = resizeMap(map, out_h, out_w);
    // The pixels the sky fill changed, at the output size.
    if (out.sky.defined()) maps.sky = resizeMap(out.sky.to(torch::kFloat32), out_h, out_w) >= SkyFillOptions{}.threshold;
    return maps;
  }

  // The focal length in pixels at a network width of net_w for an image out_w wide.
  double networkFocalPx(int64_t net_w, int64_t image_w) const {
    if (options_.focal_px > 0) return options_.focal_px * double(net_w) / double(image_w);
    const double half_fov = options_.horizontal_fov_degrees * M_PI / 360.0;
    return 0.5 * double(net_w) / std::tan(half_fov);
  }

  std::shared_ptr<DepthAnythingV2> model_;
  DepthEstimatorOptions options_;
  std::string description_;
};

}  // namespace

const char* outputKindName(DepthOutputKind kind) {
  switch (kind) {
    case DepthOutputKind::Depth: return "relative depth";
    case DepthOutputKind::MetricDepth: return "metric depth (m)";
    default: return "inverse depth";
  }
}

std::unique_ptr<DepthEstimator> makeDepthEstimator(std::shared_ptr<DepthAnythingV2> model,
                                                   const DepthEstimatorOptions& options, std::string description) {
  if (!model) throw Error("No depth model was given.");
  return std::make_unique<DepthAnythingEstimator>(std::move(model), options, std::move(description));
}

ComputeDtype depthDtype(Precision precision, const c10::Device& device) {
  ComputeDtype d = resolveDtype(precision, device);
  if (d.dtype == c10::kBFloat16) {  // the reason stays the choice's; the depth model's own rule is in why
    d.dtype = c10::kFloat;
    d.why = "float32: the depth model stays float32 under bfloat16";
  }
  return d;
}

std::unique_ptr<DepthEstimator> loadDepthEstimator(const std::string& path, const DepthEstimatorOptions& options) {
  const auto device = parseDevice(options.device);
  auto loaded = loadDepthAnything(path, DepthLoadOptions{device, depthDtype(options.precision, device).dtype});
  const auto& c = loaded.model->config();
  const std::string family = c.family == DepthFamily::Anything3 ? (c.metric ? "Depth Anything 3 metric" : "Depth Anything 3")
                                                                : "Depth Anything V2";
  const std::string what = family + " (D=" + std::to_string(c.embed_dim) + ", " + std::to_string(c.depth) + " blocks, " +
                           layoutName(loaded.layout) + " layout) from " + loaded.weights_path;
  return makeDepthEstimator(loaded.model, options, what);
}

}  // namespace sds::depth
