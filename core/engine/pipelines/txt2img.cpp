#include "core/engine/pipelines/txt2img.h"

#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>

#include <cmath>

#include "core/engine/pipelines/guidance.h"
#include "core/engine/pipelines/input_checks.h"
#include "core/engine/pipelines/text_conditioning.h"
#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

namespace sds::pipelines {

namespace {

std::string shapeText(const torch::Tensor& t) {
  std::string s = "[";
  for (int64_t i = 0; i < t.dim(); ++i) s += (i ? ", " : "") + std::to_string(t.size(i));
  return s + "]";
}

}  // namespace

torch::Tensor checkedInitialLatents(const torch::Tensor& x, int64_t channels, int64_t h, int64_t w) {
  if (x.dim() != 4 || x.size(0) != 1 || x.size(1) != channels || x.size(2) != h || x.size(3) != w)
    throw Error("The initial latents have shape " + shapeText(x) + " but this image size needs [1, " +
                std::to_string(channels) + ", " + std::to_string(h) + ", " + std::to_string(w) + "].");
  return x;
}

torch::Tensor checkedEmbeddings(const torch::Tensor& e) {
  if (e.dim() != 3 || e.size(0) != 2)  // SDXL: N includes the packed added rows
    throw Error("The prompt embeddings have shape " + shapeText(e) + "; expected [2, N, D] (uncond, cond).");
  return e;
}

void checkGuidanceScale(double g) {
  if (!std::isfinite(g) || std::abs(g) > controls::kGuidanceLimit)
    throw Error("The guidance scale must be a finite number of at most " + std::to_string(int(controls::kGuidanceLimit)) +
                " in size (got " + std::to_string(g) + ").");
}

std::pair<int64_t, int64_t> latentSizeFor(const sd::StableDiffusion& sd, int height, int width) {
  const int f = sd.vae ? sd.vae->downscaleFactor() : 8;
  if (height <= 0 || width <= 0 || height % f != 0 || width % f != 0)
    throw Error("The image size " + std::to_string(width) + "x" + std::to_string(height) +
                " is not supported: width and height must be positive multiples of " + std::to_string(f) + ".");
  // Far above what SD models are trained for, and a bound on the memory one request
  // may ask for (--width 65536 would need gigabytes).
  constexpr int kMaxImageSide = 4096;
  if (height > kMaxImageSide || width > kMaxImageSide)
    throw Error("The image size " + std::to_string(width) + "x" + std::to_string(height) + " is too large: at most " +
                std::to_string(kMaxImageSide) + " pixels a side are generated.");
  return {height / f, width / f};
}

torch::Tensor seededNoise(uint64_t seed, int64_t channels, int64_t h, int64_t w) {
  auto generator = at::detail::createCPUGenerator(seed);
  return torch::randn({1, channels, h, w}, generator, torch::TensorOptions().dtype(torch::kFloat32));
}

torch::Tensor decodeStage(const sd::StableDiffusion& sd, const torch::Tensor& latents, const RunControl& control,
                          double start) {
  control.cancel.throwIfCancelled();
  const StageReporter decoding(control.progress, "decoding", 1, start, 1.0);
  auto image01 = decodeLatents(sd, latents);
  decoding.report(1);
  return image01;
}

torch::Tensor decodeLatents(const sd::StableDiffusion& sd, const torch::Tensor& latents) {
  // latents: [B, 4, h, w]
  if (!sd.vae) throw Error("The model was loaded without its VAE, so latents cannot be decoded.");
  c10::InferenceMode guard;
  // NaN or infinity would silently become a black picture (clamp keeps NaN, the
  // 8-bit conversion makes it 0): name the stage that produced it instead.
  if (!torch::isfinite(latents).all().item<bool>())
    throw Error("The denoising produced NaN or infinite latents (broken UNet weights or scheduler settings?).");
  // decode() casts to the decoder's own device and dtype (float32 when upcast).
  const auto image = sd.vae->decode(latents.to(torch::kFloat32) / sd.vae->scalingFactor());
  if (!torch::isfinite(image).all().item<bool>())
    throw Error("The VAE decoder produced NaN or infinite pixels (broken VAE weights, or float16 overflow?).");
  return (image.to(torch::kFloat32) / 2 + 0.5).clamp(0, 1).cpu();
}

torch::Tensor denoise(schedulers::Scheduler& scheduler, torch::Tensor x, const NoisePredictor& predict,
                      const RunControl& control, const char* stage, double end) {
  const auto& timesteps = scheduler.timesteps();
  const StageReporter progress(control.progress, stage, int(timesteps.size()), 0.0, end);
  progress.report(0);
  for (size_t i = 0; i < timesteps.size(); ++i) {
    control.cancel.throwIfCancelled();
    const int64_t t = timesteps[i];
    const auto guided_output = predict(i, t, x);
    x = scheduler.step(guided_output, t, x).prev_sample;
    if (control.on_step) control.on_step(int(i), t, guided_output, x);
    progress.report(int(i) + 1);
  }
  return x;
}

Txt2ImgResult txt2img(const sd::StableDiffusion& sd, const Txt2ImgParams& params, const RunControl& control) {
  if (!sd.unet) throw Error("The model was loaded without its UNet, so it cannot generate images.");
  sd::requireTask(sd, sd::SdTask::TextToImage, "text-to-image generation");
  c10::InferenceMode guard;
  const auto [h, w] = latentSizeFor(sd, params.height, params.width);
  checkGuidanceScale(params.guidance_scale);
  auto scheduler = schedulers::makeScheduler(params.scheduler, sd.scheduler);
  scheduler->setTimesteps(params.steps);

  const auto pair = checkedEmbeddings(params.prompt_embeddings
                                          ? *params.prompt_embeddings
                                          : encodeGuidancePair(sd, params.prompt, params.negative_prompt,
                                                               params.height, params.width, params.sdxl));
  const bool guided = params.guidance_scale > 1.0;
  const auto step_uncond = params.step_uncond_embeddings ? *params.step_uncond_embeddings : torch::Tensor();
  checkStepUncond(step_uncond, params.steps, pair);
  const auto embeddings = guided ? guidanceBatch(pair, 1) : pair.slice(0, 1);

  const int64_t channels = sd.unet->config().in_channels;
  torch::Tensor x = params.initial_latents ? checkedInitialLatents(*params.initial_latents, channels, h, w)
                                           : seededNoise(params.seed, channels, h, w);
  x = x.to(sd.device, torch::kFloat32) * scheduler->initNoiseSigma();

  const double denoise_end = params.decode ? 0.9 : 1.0;
  const NoisePredictor predict = [&](size_t i, int64_t t, const torch::Tensor& latents) {
    const auto step_embeddings =
        guided && step_uncond.defined() ? guidanceBatch(pairAtStep(pair, step_uncond, int64_t(i)), 1) : embeddings;
    return guidedNoisePrediction(*sd.unet, scheduler->scaleModelInput(latents, t), t, step_embeddings,
                                 params.guidance_scale);
  };
  x = denoise(*scheduler, x, predict, control, "denoising", denoise_end);

  Txt2ImgResult result;
  result.latents = x.cpu();
  result.timesteps = scheduler->timesteps();
  if (params.decode) result.image01 = decodeStage(sd, x, control, denoise_end);
  return result;
}

}  // namespace sds::pipelines
