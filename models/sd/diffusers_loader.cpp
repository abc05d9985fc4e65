// Stable Diffusion from a diffusers folder (model_index.json + one folder per
// component), as diffusers' StableDiffusionPipeline.from_pretrained lays it out.
#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "models/sd/checkpoint_files.h"
#include "models/sd/sd_loading.h"
#include "models/unet/unet_config.h"
#include "models/vae/vae_config.h"
#include "models/vae/vae_ldm_keys.h"

namespace sds::sd::detail {
namespace {

namespace fs = std::filesystem;

// What model_index.json says about the pipeline.
struct PipelineIndex {
  bool xl = false;                    // StableDiffusionXLPipeline (two text encoders)
  bool force_zeros_for_empty_prompt = true;
};

// SDXL when the index or the folder has text_encoder_2. Refuses SDXL variants
// this engine does not implement (refiner, inpainting) by name.
PipelineIndex xlIndex(const fs::path& folder, const nlohmann::json& index, const std::string& cls) {
  PipelineIndex out;
  const bool has2 = index.contains("text_encoder_2") || fs::is_directory(folder / "text_encoder_2");
  if (!has2 && cls.find("XL") == std::string::npos) return out;
  out.xl = true;
  const auto component = [&](const char* name) {
    return index.contains(name) ? index[name].is_array() && index[name].size() == 2 && !index[name][1].is_null()
                                : fs::is_directory(folder / name);
  };
  if (cls.find("Inpaint") != std::string::npos)
    throw Error(folder.string() + " is a Stable Diffusion XL inpainting model (" + cls +
                "); only SDXL text-to-image base models are supported.");
  if (index.value("requires_aesthetics_score", false) || !component("text_encoder"))
    throw Error(folder.string() + " is a Stable Diffusion XL refiner (one text encoder, aesthetic-score "
                "conditioning); only SDXL base models are supported.");
  if (!component("text_encoder_2") || !component("tokenizer_2"))
    throw Error("The Stable Diffusion XL model " + folder.string() + " has no text_encoder_2/ or tokenizer_2/.");
  out.force_zeros_for_empty_prompt = index.value("force_zeros_for_empty_prompt", true);
  return out;
}

// Refuses pipelines whose components this engine does not implement.
PipelineIndex checkModelIndex(const fs::path& folder) {
  const auto file = existingFile(folder / "model_index.json");
  if (!file) return xlIndex(folder, nlohmann::json::object(), "");
  nlohmann::json index;
  try {
    index = nlohmann::json::parse(readText(*file));
  } catch (const nlohmann::json::exception& e) {
    throw Error("The pipeline index " + file->string() + " is not valid JSON (" + e.what() + ").");
  }
  if (!index.is_object()) throw Error("The pipeline index " + file->string() + " is not a JSON object.");
  const std::string cls = index.value("_class_name", std::string());
  const PipelineIndex result = xlIndex(folder, index, cls);
  const std::pair<const char*, std::vector<std::string>> expected[] = {
      {"text_encoder", {"CLIPTextModel", "CLIPTextModelWithProjection"}},
      {"text_encoder_2", {"CLIPTextModelWithProjection"}},
      {"unet", {"UNet2DConditionModel"}},
      {"vae", {"AutoencoderKL"}},
  };
  for (const auto& [component, classes] : expected) {
    if (!index.contains(component)) continue;
    const auto& entry = index[component];
    if (!entry.is_array() || entry.size() != 2 || !entry[1].is_string()) continue;
    const std::string got = entry[1].get<std::string>();
    if (std::find(classes.begin(), classes.end(), got) == classes.end())
      throw Error("The pipeline index " + file->string() + " gives '" + component + "' the class " + got +
                  ", which is not supported (expected " + classes.front() + ").");
  }
  return result;
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

std::optional<clip::TextEncoderConfig> textConfigIfPresent(const fs::path& folder, const char* name = "text_encoder") {
  const auto file = existingFile(folder / name / "config.json");
  if (!file) return std::nullopt;
  return clip::parseTextEncoderConfig(readText(*file), file->string());
}

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
  const PipelineIndex index = checkModelIndex(folder);
  StableDiffusion sd;
  sd.layout = SdLayout::Diffusers;
  sd.source = folder.string();
  sd.device = options.device;
  sd.dtype = options.dtype;

  const auto text_config = textConfigIfPresent(folder);
  // The UNet's channels tell its task, so its config is read even when its
  // weights are not.
  std::optional<unet::UNetConfig> unet_config;
  if ((options.components & kUNet) || !text_config || existingFile(folder / "unet" / "config.json")) {
    const fs::path origin = folder / "unet" / "config.json";
    unet_config = unet::parseUNetConfig(componentConfig(folder, "unet"), origin.string());
    sd.task = taskOfUNetChannels(unet_config->in_channels, unet_config->out_channels, folder.string());
    checkExpectedTask(sd.task, options, folder.string());
  }
  if (index.xl)
    sd.version = SdVersion::SDXL;
  else if (options.version)
    sd.version = *options.version;
  else if (text_config)
    sd.version = versionOfTextEncoder(*text_config);
  else
    sd.version = (unet_config->use_linear_projection || unet_config->cross_attention_dim == 1024) ? SdVersion::SD2
                                                                                                  : SdVersion::SD1;

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
  if (index.xl) {
    loadSecondTextEncoder(folder, options, sd);
    sd.force_zeros_for_empty_prompt = index.force_zeros_for_empty_prompt;
  }
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
