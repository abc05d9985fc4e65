#include "models/sd/stable_diffusion.h"

#include <filesystem>

#include "models/common/error.h"
#include "models/sd/checkpoint_files.h"
#include "models/sd/sd_loading.h"
#include "models/sd/sdxl_prompts.h"

namespace sds::sd {

namespace fs = std::filesystem;

const char* versionName(SdVersion v) {
  switch (v) {
    case SdVersion::SD2: return "SD 2.x";
    case SdVersion::SDXL: return "SDXL";
    case SdVersion::SD1: break;
  }
  return "SD 1.x";
}
int nativeImageSize(SdVersion v) { return v == SdVersion::SDXL ? 1024 : 512; }

const char* layoutName(SdLayout l) { return l == SdLayout::SingleFile ? "single-file" : "diffusers"; }

StableDiffusion loadStableDiffusion(const std::string& path, const SdLoadOptions& options) {
  const fs::path p(path);
  if (fs::is_directory(p)) {
    if (!fs::exists(p / "model_index.json") && !fs::is_directory(p / "unet"))
      throw Error(path + " is neither a diffusers model folder (no model_index.json or unet/) nor a .safetensors file.");
    return detail::loadDiffusersFolder(p, options);
  }
  if (!fs::exists(p)) throw Error("The model " + path + " does not exist.");
  if (isPickleCheckpoint(p)) refusePickleCheckpoint(p);
  if (p.extension() != ".safetensors")
    throw Error(path + " is not a .safetensors file or a diffusers model folder.");
  return detail::loadSingleFile(p, options);
}

torch::Tensor encodePrompts(const StableDiffusion& sd, const std::vector<std::string>& prompts) {
  if (sd.version == SdVersion::SDXL) return encodeSdxlPrompts(sd, prompts).prompt_embeds;
  if (!sd.tokenizer || !sd.text_encoder)
    throw Error("Encoding prompts needs the tokenizer and the text encoder, which were not loaded.");
  torch::NoGradGuard no_grad;
  const torch::Tensor ids = sd.tokenizer->encodeBatch(prompts);  // [B, 77]
  return sd.text_encoder->forward(ids).to(sd.device, sd.dtype);  // [B, 77, D]
}

}  // namespace sds::sd
