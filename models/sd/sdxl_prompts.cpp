#include "models/sd/sdxl_prompts.h"

#include "core/base/error.h"
#include "models/clip/token_batch.h"
#include "models/sd/stable_diffusion.h"

namespace sds::sd {

SdxlPromptEmbeddings encodeSdxlPrompts(const StableDiffusion& sd, const std::vector<std::string>& prompts) {
  if (!sd.tokenizer || !sd.text_encoder || !sd.tokenizer_2 || !sd.text_encoder_2)
    throw Error("Encoding SDXL prompts needs both tokenizers and both text encoders, which were not all loaded.");
  torch::NoGradGuard no_grad;
  clip::TextEncoderTrace trace1, trace2;
  sd.text_encoder->forward(clip::encodeBatch(*sd.tokenizer, prompts), &trace1);  // only hidden_states[-2] is used
  const torch::Tensor ids2 = clip::encodeBatch(*sd.tokenizer_2, prompts);       // [B, 77], pad 0
  const torch::Tensor last2 = sd.text_encoder_2->forward(ids2, &trace2);  // [B, 77, D2]
  const auto opts = torch::TensorOptions().device(sd.device).dtype(sd.dtype);
  SdxlPromptEmbeddings out;
  out.prompt_embeds = torch::cat({clip::TextEncoder::penultimateHiddenState(trace1).to(opts),
                                  clip::TextEncoder::penultimateHiddenState(trace2).to(opts)},
                                 -1);  // [B, 77, D1 + D2]
  out.pooled = sd.text_encoder_2->textEmbeds(last2, ids2).to(opts);  // [B, P]
  return out;
}

torch::Tensor sdxlTimeIds(const std::array<int, 2>& original_size, const std::array<int, 2>& crops_top_left,
                          const std::array<int, 2>& target_size) {
  return torch::tensor({float(original_size[0]), float(original_size[1]), float(crops_top_left[0]),
                        float(crops_top_left[1]), float(target_size[0]), float(target_size[1])},
                       torch::kFloat32)
      .unsqueeze(0);  // [1, 6]
}

}  // namespace sds::sd
