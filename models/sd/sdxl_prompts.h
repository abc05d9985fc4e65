// SDXL's prompt encoding (diffusers StableDiffusionXLPipeline.encode_prompt,
// v0.25.1): each encoder tokenizes with its own tokenizer (pad ids differ) and
// contributes its PENULTIMATE hidden state without the final LayerNorm;
// prompt_embeds = cat(text_encoder, text_encoder_2) on the last axis, and the
// pooled embedding is text_encoder_2's projected EOS state.
#pragma once
#include <array>
#include <string>
#include <vector>

#include <torch/types.h>

namespace sds::sd {

struct StableDiffusion;

struct SdxlPromptEmbeddings {
  torch::Tensor prompt_embeds;  // [B, 77, D1 + D2]
  torch::Tensor pooled;         // [B, P] text_embeds
};

// On sd.device in sd.dtype. Throws sds::Error when a part is not loaded.
SdxlPromptEmbeddings encodeSdxlPrompts(const StableDiffusion& sd, const std::vector<std::string>& prompts);

// The 6 micro-conditioning numbers of one row as float32 [1, 6]:
// (original h, w, crop top, left, target h, w) in pixels.
torch::Tensor sdxlTimeIds(const std::array<int, 2>& original_size, const std::array<int, 2>& crops_top_left,
                          const std::array<int, 2>& target_size);

}  // namespace sds::sd
