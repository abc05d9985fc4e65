#include "core/engine/pipelines/inpaint_inputs.h"

#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

namespace sds::pipelines {

InpaintImageInputs prepareInpaintImage(const torch::Tensor& image01, const torch::Tensor& mask01) {
  if (image01.dim() != 4 || image01.size(0) != 1 || image01.size(1) != 3 || !image01.is_floating_point())
    throw Error("The picture to inpaint must be a float RGB image [1, 3, H, W] in [0, 1].");
  const auto mask_in = mask01.dim() == 2 ? mask01.unsqueeze(0).unsqueeze(0) : mask01;
  if (mask_in.dim() != 4 || mask_in.size(0) != 1 || mask_in.size(1) != 1 || mask_in.size(2) != image01.size(2) ||
      mask_in.size(3) != image01.size(3))
    throw Error("The inpainting mask must be [H, W] or [1, 1, H, W] at the picture's size (" +
                std::to_string(image01.size(3)) + "x" + std::to_string(image01.size(2)) + ").");
  InpaintImageInputs in;
  in.image = image01.to(torch::kCPU, torch::kFloat32) * 2 - 1;
  // Binarised as the mask processor does it: v < 0.5 -> 0, else 1.
  in.mask = (mask_in.to(torch::kCPU, torch::kFloat32) >= 0.5).to(torch::kFloat32);
  in.masked_image = in.image * (in.mask < 0.5);
  return in;
}

torch::Tensor latentMask(const torch::Tensor& mask, int64_t factor) {
  // mask: [1, 1, H, W] -> [1, 1, H / f, W / f]
  if (mask.dim() != 4 || mask.size(2) % factor != 0 || mask.size(3) % factor != 0)
    throw Error("The inpainting mask's size must be a multiple of " + std::to_string(factor) + ".");
  using torch::indexing::Slice;
  return mask.index({Slice(), Slice(), Slice(0, torch::indexing::None, factor), Slice(0, torch::indexing::None, factor)})
      .contiguous();
}

torch::Tensor maskedImageLatents(const sd::StableDiffusion& sd, const torch::Tensor& masked_image,
                                 const torch::Tensor& sample_noise) {
  // masked_image: [1, 3, H, W] -> [1, C, H / f, W / f]
  if (!sd.vae) throw Error("The model was loaded without its VAE, so the masked picture cannot be encoded.");
  c10::InferenceMode guard;
  const auto posterior = sd.vae->encode(masked_image.to(sd.device, sd.dtype));
  const auto mean = posterior.mean.to(torch::kFloat32), std = posterior.std.to(torch::kFloat32);
  if (sample_noise.sizes() != mean.sizes())
    throw Error("The masked-image noise must have the latent's shape [1, " + std::to_string(mean.size(1)) + ", " +
                std::to_string(mean.size(2)) + ", " + std::to_string(mean.size(3)) + "].");
  return (mean + std * sample_noise.to(mean.device(), torch::kFloat32)) * sd.vae->scalingFactor();
}

InpaintNoise seededInpaintNoise(uint64_t seed, int64_t channels, int64_t h, int64_t w) {
  auto generator = at::detail::createCPUGenerator(seed);
  const auto options = torch::TensorOptions().dtype(torch::kFloat32);
  InpaintNoise n;
  n.initial = torch::randn({1, channels, h, w}, generator, options);
  n.sample = torch::randn({1, channels, h, w}, generator, options);
  return n;
}

}  // namespace sds::pipelines
