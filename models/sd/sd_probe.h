// What a Stable Diffusion model is (family, layout, task, refused variants),
// read without its weights: a diffusers folder's model_index.json and
// text_encoder/ and unet/ config.json, or a single file's safetensors header
// (key names and shapes). The loaders take the same facts from here
// (sd_loading.h: probeDiffusersFolder / probeSingleFile), so the studio's
// "detected: SDXL" and what loading then does never disagree.
#pragma once
#include <optional>
#include <string>

#include "models/sd/stable_diffusion.h"

namespace sds::sd {

struct SdModelInfo {
  SdVersion version = SdVersion::SD1;
  SdLayout layout = SdLayout::Diffusers;
  SdTask task = SdTask::TextToImage;
  // An SDXL refiner (one text encoder, aesthetic-score conditioning).
  bool sdxl_refiner = false;
  // SDXL model_index.json: no negative prompt gives zero uncond rows.
  bool force_zeros_for_empty_prompt = false;
};

// Reads only configs or the header; `version` overrides the detected SD 1.x /
// 2.x (never SDXL, which the files say). Throws sds::Error with one sentence
// for what is not a Stable Diffusion model this engine reads (missing path,
// pickle file, other architecture, broken config). A refiner or an SDXL
// inpainting model is described, not thrown: unsupportedReason() says why
// loading refuses it.
SdModelInfo probeStableDiffusion(const std::string& path, std::optional<SdVersion> version = std::nullopt);

// The models that are recognised but not implemented, named so a refusal
// says what the file is.
enum class SdRefusal { None, SdxlRefiner, SdxlInpainting };
SdRefusal refusalOf(const SdModelInfo& info);

// Empty when loadStableDiffusion() accepts a model like `info`; else the
// sentence it throws, naming `source`.
std::string unsupportedReason(const SdModelInfo& info, const std::string& source);

}  // namespace sds::sd
