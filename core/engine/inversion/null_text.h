// Null-text optimisation (Mokady et al. 2022, as img2stereo.py
// NullInversion.null_optimization runs it): per sampling step, tune the
// unconditional embedding so that one classifier-free-guided DDIM step from the
// current latent lands on the DDIM-inversion latent of the next lower level.
//
// For i, t in enumerate(timesteps) (descending):
//   u <- a detached COPY of the previous step's u, requires_grad; a fresh
//   Adam([u], lr = 1e-2 * (1 - i/100), betas 0.9/0.999, eps 1e-8);
//   e_c = unet(x, t, cond) (no grad); up to `inner_steps` times:
//     e_u = unet(x, t, u); loss = mse(ddim_step(e_u + s (e_c - e_u), t, x), target_i);
//     backward; Adam step; stop early once loss < epsilon + i * 2e-5 (loss before the step);
//   keep a copy of u; x = ddim_step(guided output with [u; cond] batched, t, x).
// UNet parameters have requires_grad off during the run (restored after); no
// graph outlives an inner iteration.
#pragma once
#include <cstdint>
#include <vector>

// Its input comes from ddimInvert; the UNet, DDIM and progress types with it.
#include "core/engine/inversion/ddim_inversion.h"
#include "core/engine/pipelines/stereo_controls.h"

namespace sds::inversion {

struct NullTextOptions {
  double guidance_scale = pipelines::controls::kGuidance.value;
  int inner_steps = pipelines::controls::kInnerSteps.value;  // reference default (the fixture uses 3)
  double epsilon = 1e-5;      // early-stop base threshold
  double base_lr = 1e-2;      // lr_i = base_lr * (1 - i / 100)
};

struct NullTextResult {
  torch::Tensor uncond_embeddings;  // [n, 1, N, D] float32: u for sampling step i (t = timesteps[i])
  torch::Tensor losses;             // [n, inner_steps] float32 loss before each Adam step; NaN where skipped
  std::vector<int> inner_steps_taken;
  int64_t unet_forwards = 0;   // one latent row each (the final guided step counts 2)
  int64_t unet_backwards = 0;  // backward passes through the UNet
};

// ddim_latents: [n+1, 1, C, h, w] from ddimInvert; uncond, cond: [1, N, D].
NullTextResult nullTextOptimize(unet::UNet2DConditionModel& unet, schedulers::DdimScheduler& ddim,
                                const torch::Tensor& ddim_latents, const torch::Tensor& uncond,
                                const torch::Tensor& cond, const NullTextOptions& options,
                                const StageReporter& progress, const CancelToken& cancel,
                                const LatentObserver& on_latent = {});

}  // namespace sds::inversion
