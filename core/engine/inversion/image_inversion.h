// Image -> (x_T, per-step unconditional embeddings) such that classifier-free
// guided DDIM sampling from x_T reproduces the image: the first half of
// StereoDiffusion's image-to-stereo path (img2stereo.py NullInversion).
//
// Modes and their cost in UNet evaluations of one latent row (n sampling
// steps, K = inner steps actually taken per step, at most inner_steps):
//   NullText: n (inversion) + sum over steps of (1 cond + K uncond-with-grad
//             + 2 for the batched guided step) forwards, plus K backward passes
//             per step. With K = inner_steps at every step: n (4 + K) forwards
//             and n K backwards; counting a backward as one evaluation,
//             n (4 + 2K): 100 for the fixture (n 10, K 3), 50 * 24 = 1200 for
//             the reference defaults (n 50, K 10).
//   Fast:     n forwards (the DDIM inversion only). Every step's "uncond"
//             embedding is the prompt embedding itself, so u + s (c - u) = c:
//             guided sampling at ANY scale follows the unguided (guidance 1)
//             trajectory that DDIM inversion inverts. Less faithful at high
//             guidance, no optimisation.
// Reconstructing (sampling back) costs another 2n forwards in both modes
// (n when the sampler skips guidance for the fast mode's identical rows).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/base/progress.h"
#include "core/engine/inversion/ddim_inversion.h"  // LatentObserver
#include "core/engine/pipelines/stereo_controls.h"

namespace sds::sd {
struct StableDiffusion;
}

namespace sds::inversion {

struct InversionParams : InversionControls {
  std::string prompt;  // describes the image (the cond embedding); "" is allowed
  int steps = pipelines::controls::kSteps.value;
  double guidance_scale = pipelines::controls::kGuidance.value;
  // [2, N, D] [uncond(""); cond(prompt)]; replaces encoding the prompt.
  std::optional<torch::Tensor> prompt_embeddings;
};

struct InversionCost {
  int64_t unet_forwards = 0;   // forwards of one latent row
  int64_t unet_backwards = 0;  // backward passes through the UNet
};

// The cost formula above for planning (K = inner_steps at every step).
InversionCost plannedCost(InversionMode mode, int steps, int inner_steps);

struct InversionResult {
  torch::Tensor image_latent;       // [1, 4, h, w] float32: vae mean * scaling_factor
  torch::Tensor ddim_latents;       // [n+1, 1, 4, h, w] float32: [image_latent, ..., x_T]
  torch::Tensor uncond_embeddings;  // [n, 1, N, D] float32: for sampling step i (t = timesteps[i])
  torch::Tensor cond_embedding;     // [1, N, D] float32
  torch::Tensor losses;             // [n, inner_steps] (NullText), NaN where skipped; undefined for Fast
  std::vector<int> inner_steps_taken;
  std::vector<int64_t> timesteps;   // descending, the DDIM sampling order
  InversionCost cost;               // what the run actually spent
  torch::Tensor xT() const;         // ddim_latents[n]: [1, 4, h, w]
};

// image_u8: [H, W, 3] uint8 RGB (HWC), H and W multiples of the VAE factor.
// -> vae.encode(u8 / 127.5 - 1, NCHW).mean * scaling_factor: [1, 4, h, w] float32.
torch::Tensor imageLatentFromU8(const sd::StableDiffusion& sd, const torch::Tensor& image_u8);

// Stages "inversion" then "null-text" (NullText mode) on the progress bar;
// `cancel` is checked between steps; `on_latent` sees the latent after every
// step of both stages. Throws sds::Error / sds::Cancelled.
// Tensors of the result live on the CPU.
InversionResult invertImage(const sd::StableDiffusion& sd, const torch::Tensor& image_u8,
                            const InversionParams& params, const ProgressFn& progress = {},
                            const CancelToken& cancel = {}, const LatentObserver& on_latent = {});

// Guided DDIM sampling from x_T with the per-step uncond embeddings:
// [1, 4, h, w] float32 on the CPU (should come back close to image_latent).
torch::Tensor reconstructLatent(const sd::StableDiffusion& sd, const InversionResult& inversion,
                                double guidance_scale);

}  // namespace sds::inversion
