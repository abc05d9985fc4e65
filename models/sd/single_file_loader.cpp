// Stable Diffusion from one original (CompVis/LDM layout) .safetensors file:
// `model.diffusion_model.*` (UNet), `first_stage_model.*` (VAE),
// `cond_stage_model.*` (text encoder), plus LDM schedule buffers that are not
// needed; SDXL (sgm layout): `conditioner.embedders.0/1.*` (two text
// encoders), a UNet with `label_emb` (added conditioning), no buffers. Architecture numbers that the shapes do not reveal (heads, norm
// groups, the scheduler) come from SdLoadOptions::config_dir when given, else
// from real SD's defaults, like diffusers' from_single_file(config=...).
#include "models/clip/text_encoder_layouts.h"
#include "core/base/error.h"
#include "models/sd/sd_loading.h"
#include "models/unet/unet_ldm_keys.h"
#include "models/vae/vae_ldm_keys.h"

namespace sds::sd::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kVaePrefix = "first_stage_model.";

// config_dir/<component>/config.json when a config folder was given and has it.
std::optional<fs::path> overrideConfig(const SdLoadOptions& options, const char* component) {
  if (options.config_dir.empty()) return std::nullopt;
  return existingFile(fs::path(options.config_dir) / component / "config.json");
}

SchedulerConfig schedulerFor(SdVersion version, const SdLoadOptions& options) {
  SchedulerConfig s;
  std::optional<SchedulerConfig> from_dir;
  if (!options.config_dir.empty()) from_dir = readSchedulerConfig(options.config_dir);
  if (from_dir)
    s = *from_dir;
  else  // diffusers' from_single_file default: SD 2.x checkpoints are v-prediction (768-v)
    s.prediction_type = version == SdVersion::SD2 ? PredictionType::VPrediction : PredictionType::Epsilon;
  if (options.prediction_type) s.prediction_type = *options.prediction_type;
  return s;
}

// `name`: "tokenizer", or SDXL's "tokenizer_2" (which options.tokenizer_dir does not replace).
std::shared_ptr<clip::Tokenizer> tokenizerFor(const fs::path& file, const SdLoadOptions& options,
                                              const std::string& name = "tokenizer") {
  if (!options.tokenizer_dir.empty() && name == "tokenizer") return clip::Tokenizer::fromFolder(options.tokenizer_dir);
  if (!options.config_dir.empty() && fs::is_directory(fs::path(options.config_dir) / name))
    return clip::Tokenizer::fromFolder((fs::path(options.config_dir) / name).string());
  // A tokenizer/ folder kept beside the checkpoint.
  const fs::path beside = fs::absolute(file).parent_path() / name;
  if (fs::is_directory(beside)) return clip::Tokenizer::fromFolder(beside.string());
  throw Error("The single-file checkpoint " + file.string() + " holds no tokenizer; give a " +
              (name == "tokenizer" ? "tokenizer folder (vocab.json, merges.txt, special_tokens_map.json), a " : "") +
              "diffusers configuration folder that has " + name + "/, or put " + name + "/ beside the file.");
}

// SDXL's text encoder 0 (CLIP ViT-L) or 1 (OpenCLIP bigG with projection).
std::shared_ptr<clip::TextEncoder> sdxlTextEncoderFor(const fs::path& file, const io::WeightSource& all, int encoder,
                                                      const SdLoadOptions& options) {
  const auto weights = clip::sdxlTextEncoderWeights(all, encoder);
  const auto layout = encoder == 1 ? clip::TextLayout::OpenClip : clip::TextLayout::HuggingFace;
  clip::TextEncoderConfig config;
  if (const auto config_file = overrideConfig(options, encoder == 1 ? "text_encoder_2" : "text_encoder"))
    config = clip::parseTextEncoderConfig(readText(*config_file), config_file->string());
  else
    config = clip::detectTextEncoderConfig(weights, layout, file.string());
  if (encoder == 1 && weights.has("text_projection.weight"))
    config.projection_dim = int(weights.entry("text_projection.weight").shape.at(0));
  return buildTextEncoder(config, weights, options);
}

