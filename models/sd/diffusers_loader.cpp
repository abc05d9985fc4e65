// Stable Diffusion from a diffusers folder (model_index.json + one folder per
// component), as diffusers' StableDiffusionPipeline.from_pretrained lays it out.
#include "core/base/error.h"
#include "models/sd/checkpoint_files.h"
#include "models/sd/sd_loading.h"
#include "models/unet/unet_config.h"
#include "models/vae/vae_config.h"
#include "models/vae/vae_ldm_keys.h"

namespace sds::sd::detail {
namespace {

namespace fs = std::filesystem;

// SDXL's second tokenizer and text encoder (the first ones load as for SD).
void loadSecondTextEncoder(const fs::path& folder, const SdLoadOptions& options, StableDiffusion& sd) {
  if (options.components & kTokenizer) sd.tokenizer_2 = clip::Tokenizer::fromFolder(componentFolder(folder, "tokenizer_2").string());
  if (!(options.components & kTextEncoder)) return;
  auto config = textConfigIfPresent(folder, "text_encoder_2");
  if (!config) throw Error("The diffusers model " + folder.string() + " has no text_encoder_2/config.json.");
  const auto weights = openComponentWeights(componentFolder(folder, "text_encoder_2"), "model", options.variant);
  if (config->projection_dim == 0 && weights.has("text_projection.weight"))
    config->projection_dim = int(weights.entry("text_projection.weight").shape.at(0));
  if (config->projection_dim == 0)
    throw Error("The SDXL text encoder " + config->origin + " has no text_projection (its pooled output is needed).");
  sd.text_encoder_2 = buildTextEncoder(*config, weights, options);
}

}  // namespace

StableDiffusion loadDiffusersFolder(const fs::path& folder, const SdLoadOptions& options) {
  const DiffusersProbe probe = probeDiffusersFolder(folder, options.version);
  StableDiffusion sd = startLoading(SdLayout::Diffusers, folder.string(), probe.info, options);
  const auto& text_config = probe.text_config;
  const auto& unet_config = probe.unet_config;
  if ((options.components & kUNet) && !unet_config) componentConfig(folder, "unet");  // throws: no config
  if (unet_config) checkExpectedTask(sd.task, options, folder.string());
  const bool xl = sd.version == SdVersion::SDXL;

  if (const auto scheduler = readSchedulerConfig(folder)) sd.scheduler = *scheduler;
  else if (sd.version == SdVersion::SD2) sd.scheduler.prediction_type = PredictionType::VPrediction;
  if (options.prediction_type) sd.scheduler.prediction_type = *options.prediction_type;

  if (options.components & kTokenizer) {
    const std::string dir =
        options.tokenizer_dir.empty() ? componentFolder(folder, "tokenizer").string() : options.tokenizer_dir;
    sd.tokenizer = clip::Tokenizer::fromFolder(dir);
  }
  if (options.components & kTextEncoder) {
    if (!text_config) throw Error("The diffusers model " + folder.string() + " has no text_encoder/config.json.");
    sd.text_encoder = buildTextEncoder(
        *text_config, openComponentWeights(componentFolder(folder, "text_encoder"), "model", options.variant), options);
  }
  if (xl) loadSecondTextEncoder(folder, options, sd);
  std::optional<vae::VaeConfig> vae_config;
  if (options.components & kVae) {
    const fs::path origin = folder / "vae" / "config.json";
    vae_config = vae::parseVaeConfig(componentConfig(folder, "vae"), origin.string());
  }
  if (unet_config && vae_config && unet_config->out_channels != vae_config->latent_channels)
    throw Error("The UNet of " + folder.string() + " predicts " + std::to_string(unet_config->out_channels) +
                " channels but the VAE has " + std::to_string(vae_config->latent_channels) + " latent channels.");
  if (options.components & kUNet) {
    const auto weights = openComponentWeights(componentFolder(folder, "unet"), "diffusion_pytorch_model", options.variant);
    sd.unet = buildUNet(*unet_config, weights, options);
  }
  if (options.components & kVae) {
    const auto weights = openComponentWeights(componentFolder(folder, "vae"), "diffusion_pytorch_model", options.variant);
    sd.vae = buildVae(*vae_config, vae::vaeWeightsWithCurrentNames(weights), options);
  }
  return sd;
}

}  // namespace sds::sd::detail
