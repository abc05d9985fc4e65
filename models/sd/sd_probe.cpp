// The one place that decides what a Stable Diffusion model is: its family
// (SD 1.x / 2.x / XL), its task and the SDXL variants that are refused, from
// configs and safetensors headers only. The loaders start from these results.
#include "models/sd/sd_probe.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "models/sd/checkpoint_files.h"
#include "models/sd/sd_loading.h"

namespace sds::sd {
namespace detail {
namespace {

namespace fs = std::filesystem;

bool hasPrefix(const io::WeightSource& w, const std::string& prefix) {
  for (const auto& key : w.names())
    if (key.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

// model_index.json as an object (empty when the folder has none).
nlohmann::json readModelIndex(const fs::path& folder) {
  const auto file = existingFile(folder / "model_index.json");
  if (!file) return nlohmann::json::object();
  nlohmann::json index;
  try {
    index = nlohmann::json::parse(readText(*file));
  } catch (const nlohmann::json::exception& e) {
    throw Error("The pipeline index " + file->string() + " is not valid JSON (" + e.what() + ").");
  }
  if (!index.is_object()) throw Error("The pipeline index " + file->string() + " is not a JSON object.");
  return index;
}

// Refuses pipelines whose components this engine does not implement.
void checkComponentClasses(const fs::path& folder, const nlohmann::json& index) {
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
      throw Error("The pipeline index " + (folder / "model_index.json").string() + " gives '" + component +
                  "' the class " + got + ", which is not supported (expected " + classes.front() + ").");
  }
}

// SDXL when the index or the folder has text_encoder_2 or the pipeline class
// says XL; a refiner has no text_encoder and conditions on an aesthetic score.
void readXlIndex(const fs::path& folder, const nlohmann::json& index, SdModelInfo& info, bool& inpaint_class) {
  const std::string cls = index.value("_class_name", std::string());
  const bool has2 = index.contains("text_encoder_2") || fs::is_directory(folder / "text_encoder_2");
  if (!has2 && cls.find("XL") == std::string::npos) return;
  info.version = SdVersion::SDXL;
  const auto component = [&](const char* name) {
    return index.contains(name) ? index[name].is_array() && index[name].size() == 2 && !index[name][1].is_null()
                                : fs::is_directory(folder / name);
  };
  inpaint_class = cls.find("Inpaint") != std::string::npos;
  info.sdxl_refiner = index.value("requires_aesthetics_score", false) || !component("text_encoder");
  if (!info.sdxl_refiner && !inpaint_class && (!component("text_encoder_2") || !component("tokenizer_2")))
    throw Error("The Stable Diffusion XL model " + folder.string() + " has no text_encoder_2/ or tokenizer_2/.");
  info.force_zeros_for_empty_prompt = index.value("force_zeros_for_empty_prompt", true);
}

// Without a text encoder config: SD 2.x cross-attends to 1024-wide OpenCLIP
// states with linear projections.
SdVersion versionOfUNet(const unet::UNetConfig& c) {
  return (c.use_linear_projection || c.cross_attention_dim == 1024) ? SdVersion::SD2 : SdVersion::SD1;
}

// Single files: SD 2.x's OpenCLIP text encoder, or without one, the width of
// the states the UNet cross-attends to.
SdVersion versionOfSingleFile(const io::WeightSource& all, const std::optional<clip::TextLayout>& text) {
  if (text) return *text == clip::TextLayout::OpenClip ? SdVersion::SD2 : SdVersion::SD1;
  const std::string probe = std::string(kLdmUNetPrefix) + "input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight";
  if (all.has(probe) && all.entry(probe).shape.size() == 2 && all.entry(probe).shape[1] == 1024) return SdVersion::SD2;
  return SdVersion::SD1;
}

// The UNet's task from the shapes of its first and last convolutions.
SdTask taskOfSingleFile(const io::WeightSource& all, const fs::path& file) {
  const std::string in_key = std::string(kLdmUNetPrefix) + "input_blocks.0.0.weight";
  const std::string out_key = std::string(kLdmUNetPrefix) + "out.2.weight";
  for (const auto& key : {in_key, out_key})
    if (!all.has(key) || all.entry(key).shape.size() != 4)
      throw Error("The single-file checkpoint " + file.string() + " has no UNet convolution '" + key + "'.");
  return taskOfUNetChannels(int(all.entry(in_key).shape[1]), int(all.entry(out_key).shape[0]), file.string());
}

}  // namespace

SdLayout layoutOfPath(const std::string& path) {
  const fs::path p(path);
  if (fs::is_directory(p)) {
    if (!fs::exists(p / "model_index.json") && !fs::is_directory(p / "unet"))
      throw Error(path + " is neither a diffusers model folder (no model_index.json or unet/) nor a .safetensors file.");
    return SdLayout::Diffusers;
  }
  if (!fs::exists(p)) throw Error("The model " + path + " does not exist.");
  if (isPickleCheckpoint(p)) refusePickleCheckpoint(p);
  if (p.extension() != ".safetensors") throw Error(path + " is not a .safetensors file or a diffusers model folder.");
  return SdLayout::SingleFile;
}

DiffusersProbe probeDiffusersFolder(const fs::path& folder, std::optional<SdVersion> version) {
  DiffusersProbe p;
  p.info.layout = SdLayout::Diffusers;
  const nlohmann::json index = readModelIndex(folder);
  bool inpaint_class = false;
  readXlIndex(folder, index, p.info, inpaint_class);
  checkComponentClasses(folder, index);
  p.text_config = textConfigIfPresent(folder);
  // The UNet's channels tell its task; without a text encoder they also tell the version.
  if (!p.text_config || existingFile(folder / "unet" / "config.json")) {
    const fs::path origin = folder / "unet" / "config.json";
    p.unet_config = unet::parseUNetConfig(componentConfig(folder, "unet"), origin.string());
    p.info.task = taskOfUNetChannels(p.unet_config->in_channels, p.unet_config->out_channels, folder.string());
  }
  if (inpaint_class) p.info.task = SdTask::Inpainting;
  if (p.info.version == SdVersion::SDXL) return p;
  if (version)
    p.info.version = *version;
  else
    p.info.version = p.text_config ? versionOfTextEncoder(*p.text_config) : versionOfUNet(*p.unet_config);
  return p;
}

SingleFileProbe probeSingleFile(const fs::path& file, std::optional<SdVersion> version) {
  SingleFileProbe p;
  p.file = io::SafetensorsFile::open(file.string());
  p.all = io::WeightSource::fromFile(p.file);
  p.info.layout = SdLayout::SingleFile;
  if (!hasPrefix(p.all, kLdmUNetPrefix))
    throw Error(file.string() + " is not a single-file Stable Diffusion checkpoint (it has no " + kLdmUNetPrefix +
                "* tensors).");
  p.info.task = taskOfSingleFile(p.all, file);
  if (hasPrefix(p.all, "conditioner.embedders.")) {  // sgm GeneralConditioner: SDXL
    p.info.version = SdVersion::SDXL;
    p.info.force_zeros_for_empty_prompt = true;  // the SDXL base pipeline's default
    p.info.sdxl_refiner = !clip::hasSdxlTextEncoders(p.all);
    if (!p.info.sdxl_refiner && !p.all.has(std::string(kLdmUNetPrefix) + "label_emb.0.0.weight"))
      throw Error(file.string() + " has SDXL text encoders but its UNet has no label_emb (added conditioning).");
    return p;
  }
  p.text_layout = clip::detectTextLayout(p.all);
  p.info.version = version ? *version : versionOfSingleFile(p.all, p.text_layout);
  return p;
}

StableDiffusion startLoading(SdLayout layout, const std::string& source, const SdModelInfo& info,
                             const SdLoadOptions& options) {
  const std::string reason = unsupportedReason(info, source);
  if (!reason.empty()) throw Error(reason);
  StableDiffusion sd;
  // What the model is,
  sd.version = info.version;
  sd.task = info.task;
  if (sd.version == SdVersion::SDXL) sd.force_zeros_for_empty_prompt = info.force_zeros_for_empty_prompt;
  // where it comes from and where it runs.
  sd.layout = layout;
  sd.source = source;
  sd.device = options.device;
  sd.dtype = options.dtype;
  return sd;
}

}  // namespace detail

SdRefusal refusalOf(const SdModelInfo& info) {
  if (info.sdxl_refiner) return SdRefusal::SdxlRefiner;
  if (info.version == SdVersion::SDXL && info.task == SdTask::Inpainting) return SdRefusal::SdxlInpainting;
  return SdRefusal::None;
}

std::string unsupportedReason(const SdModelInfo& info, const std::string& source) {
  const SdRefusal refusal = refusalOf(info);
  if (refusal == SdRefusal::SdxlRefiner)
    return source + " is a Stable Diffusion XL refiner (one text encoder, aesthetic-score conditioning); only SDXL "
                    "base models are supported.";
  if (refusal == SdRefusal::SdxlInpainting)
    return source + " is a Stable Diffusion XL inpainting model; only SDXL text-to-image base models are supported.";
  return {};
}

SdModelInfo probeStableDiffusion(const std::string& path, std::optional<SdVersion> version) {
  if (detail::layoutOfPath(path) == SdLayout::SingleFile) return detail::probeSingleFile(path, version).info;
  const auto p = detail::probeDiffusersFolder(path, version);
  if (!p.unet_config) throw Error("The diffusers model " + path + " has no unet/config.json.");
  return p.info;
}

}  // namespace sds::sd
