// Prompt -> the text embeddings classifier-free guidance needs.
#pragma once
#include <string>

#include <torch/types.h>

namespace sds::sd {
struct StableDiffusion;
}

namespace sds::pipelines {

// [2, N, D] = [negative prompt (uncond); prompt (cond)], on the model's device
// in its dtype (row 0 is the uncond row, as diffusers and the fixtures order
// them). An empty negative prompt is the usual "" unconditional embedding.
torch::Tensor encodeGuidancePair(const sd::StableDiffusion& sd, const std::string& prompt,
                                 const std::string& negative_prompt = "");

}  // namespace sds::pipelines
