// Inpainting with a Stable Diffusion inpainting checkpoint (UNet input
// channels 2 C + 1: noisy latent, mask, masked-image latent), as diffusers'
// StableDiffusionInpaintPipeline.__call__ (v0.25.1) runs it at strength 1:
//   x_T = noise * init_noise_sigma (the picture enters ONLY through the
//   masked-image latent); for each timestep t:
//     in = cat([scale(x) x 2 rows, mask_latent x 2, masked_latents x 2], dim 1)
//     g  = u + s (c - u) of unet(in, t, [uncond; cond]);  x = scheduler.step(g, t, x)
//   image01 = clamp(decode(x / scaling) / 2 + 0.5, 0, 1).
// The whole picture is generated: keeping the known pixels is the caller's
// composition (inpaint_fill.h). Known latents are not blended back (that is
// only done for 4-channel UNets). Progress and cancellation between steps.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/engine/pipelines/txt2img.h"

namespace sds::pipelines {

// The InpaintControls: the prompt (may be empty: "fill with what fits"), the
// negative prompt, steps, guidance, and the seed of both noise draws
// (inpaint_inputs.h).
struct InpaintParams : InpaintControls, SamplingInputs {
  // With initial_latents, replaces the other seeded draw: the masked image's
  // posterior sample, [1, C, H / 8, W / 8].
  std::optional<torch::Tensor> sample_noise;
};

struct InpaintResult {
  torch::Tensor latents;               // [1, C, h, w] float32, CPU: the final latent
  torch::Tensor image01;               // [1, 3, H, W] float32, CPU, in [0, 1]: the whole generated picture
  torch::Tensor mask_latent;           // [1, 1, h, w] float32 0/1, CPU
  torch::Tensor masked_image_latents;  // [1, C, h, w] float32, CPU
  std::vector<int64_t> timesteps;
};

// image01: [1, 3, H, W] float in [0, 1]; mask01: [H, W] or [1, 1, H, W] in
// [0, 1] or bool (>= 0.5 = repaint). H, W positive multiples of 8. `sd` must
// be an inpainting model (sds::Error otherwise). Progress stages "inpainting"
// (steps) and "decoding"; control.on_step sees the guided output and the
// latents [1, C, h, w] after every step. Runs under torch::InferenceMode.
InpaintResult inpaint(const sd::StableDiffusion& sd, const torch::Tensor& image01, const torch::Tensor& mask01,
                      const InpaintParams& params, const RunControl& control = {});

}  // namespace sds::pipelines
