// Text-to-image sampling (diffusers StableDiffusionPipeline.__call__ without
// the safety checker): classifier-free guidance, any scheduler of
// schedulers/scheduler_factory.h, seeded or given initial latents, progress
// and cancellation between steps.
//
// Noise: x_T = randn([1, 4, h, w]) in float32 from a CPU torch::Generator
// seeded with `seed` (PyTorch's CPU Mersenne-Twister stream, the same numbers
// as Python's torch.randn(..., generator=torch.Generator().manual_seed(seed))),
// then moved to the model's device, so a seed gives the same picture on CPU and
// CUDA (up to float round-off). x_T is multiplied by the scheduler's
// init_noise_sigma (1 for DDIM / DPM-Solver).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/engine/pipelines/stereo_controls.h"
#include "core/engine/pipelines/text_conditioning.h"
#include "core/engine/schedulers/scheduler_factory.h"
#include "core/base/progress.h"

namespace sds::sd {
struct StableDiffusion;
}

namespace sds::pipelines {

// How a sampling pipeline (txt2img, inpaint) runs, and what a caller may give
// it instead of drawing or encoding it.
struct SamplingInputs {
  schedulers::SchedulerKind scheduler = schedulers::SchedulerKind::Ddim;
  // x_T [1, C, h, w] (h = height / 8, w = width / 8); replaces the seeded noise.
  std::optional<torch::Tensor> initial_latents;
  // [2, N, D] [uncond; cond] embeddings; replaces encoding the prompts.
  std::optional<torch::Tensor> prompt_embeddings;
  bool decode = true;  // false: result.image01 stays undefined
};

// The prompt, steps, guidance, seed and size are the PromptControls.
struct Txt2ImgParams : PromptControls, SamplingInputs {
  // [steps, 1, N, D]: step i's uncond row replaces the pair's (null-text
  // inversion); needs guidance_scale > 1 to matter.
  std::optional<torch::Tensor> step_uncond_embeddings;
  SdxlConditioning sdxl;  // SDXL's size ids and negative-prompt rule (ignored by SD 1.x/2.x)
};

// Called after every scheduler step (i = 0..steps-1) with the step's timestep,
// the guided model output and the new latents ([1, 4, h, w] float32 on the
// model's device): previews, debugging, fixtures.
using StepObserver = std::function<void(int i, int64_t t, const torch::Tensor& guided_output,
                                        const torch::Tensor& latents)>;

struct RunControl {
  ProgressFn progress;   // stage "denoising" (steps), then "decoding"
  CancelToken cancel;    // checked before every step; throws sds::Cancelled
  StepObserver on_step;  // optional
};

struct Txt2ImgResult {
  torch::Tensor latents;  // [1, 4, h, w] float32, CPU: the final latent (diffusion space, unscaled)
  torch::Tensor image01;  // [1, 3, H, W] float32, CPU, in [0, 1], RGB
  std::vector<int64_t> timesteps;
};

// Throws sds::Error for bad sizes / steps / latent shapes, sds::Cancelled when
// cancelled. Runs under torch::InferenceMode.
Txt2ImgResult txt2img(const sd::StableDiffusion& sd, const Txt2ImgParams& params, const RunControl& control = {});

// ---- pieces shared with other pipelines ----

// Latent size for an image size; throws sds::Error unless both are positive
// multiples of the VAE factor. Returns {h, w}.
std::pair<int64_t, int64_t> latentSizeFor(const sd::StableDiffusion& sd, int height, int width);

// randn([1, channels, h, w]) float32 from a CPU generator seeded with `seed`.
torch::Tensor seededNoise(uint64_t seed, int64_t channels, int64_t h, int64_t w);

// clamp(vae.decode(latents / scaling_factor) / 2 + 0.5, 0, 1).
// latents: [B, 4, h, w] any float dtype/device -> [B, 3, 8h, 8w] float32 on CPU.
torch::Tensor decodeLatents(const sd::StableDiffusion& sd, const torch::Tensor& latents);

// The guided model output at sampling step i (timestep t) for the latents x
// ([1, C, h, w] float32, not yet scaleModelInput()-ed); returns [1, C, h, w].
using NoisePredictor = std::function<torch::Tensor(size_t i, int64_t t, const torch::Tensor& x)>;

// The sampling loop of txt2img and inpainting: for every timestep of
// `scheduler`, a cancel check, `predict`, the scheduler step, control.on_step
// and progress `stage` over [0, end]. x: the initial latents, already times
// initNoiseSigma(). Returns the final latents.
torch::Tensor denoise(schedulers::Scheduler& scheduler, torch::Tensor x, const NoisePredictor& predict,
                      const RunControl& control, const char* stage, double end);

// decodeLatents as a pipeline's last stage: checks `control`'s cancel token,
// then reports "decoding" over the progress range [start, 1].
torch::Tensor decodeStage(const sd::StableDiffusion& sd, const torch::Tensor& latents, const RunControl& control,
                          double start);

}  // namespace sds::pipelines
