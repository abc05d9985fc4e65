#include "core/engine/pipelines/inpaint.h"

#include <c10/core/InferenceMode.h>

#include "core/engine/pipelines/guidance.h"
#include "core/engine/pipelines/inpaint_inputs.h"
#include "core/engine/pipelines/input_checks.h"
#include "core/engine/pipelines/text_conditioning.h"
#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

namespace sds::pipelines {

InpaintResult inpaint(const sd::StableDiffusion& sd, const torch::Tensor& image01, const torch::Tensor& mask01,
                      const InpaintParams& params, const RunControl& control) {
  if (!sd.unet || !sd.vae) throw Error("Inpainting needs the model's UNet and VAE, which were not both loaded.");
  sd::requireTask(sd, sd::SdTask::Inpainting, "inpainting");
  c10::InferenceMode guard;
  if (image01.dim() != 4) throw Error("The picture to inpaint must be a float RGB image [1, 3, H, W] in [0, 1].");
  const auto [h, w] = latentSizeFor(sd, int(image01.size(2)), int(image01.size(3)));
  checkGuidanceScale(params.guidance_scale);
  auto scheduler = schedulers::makeScheduler(params.scheduler, sd.scheduler);
  scheduler->setTimesteps(params.steps);

  const auto pair = checkedEmbeddings(params.prompt_embeddings
                                          ? *params.prompt_embeddings
                                          : encodeGuidancePair(sd, params.prompt, params.negative_prompt));
  const bool guided = params.guidance_scale > 1.0;
  const auto embeddings = guided ? guidanceBatch(pair, 1) : pair.slice(0, 1);

  const int64_t channels = sd.unet->config().out_channels;
  InpaintNoise noise;
  if (!params.initial_latents || !params.sample_noise) noise = seededInpaintNoise(params.seed, channels, h, w);
  if (params.initial_latents) noise.initial = checkedInitialLatents(*params.initial_latents, channels, h, w);
  if (params.sample_noise) noise.sample = checkedInitialLatents(*params.sample_noise, channels, h, w);

  const InpaintImageInputs inputs = prepareInpaintImage(image01, mask01);
  const auto mask_latent = latentMask(inputs.mask, sd.vae->downscaleFactor()).to(sd.device);  // [1, 1, h, w]
  const auto masked_latents = maskedImageLatents(sd, inputs.masked_image, noise.sample);        // [1, C, h, w]
  const auto condition = torch::cat({mask_latent, masked_latents}, 1).to(torch::kFloat32);      // [1, 1 + C, h, w]

  torch::Tensor x = noise.initial.to(sd.device, torch::kFloat32) * scheduler->initNoiseSigma();
  const double denoise_end = params.decode ? 0.9 : 1.0;
  const NoisePredictor predict = [&](size_t, int64_t t, const torch::Tensor& latents) {
    // [1, 2C + 1, h, w]; guidedNoisePrediction doubles it into the CFG batch.
    const auto unet_input = torch::cat({scheduler->scaleModelInput(latents, t), condition}, 1);
    return guidedNoisePrediction(*sd.unet, unet_input, t, embeddings, params.guidance_scale);
  };
  x = denoise(*scheduler, x, predict, control, "inpainting", denoise_end);

  InpaintResult result;
  result.latents = x.cpu();
  result.mask_latent = mask_latent.cpu();
  result.masked_image_latents = masked_latents.cpu();
  result.timesteps = scheduler->timesteps();
  if (params.decode) result.image01 = decodeStage(sd, x, control, denoise_end);
  return result;
}

}  // namespace sds::pipelines
