#include "core/engine/depth/depth_estimator.h"

#include <torch/torch.h>

#include <cmath>

#include "core/engine/depth/depth_preprocess_torch.h"
#include "core/base/error.h"
#include "models/depth/depth_anything_loader.h"

namespace sds::depth {
namespace {

torch::Device parseDevice(const std::string& name) {
  torch::Device device(torch::kCPU);
  try {
    device = torch::Device(name);
  } catch (const std::exception&) {
    throw Error("Unknown device '" + name + "'; use cpu, cuda or cuda:N.");
  }
  if (device.is_cuda() && !torch::cuda::is_available())
    throw Error("Device '" + name + "' was requested but LibTorch sees no CUDA device.");
  if (!device.is_cpu() && !device.is_cuda()) throw Error("Device '" + name + "' is not supported; use cpu or cuda.");
  return device;
}

torch::Dtype parseDtype(const DepthEstimatorOptions& o, const torch::Device& device) {
  if (o.half && !device.is_cuda()) throw Error("float16 depth estimation needs a CUDA device; the CPU runs float32.");
  return o.half ? torch::kFloat16 : torch::kFloat32;
}

class DepthAnythingEstimator : public DepthEstimator {
 public:
  DepthAnythingEstimator(std::shared_ptr<DepthAnythingV2> model, const DepthEstimatorOptions& options, std::string what)
      : model_(std::move(model)), options_(options), description_(std::move(what)) {
    if (options_.input_size < model_->config().patch_size)
      throw Error("The depth input size " + std::to_string(options_.input_size) + " is smaller than one patch.");
    const auto device = parseDevice(options_.device);
    model_->to(device, parseDtype(options_, device));
    description_ += (description_.empty() ? "" : ", ") + std::string("input ") + std::to_string(options_.input_size) +
                    " px, " + options_.device + (options_.half ? " float16" : " float32");
  }

  torch::Tensor estimate(const torch::Tensor& rgb01) override {
    c10::InferenceMode guard;
    auto image = rgb01.dim() == 3 ? rgb01.unsqueeze(0) : rgb01;
    if (image.dim() != 4 || image.size(0) != 1 || image.size(1) != 3)
      throw Error("Depth estimation expects one RGB image [1, 3, H, W].");
    const auto size = networkSize(int(image.size(2)), int(image.size(3)));
    const auto input = preprocessForDepth(image.to(model_->device()), size.height, size.width);
    return run(input, image.size(2), image.size(3))[0].to(rgb01.device());
  }

  torch::Tensor estimatePreprocessed(const torch::Tensor& input, int64_t out_h, int64_t out_w) override {
    c10::InferenceMode guard;
    if (input.dim() != 4 || input.size(1) != 3) throw Error("The depth network input must be [B, 3, h, w].");
    if (out_h <= 0 || out_w <= 0) throw Error("The depth output size must be positive.");
    return run(input.to(model_->device()), out_h, out_w).cpu();
  }

  DepthNetSize networkSize(int image_h, int image_w) const override {
    const int max_long = options_.max_long_side_factor > 0
                             ? int(std::lround(options_.max_long_side_factor * options_.input_size))
                             : 0;
    return limitedDepthNetworkSize(image_h, image_w, options_.input_size, max_long, model_->config().patch_size);
  }

  const DepthEstimatorOptions& options() const override { return options_; }
  std::string description() const override { return description_; }

 private:
  // input: [B, 3, h, w] on the model's device -> [B, out_h, out_w] float32
  torch::Tensor run(const torch::Tensor& input, int64_t out_h, int64_t out_w) {
    const auto raw = model_->forward(input.to(model_->dtype())).to(torch::kFloat32);  // [B, h', w']
    return torch::upsample_bilinear2d(raw.unsqueeze(1), {out_h, out_w}, /*align_corners=*/true, c10::nullopt,
                                      c10::nullopt)
        .squeeze(1);
  }

  std::shared_ptr<DepthAnythingV2> model_;
  DepthEstimatorOptions options_;
  std::string description_;
};

}  // namespace

std::unique_ptr<DepthEstimator> makeDepthEstimator(std::shared_ptr<DepthAnythingV2> model,
                                                   const DepthEstimatorOptions& options, std::string description) {
  if (!model) throw Error("No depth model was given.");
  return std::make_unique<DepthAnythingEstimator>(std::move(model), options, std::move(description));
}

std::unique_ptr<DepthEstimator> loadDepthEstimator(const std::string& path, const DepthEstimatorOptions& options) {
  const auto device = parseDevice(options.device);
  auto loaded = loadDepthAnything(path, DepthLoadOptions{device, parseDtype(options, device)});
  const auto& c = loaded.model->config();
  const std::string what = "Depth Anything V2 (D=" + std::to_string(c.embed_dim) + ", " + std::to_string(c.depth) +
                           " blocks, " + layoutName(loaded.layout) + " layout) from " + loaded.weights_path;
  return makeDepthEstimator(loaded.model, options, what);
}

}  // namespace sds::depth
