#include "core/engine/inversion/image_inversion.h"

#include <c10/core/InferenceMode.h>
#include <torch/utils.h>

#include "core/engine/inversion/ddim_inversion.h"
#include "core/engine/inversion/null_text.h"
#include "core/engine/pipelines/guidance.h"
#include "core/engine/pipelines/text_conditioning.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/engine/schedulers/ddim.h"
#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

namespace sds::inversion {

InversionCost plannedCost(InversionMode mode, int steps, int inner_steps) {
  if (mode == InversionMode::Fast) return {steps, 0};
  return {int64_t(steps) * (4 + inner_steps), int64_t(steps) * inner_steps};
}

torch::Tensor InversionResult::xT() const { return ddim_latents[ddim_latents.size(0) - 1]; }

torch::Tensor imageLatentFromU8(const sd::StableDiffusion& sd, const torch::Tensor& image_u8) {
  // image_u8: [H, W, 3] uint8
  if (!sd.vae) throw Error("The model was loaded without its VAE, so images cannot be encoded.");
  if (image_u8.dim() != 3 || image_u8.size(2) != 3 || image_u8.scalar_type() != torch::kUInt8)
    throw Error("The image to invert must be 8-bit RGB [H, W, 3].");
  pipelines::latentSizeFor(sd, int(image_u8.size(0)), int(image_u8.size(1)));  // throws on bad sizes
  torch::NoGradGuard no_grad;
  const auto x = (image_u8.to(torch::kFloat32) / 127.5 - 1).permute({2, 0, 1}).unsqueeze(0);  // [1, 3, H, W]
  const auto moments = sd.vae->encode(x.to(sd.device));
  return (moments.mean.to(torch::kFloat32) * sd.vae->scalingFactor()).clone();
}

InversionResult invertImage(const sd::StableDiffusion& sd, const torch::Tensor& image_u8,
                            const InversionParams& params, const ProgressFn& progress, const CancelToken& cancel,
                            const LatentObserver& on_latent) {
  if (!sd.unet) throw Error("The model was loaded without its UNet, so images cannot be inverted.");
  schedulers::DdimScheduler ddim(sd.scheduler);
  ddim.setTimesteps(params.steps);
  const int n = params.steps;
  torch::Tensor pair;
  {
    torch::NoGradGuard no_grad;
    // image_u8: [H, W, 3]; SDXL's size ids are the photo's working size.
    pair = params.prompt_embeddings ? *params.prompt_embeddings
                                    : pipelines::encodeGuidancePair(sd, params.prompt, "", int(image_u8.size(0)),
                                                                    int(image_u8.size(1)), {});
    if (pair.dim() != 3 || pair.size(0) != 2)
      throw Error("The prompt embeddings must be [2, N, D] (uncond, cond).");
    pair = pair.to(sd.device, torch::kFloat32).clone();
  }
  const auto uncond = pair.slice(0, 0, 1), cond = pair.slice(0, 1, 2);

  InversionResult r;
  r.timesteps = ddim.timesteps();
  r.image_latent = imageLatentFromU8(sd, image_u8);
  const auto planned = plannedCost(params.mode, n, params.inner_steps);
  const double inversion_share = double(n) / double(planned.unet_forwards + planned.unet_backwards);
  const StageReporter inverting(progress, "inversion", n, 0.0, inversion_share);
  r.ddim_latents = ddimInvert(*sd.unet, ddim, r.image_latent, cond, inverting, cancel, on_latent);
  r.cost.unet_forwards = n;
  if (params.mode == InversionMode::NullText) {
    NullTextOptions o;
    o.guidance_scale = params.guidance_scale;
    o.inner_steps = params.inner_steps;
    o.epsilon = params.early_stop_epsilon;
    const StageReporter optimising(progress, "null-text", n, inversion_share, 1.0);
    auto nt = nullTextOptimize(*sd.unet, ddim, r.ddim_latents, uncond, cond, o, optimising, cancel, on_latent);
    r.uncond_embeddings = nt.uncond_embeddings.cpu();
    r.losses = nt.losses;
    r.inner_steps_taken = nt.inner_steps_taken;
    r.cost.unet_forwards += nt.unet_forwards;
    r.cost.unet_backwards += nt.unet_backwards;
  } else {
    r.uncond_embeddings = cond.unsqueeze(0).expand({n, 1, cond.size(1), cond.size(2)}).contiguous().cpu();
  }
  r.image_latent = r.image_latent.cpu();
  r.ddim_latents = r.ddim_latents.cpu();
  r.cond_embedding = cond.cpu();
  return r;
}

torch::Tensor reconstructLatent(const sd::StableDiffusion& sd, const InversionResult& inversion,
                                double guidance_scale) {
  c10::InferenceMode guard;
  const int n = int(inversion.uncond_embeddings.size(0));
  schedulers::DdimScheduler ddim(sd.scheduler);
  ddim.setTimesteps(n);
  if (ddim.timesteps() != inversion.timesteps)
    throw Error("The inversion was made with other timesteps than this model's scheduler gives.");
  const auto cond = inversion.cond_embedding.to(sd.device);
  auto x = inversion.xT().to(sd.device, torch::kFloat32);
  for (int i = 0; i < n; ++i) {
    const int64_t t = ddim.timesteps()[size_t(i)];
    const auto embeddings = torch::cat({inversion.uncond_embeddings[i].to(sd.device), cond});  // [2, N, D]
    x = ddim.step(pipelines::guidedNoisePrediction(*sd.unet, x, t, embeddings, guidance_scale), t, x).prev_sample;
  }
  return x.cpu();
}

}  // namespace sds::inversion
