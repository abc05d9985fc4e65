#include "models/sd/sd_loading.h"

#include <fstream>
#include <sstream>

#include "models/clip/text_encoder_layouts.h"
#include "core/base/error.h"

namespace sds::sd::detail {

namespace fs = std::filesystem;

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("Cannot read " + path.string() + ".");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::optional<fs::path> existingFile(const fs::path& path) {
  if (fs::is_regular_file(path)) return path;
  return std::nullopt;
}

void loadWeights(torch::nn::Module& module, const io::WeightSource& weights, torch::Device device, torch::Dtype dtype,
                 const std::function<bool(const std::string&)>& ignore_unused) {
  io::LoadOptions load;
  load.device = device;
  load.dtype = dtype;
  load.ignore_unused = ignore_unused;
  io::loadModule(module, weights, load);
  for (auto& p : module.parameters()) p.requires_grad_(false);
  module.eval();
}

std::shared_ptr<clip::TextEncoder> buildTextEncoder(const clip::TextEncoderConfig& config,
                                                    const io::WeightSource& weights, const SdLoadOptions& options) {
  auto model = std::make_shared<clip::TextEncoder>(config);
  loadWeights(*model, weights, options.device, options.text_encoder_dtype, clip::isIgnoredTextKey);
  return model;
}

std::shared_ptr<unet::UNet2DConditionModel> buildUNet(const unet::UNetConfig& config, const io::WeightSource& weights,
                                                      const SdLoadOptions& options) {
  auto model = std::make_shared<unet::UNet2DConditionModel>(config);
  loadWeights(*model, weights, options.device, options.dtype);
  return model;
}

std::shared_ptr<vae::AutoencoderKL> buildVae(const vae::VaeConfig& config, const io::WeightSource& weights,
                                             const SdLoadOptions& options) {
  auto model = std::make_shared<vae::AutoencoderKL>(config);
  loadWeights(*model, weights, options.device, options.dtype);
  // float16 SD decoders overflow; diffusers' force_upcast decodes in float32.
  if (options.dtype == torch::kFloat16 && config.force_upcast) model->setUpcastDecoder(true);
  return model;
}

std::optional<SchedulerConfig> readSchedulerConfig(const fs::path& folder) {
  const auto file = existingFile(folder / "scheduler" / "scheduler_config.json");
  if (!file) return std::nullopt;
  return parseSchedulerConfig(readText(*file), file->string());
}

SdVersion versionOfTextEncoder(const clip::TextEncoderConfig& config) {
  return config.hidden_act == clip::Activation::QuickGelu ? SdVersion::SD1 : SdVersion::SD2;
}

}  // namespace sds::sd::detail
