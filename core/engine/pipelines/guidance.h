// Classifier-free guidance around one UNet evaluation: the per-step building
// block of every sampling loop (txt2img, txt2stereo's two views, null-text
// inversion). Batching follows diffusers: the UNet sees [uncond rows; cond
// rows] in ONE forward, and the result is g = u + s (c - u).
//
// Dtypes: latents stay float32 (scheduler math); the UNet input is cast to
// the UNet's dtype and device, and the prediction comes back as float32 on the
// latents' device. No inference guard is taken here, so the null-text
// optimisation can differentiate through it; callers that only sample hold a
// torch::InferenceMode / NoGradGuard.
#pragma once
#include <cstdint>

#include <torch/types.h>

namespace sds::unet {
class UNet2DConditionModel;
}

namespace sds::pipelines {

// [uncond; cond] embeddings for B views: [2, N, D] -> [2B, N, D] as
// [uncond x B; cond x B] (StereoDiffusion's [uc, uc, c, c] for B = 2).
torch::Tensor guidanceBatch(const torch::Tensor& pair_embeddings, int64_t views);

// The pair with step i's own uncond row: null-text inversion optimises one
// uncond embedding per sampling step. step_uncond: [n, 1, N, D] or undefined
// (then the pair itself). Returns [2, N, D] on the pair's device and dtype.
torch::Tensor pairAtStep(const torch::Tensor& pair_embeddings, const torch::Tensor& step_uncond, int64_t step);

// Throws sds::Error unless step_uncond is [steps, 1, N, D] matching the pair's N, D.
void checkStepUncond(const torch::Tensor& step_uncond, int64_t steps, const torch::Tensor& pair_embeddings);

// The guided model output for B latents at timestep t.
//   latents:    [B, C, h, w]  (already scheduler.scaleModelInput()-ed)
//   embeddings: [2B, N, D] = [uncond x B; cond x B] (see guidanceBatch)
//   returns     [B, C, h, w] float32: u + guidance_scale * (c - u)
// guidance_scale <= 1 runs only the cond rows (embeddings may then be [B, N, D]
// of cond rows, or the full [2B, N, D]); exactly 1 gives c.
torch::Tensor guidedNoisePrediction(unet::UNet2DConditionModel& unet, const torch::Tensor& latents, int64_t t,
                                    const torch::Tensor& embeddings, double guidance_scale);

// The plain (unguided) model output for B latents: embeddings [B, N, D].
torch::Tensor noisePrediction(unet::UNet2DConditionModel& unet, const torch::Tensor& latents, int64_t t,
                              const torch::Tensor& embeddings);

// u + s (c - u) in the dtype of the inputs.
torch::Tensor combineGuidance(const torch::Tensor& uncond, const torch::Tensor& cond, double guidance_scale);

}  // namespace sds::pipelines
