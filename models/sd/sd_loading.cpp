#include "models/sd/sd_loading.h"

#include <fstream>
#include <sstream>

#include "models/clip/text_encoder_layouts.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/io/weights_cover.h"

namespace sds::sd::detail {

namespace fs = std::filesystem;

std::string readText(const fs::path& path) {
  // Regular files only, size-limited: a FIFO or an endless device is refused.
  return readRegularFile(path.string(), kMaxJsonFileBytes, "");
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

namespace {

// Lower bounds of the parameters a config implies (the 3x3 conv2 of every resnet,
// the attention projections, the embeddings), for io::requireWeightsHold.
double minParameters(const clip::TextEncoderConfig& c) {
  const double h = c.hidden_size;
  return double(c.vocab_size) * h + double(c.max_position_embeddings) * h +
         double(c.num_hidden_layers) * (4 * h * h + 2 * h * double(c.intermediate_size));
}

double minParameters(const unet::UNetConfig& c) {
  double n = 0;
  const int blocks = c.numBlocks();
  for (int i = 0; i < blocks; ++i) {
    const double down = c.block_out_channels[size_t(i)], up = c.block_out_channels[size_t(blocks - 1 - i)];
    n += c.layers_per_block[size_t(i)] * 9 * down * down;
    if (c.downHasAttention(i)) n += double(c.layers_per_block[size_t(i)]) * c.downTransformerLayers(i) * 4 * down * down;
    n += c.upLayers(i) * 9 * up * up;
    if (c.upHasAttention(i)) n += double(c.upLayers(i)) * c.upTransformerLayers(i) * 4 * up * up;
  }
  return n;
}

double minParameters(const vae::VaeConfig& c) {
  double n = 0;
  for (int ch : c.block_out_channels) n += (2.0 * c.layers_per_block + 1) * 9 * double(ch) * ch;
  return n;
}

// The network of `config` with its weights, once the file is known to hold
// enough of them for the configured sizes (a tiny file cannot make a huge model).
template <class Model, class Config>
std::shared_ptr<Model> build(const Config& config, const io::WeightSource& weights, const std::string& what,
                             torch::Device device, torch::Dtype dtype,
                             const std::function<bool(const std::string&)>& ignore_unused = {}) {
  io::requireWeightsHold(weights, minParameters(config), what + " configured by " + config.origin);
  auto model = std::make_shared<Model>(config);
  loadWeights(*model, weights, device, dtype, ignore_unused);
  return model;
}

}  // namespace

std::shared_ptr<clip::TextEncoder> buildTextEncoder(const clip::TextEncoderConfig& config,
                                                    const io::WeightSource& weights, const SdLoadOptions& options) {
  return build<clip::TextEncoder>(config, weights, "The text encoder", options.device, options.text_encoder_dtype,
                                  clip::isIgnoredTextKey);
}

std::shared_ptr<unet::UNet2DConditionModel> buildUNet(const unet::UNetConfig& config, const io::WeightSource& weights,
                                                      const SdLoadOptions& options) {
  auto model = build<unet::UNet2DConditionModel>(config, weights, "The UNet", options.device, options.dtype);
  model->useMemoryFormatFor(options.dtype, options.device);
  return model;
}

std::shared_ptr<vae::AutoencoderKL> buildVae(const vae::VaeConfig& config, const io::WeightSource& weights,
                                             const SdLoadOptions& options) {
  auto model = build<vae::AutoencoderKL>(config, weights, "The VAE", options.device, options.dtype);
  model->upcastDecoderFor(options.dtype);
  return model;
}

std::optional<SchedulerConfig> readSchedulerConfig(const fs::path& folder) {
  const auto file = existingFile(folder / "scheduler" / "scheduler_config.json");
  if (!file) return std::nullopt;
  return parseSchedulerConfig(readText(*file), file->string());
}

void checkExpectedTask(SdTask actual, const SdLoadOptions& options, const std::string& source) {
  if (!options.expected_task) return;
  const std::string purpose =
      *options.expected_task == SdTask::Inpainting ? "filling holes by inpainting" : "text-to-image generation";
  requireTask(actual, *options.expected_task, source, purpose);
}

fs::path componentFolder(const fs::path& folder, const char* name) {
  const fs::path dir = folder / name;
  if (!fs::is_directory(dir))
    throw Error("The diffusers model " + folder.string() + " has no " + name + "/ folder.");
  return dir;
}

std::string componentConfig(const fs::path& folder, const char* name) {
  const fs::path file = componentFolder(folder, name) / "config.json";
  if (!fs::is_regular_file(file)) throw Error("The diffusers model " + folder.string() + " has no " + name + "/config.json.");
  return readText(file);
}

std::optional<clip::TextEncoderConfig> textConfigIfPresent(const fs::path& folder, const char* name) {
  const auto file = existingFile(folder / name / "config.json");
  if (!file) return std::nullopt;
  return clip::parseTextEncoderConfig(readText(*file), file->string());
}

SdVersion versionOfTextEncoder(const clip::TextEncoderConfig& config) {
  return config.hidden_act == clip::Activation::QuickGelu ? SdVersion::SD1 : SdVersion::SD2;
}

}  // namespace sds::sd::detail
