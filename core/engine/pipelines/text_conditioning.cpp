#include "core/engine/pipelines/text_conditioning.h"

#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

namespace sds::pipelines {

torch::Tensor encodeGuidancePair(const sd::StableDiffusion& sd, const std::string& prompt,
                                 const std::string& negative_prompt) {
  if (!sd.tokenizer || !sd.text_encoder)
    throw Error("The model was loaded without its tokenizer or text encoder, so prompts cannot be encoded.");
  return sd::encodePrompts(sd, {negative_prompt, prompt});  // [2, N, D]
}

}  // namespace sds::pipelines
