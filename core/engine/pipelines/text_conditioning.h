// Prompt -> the text embeddings classifier-free guidance needs.
#pragma once
#include <array>
#include <optional>
#include <string>

#include <torch/types.h>

namespace sds::sd {
struct StableDiffusion;
}

namespace sds::pipelines {

// SDXL's micro-conditioning (diffusers StableDiffusionXLPipeline.__call__'s
// original_size, crops_coords_top_left, target_size; (h, w) / (top, left) in
// pixels) and its negative-prompt rule. Ignored by SD 1.x / 2.x.
struct SdxlConditioning {
  std::optional<std::array<int, 2>> original_size;  // default: the image size
  std::array<int, 2> crops_coords_top_left{0, 0};
  std::optional<std::array<int, 2>> target_size;    // default: the image size
  // No negative prompt was given (diffusers' negative_prompt=None): with the
  // model's force_zeros_for_empty_prompt the uncond row is zeros instead of
  // the encoded "" (which an explicit "" still gets, as the paper's code).
  bool no_negative_prompt = false;

  bool operator==(const SdxlConditioning& o) const {
    return original_size == o.original_size && crops_coords_top_left == o.crops_coords_top_left &&
           target_size == o.target_size && no_negative_prompt == o.no_negative_prompt;
  }
};

// [2, N, D] = [negative prompt (uncond); prompt (cond)], on the model's device
// in its dtype (row 0 is the uncond row, as diffusers and the fixtures order
// them). An empty negative prompt is the usual "" unconditional embedding.
// SD 1.x / 2.x only: SDXL needs the image size (the overload below).
torch::Tensor encodeGuidancePair(const sd::StableDiffusion& sd, const std::string& prompt,
                                 const std::string& negative_prompt = "");

// The same for any family. SDXL: [2, 77 + k, D1 + D2], the pooled embeddings
// and the 6 size ids of each row packed behind its tokens
// (unet::packAddedConditions), so every batching helper carries them along.
torch::Tensor encodeGuidancePair(const sd::StableDiffusion& sd, const std::string& prompt,
                                 const std::string& negative_prompt, int height, int width,
                                 const SdxlConditioning& sdxl);

}  // namespace sds::pipelines
