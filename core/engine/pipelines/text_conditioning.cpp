#include "core/engine/pipelines/text_conditioning.h"

#include "core/base/error.h"
#include "models/sd/sdxl_prompts.h"
#include "models/sd/stable_diffusion.h"
#include "models/unet/added_embedding.h"

namespace sds::pipelines {
namespace {

// diffusers StableDiffusionXLPipeline.encode_prompt + _get_add_time_ids.
torch::Tensor encodeSdxlPair(const sd::StableDiffusion& sd, const std::string& prompt,
                             const std::string& negative_prompt, int height, int width,
                             const SdxlConditioning& sdxl) {
  const bool zeros = sdxl.no_negative_prompt && sd.force_zeros_for_empty_prompt;
  auto e = zeros ? sd::encodeSdxlPrompts(sd, {prompt}) : sd::encodeSdxlPrompts(sd, {negative_prompt, prompt});
  if (zeros) {  // [cond] -> [zeros; cond]
    e.prompt_embeds = torch::cat({torch::zeros_like(e.prompt_embeds), e.prompt_embeds});
    e.pooled = torch::cat({torch::zeros_like(e.pooled), e.pooled});
  }
  const std::array<int, 2> size{height, width};
  const auto ids = sd::sdxlTimeIds(sdxl.original_size.value_or(size), sdxl.crops_coords_top_left,
                                   sdxl.target_size.value_or(size));  // [1, 6], the same on both rows
  return unet::packAddedConditions(e.prompt_embeds, {e.pooled, ids.expand({2, 6})});  // [2, 77 + k, D]
}

}  // namespace

torch::Tensor encodeGuidancePair(const sd::StableDiffusion& sd, const std::string& prompt,
                                 const std::string& negative_prompt) {
  if (sd.version == sd::SdVersion::SDXL)
    throw Error("SDXL prompts need the image size for their size conditioning (encodeGuidancePair with a size).");
  if (!sd.tokenizer || !sd.text_encoder)
    throw Error("The model was loaded without its tokenizer or text encoder, so prompts cannot be encoded.");
  return sd::encodePrompts(sd, {negative_prompt, prompt});  // [2, N, D]
}

torch::Tensor encodeGuidancePair(const sd::StableDiffusion& sd, const std::string& prompt,
                                 const std::string& negative_prompt, int height, int width,
                                 const SdxlConditioning& sdxl) {
  if (sd.version != sd::SdVersion::SDXL) return encodeGuidancePair(sd, prompt, negative_prompt);
  return encodeSdxlPair(sd, prompt, negative_prompt, height, width, sdxl);
}

}  // namespace sds::pipelines
