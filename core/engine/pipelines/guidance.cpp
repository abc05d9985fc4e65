#include "core/engine/pipelines/guidance.h"

#include "core/base/error.h"
#include "models/unet/unet.h"

namespace sds::pipelines {

torch::Tensor guidanceBatch(const torch::Tensor& pair_embeddings, int64_t views) {
  if (pair_embeddings.dim() != 3 || pair_embeddings.size(0) != 2)
    throw Error("Guidance embeddings must be [2, N, D] (uncond, cond).");
  if (views == 1) return pair_embeddings;
  const auto sizes = pair_embeddings.sizes();
  return pair_embeddings.unsqueeze(1).expand({2, views, sizes[1], sizes[2]}).reshape({2 * views, sizes[1], sizes[2]});
}

torch::Tensor pairAtStep(const torch::Tensor& pair_embeddings, const torch::Tensor& step_uncond, int64_t step) {
  if (!step_uncond.defined()) return pair_embeddings;
  return torch::cat({step_uncond[step].to(pair_embeddings.device(), pair_embeddings.scalar_type()),
                     pair_embeddings.slice(0, 1, 2)});
}

void checkStepUncond(const torch::Tensor& step_uncond, int64_t steps, const torch::Tensor& pair_embeddings) {
  if (!step_uncond.defined()) return;
  if (step_uncond.dim() != 4 || step_uncond.size(0) != steps || step_uncond.size(1) != 1 ||
      step_uncond.size(2) != pair_embeddings.size(1) || step_uncond.size(3) != pair_embeddings.size(2))
    throw Error("The per-step uncond embeddings must be [" + std::to_string(steps) + ", 1, " +
                std::to_string(pair_embeddings.size(1)) + ", " + std::to_string(pair_embeddings.size(2)) +
                "] (one row per sampling step, as the inversion made them).");
}

torch::Tensor combineGuidance(const torch::Tensor& uncond, const torch::Tensor& cond, double guidance_scale) {
  return uncond + guidance_scale * (cond - uncond);
}

torch::Tensor noisePrediction(unet::UNet2DConditionModel& unet, const torch::Tensor& latents, int64_t t,
                              const torch::Tensor& embeddings) {
  // latents: [B, C, h, w], embeddings: [B, N, D]
  if (embeddings.size(0) != latents.size(0))
    throw Error("noisePrediction: " + std::to_string(latents.size(0)) + " latents but " +
                std::to_string(embeddings.size(0)) + " text embeddings.");
  const auto opts = torch::TensorOptions().device(unet.device()).dtype(unet.dtype());
  const auto timestep = torch::full({1}, t, torch::TensorOptions().device(unet.device()).dtype(torch::kInt64));
  const auto out = unet.forward(latents.to(opts), timestep, embeddings.to(opts));
  return out.to(latents.device(), torch::kFloat32);
}

torch::Tensor guidedNoisePrediction(unet::UNet2DConditionModel& unet, const torch::Tensor& latents, int64_t t,
                                    const torch::Tensor& embeddings, double guidance_scale) {
  // latents: [B, C, h, w], embeddings: [2B, N, D] ([B, N, D] allowed when unguided)
  const int64_t b = latents.size(0);
  if (guidance_scale <= 1.0) {
    const auto cond = embeddings.size(0) == 2 * b ? embeddings.slice(0, b) : embeddings;
    return noisePrediction(unet, latents, t, cond);
  }
  if (embeddings.size(0) != 2 * b)
    throw Error("Classifier-free guidance needs [uncond x B; cond x B] embeddings: got " +
                std::to_string(embeddings.size(0)) + " rows for " + std::to_string(b) + " latents.");
  const auto out = noisePrediction(unet, torch::cat({latents, latents}), t, embeddings);
  const auto halves = out.chunk(2, 0);
  return combineGuidance(halves[0], halves[1], guidance_scale);
}

}  // namespace sds::pipelines