std::shared_ptr<clip::TextEncoder> textEncoderFor(const fs::path& file, const io::WeightSource& all,
                                                  const std::optional<clip::TextLayout>& layout,
                                                  const SdLoadOptions& options) {
  if (!layout)
    throw Error("The single-file checkpoint " + file.string() + " has no text encoder (no " + clip::kLdmHfTextPrefix +
                "* or " + clip::kLdmOpenClipTextPrefix + "* tensors).");
  if (const auto config_file = overrideConfig(options, "text_encoder")) {
    const auto config = clip::parseTextEncoderConfig(readText(*config_file), config_file->string());
    const auto weights = clip::textEncoderWeightsFromLdm(all, *layout, config.num_hidden_layers);
    return buildTextEncoder(config, weights, options);
  }
  const auto weights = clip::textEncoderWeightsFromLdm(all, *layout);
  return buildTextEncoder(clip::detectTextEncoderConfig(weights, *layout, file.string()), weights, options);
}

std::shared_ptr<unet::UNet2DConditionModel> unetFor(const std::shared_ptr<const io::SafetensorsFile>& st,
                                                    SdVersion version, const SdLoadOptions& options) {
  const auto ldm = io::WeightSource::fromFile(st, kLdmUNetPrefix);
  unet::UNetConfig config;
  if (const auto config_file = overrideConfig(options, "unet")) {
    config = unet::parseUNetConfig(readText(*config_file), config_file->string());
    // The weights know their input channels: an inpainting checkpoint may come
    // with the configuration folder of its text-to-image base model.
    config.in_channels = int(ldm.entry("input_blocks.0.0.weight").shape.at(1));
  } else {
    unet::LdmUNetDefaults defaults;
    defaults.upcast_attention = version == SdVersion::SD2;  // as diffusers converts SD 2.x
    config = unet::detectUNetConfigFromLdm(ldm, defaults);
  }
  return buildUNet(config, unet::unetWeightsFromLdm(ldm, config), options);
}

std::shared_ptr<vae::AutoencoderKL> vaeFor(const fs::path& file, const std::shared_ptr<const io::SafetensorsFile>& st,
                                           SdVersion version, const SdLoadOptions& options) {
  const auto ldm = io::WeightSource::fromFile(st, kVaePrefix);
  if (ldm.size() == 0)
    throw Error("The single-file checkpoint " + file.string() + " has no autoencoder (no " + kVaePrefix + "* tensors).");
  vae::VaeConfig config;
  if (const auto config_file = overrideConfig(options, "vae"))
    config = vae::parseVaeConfig(readText(*config_file), config_file->string());
  else
    config = version == SdVersion::SDXL ? vae::detectVaeConfigFromLdm(ldm, 32, 0.13025)  // SDXL's VAE scale
                                        : vae::detectVaeConfigFromLdm(ldm);
  return buildVae(config, vae::vaeWeightsFromLdm(ldm, config), options);
}

}  // namespace

StableDiffusion loadSingleFile(const fs::path& file, const SdLoadOptions& options) {
  const SingleFileProbe probe = probeSingleFile(file, options.version);
  StableDiffusion sd = startLoading(SdLayout::SingleFile, file.string(), probe.info, options);
  if (!options.config_dir.empty() && !fs::is_directory(options.config_dir))
    throw Error("The configuration folder " + options.config_dir + " does not exist.");
  const auto& st = probe.file;
  const auto& all = probe.all;
  checkExpectedTask(sd.task, options, file.string());
  sd.scheduler = schedulerFor(sd.version, options);
  const bool xl = sd.version == SdVersion::SDXL;
  if (xl) {  // sgm GeneralConditioner: CLIP ViT-L + OpenCLIP bigG
    if (options.components & kTokenizer) {
      sd.tokenizer = tokenizerFor(file, options);
      sd.tokenizer_2 = tokenizerFor(file, options, "tokenizer_2");
    }
    if (options.components & kTextEncoder) {
      sd.text_encoder = sdxlTextEncoderFor(file, all, 0, options);
      sd.text_encoder_2 = sdxlTextEncoderFor(file, all, 1, options);
    }
  } else {
    if (options.components & kTokenizer) sd.tokenizer = tokenizerFor(file, options);
    if (options.components & kTextEncoder) sd.text_encoder = textEncoderFor(file, all, probe.text_layout, options);
  }
  if (options.components & kUNet) sd.unet = unetFor(st, sd.version, options);
  if (options.components & kVae) sd.vae = vaeFor(file, st, sd.version, options);
  if (sd.unet && sd.vae && sd.unet->config().out_channels != sd.vae->config().latent_channels)
    throw Error("The UNet of " + file.string() + " predicts " + std::to_string(sd.unet->config().out_channels) +
                " channels but the VAE has " + std::to_string(sd.vae->config().latent_channels) + " latent channels.");
  return sd;
}

}  // namespace sds::sd::detail
