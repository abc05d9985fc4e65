#include "models/sd/stable_diffusion.h"

#include "core/base/error.h"
#include "models/clip/token_batch.h"
#include "models/sd/sd_loading.h"
#include "models/sd/sdxl_prompts.h"

namespace sds::sd {

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
const char* taskName(SdTask t) { return t == SdTask::Inpainting ? "inpainting" : "text-to-image"; }

SdTask taskOfUNetChannels(int in_channels, int out_channels, const std::string& source) {
  if (in_channels == out_channels) return SdTask::TextToImage;
  if (in_channels == 2 * out_channels + 1) return SdTask::Inpainting;
  throw Error("The UNet of " + source + " takes " + std::to_string(in_channels) + " input channels for " +
              std::to_string(out_channels) + " latent channels; only text-to-image (" + std::to_string(out_channels) +
              ") and inpainting (" + std::to_string(2 * out_channels + 1) +
              ") models are supported (a depth-conditioned or instruct model?).");
}

void requireTask(const StableDiffusion& sd, SdTask task, const std::string& purpose) {
  detail::requireTask(sd.task, task, sd.source, purpose);
}

namespace detail {

void requireTask(SdTask actual, SdTask expected, const std::string& source, const std::string& purpose) {
  if (actual == expected) return;
  const std::string what = source.empty() ? std::string("The model") : "The model " + source;
  if (actual == SdTask::Inpainting)
    throw Error(what + " is an inpainting model (its UNet also takes a mask and a masked image), so it cannot be "
                       "used for " + purpose + "; give a text-to-image Stable Diffusion model, or use it as the "
                       "inpainting model of a hole fill.");
  throw Error(what + " is a text-to-image model, not an inpainting model (its UNet takes no mask), so it cannot be "
                     "used for " + purpose + "; give an inpainting checkpoint (e.g. SD 1.5 or 2 inpainting).");
}

}  // namespace detail

StableDiffusion loadStableDiffusion(const std::string& path, const SdLoadOptions& options) {
  if (detail::layoutOfPath(path) == SdLayout::Diffusers) return detail::loadDiffusersFolder(path, options);
  return detail::loadSingleFile(path, options);
}

torch::Tensor encodePrompts(const StableDiffusion& sd, const std::vector<std::string>& prompts) {
  if (sd.version == SdVersion::SDXL) return encodeSdxlPrompts(sd, prompts).prompt_embeds;
  if (!sd.tokenizer || !sd.text_encoder)
    throw Error("Encoding prompts needs the tokenizer and the text encoder, which were not loaded.");
  torch::NoGradGuard no_grad;
  const torch::Tensor ids = clip::encodeBatch(*sd.tokenizer, prompts);  // [B, 77]
  return sd.text_encoder->forward(ids).to(sd.device, sd.dtype);  // [B, 77, D]
}

}  // namespace sds::sd
