// What an inpainting UNet is conditioned on, prepared as diffusers'
// StableDiffusionInpaintPipeline (v0.25.1) prepares it: the picture in
// [-1, 1], the mask binarised at 0.5, the masked picture (repainted pixels
// set to 0, i.e. mid grey), the mask at latent size (nearest: every 8th
// pixel) and the masked picture's latent, SAMPLED from the VAE posterior as
// the pipeline does it (mean + std * noise), not its mean.
#pragma once
#include <cstdint>

#include <torch/types.h>

namespace sds::sd {
struct StableDiffusion;
}

namespace sds::pipelines {

struct InpaintImageInputs {
  torch::Tensor image;         // [1, 3, H, W] float32 in [-1, 1] (image processor: 2 x - 1)
  torch::Tensor mask;          // [1, 1, H, W] float32, exactly 0 (keep) or 1 (repaint)
  torch::Tensor masked_image;  // [1, 3, H, W] float32: image * (mask < 0.5)
};

// image01: [1, 3, H, W] float in [0, 1] (8-bit pictures as u8 / 255);
// mask01: [1, 1, H, W] or [H, W] float in [0, 1] (u8 / 255), or bool; values
// >= 0.5 are repainted (so 127 / 255 keeps, 128 / 255 repaints). CPU float32
// results. Throws sds::Error when the shapes disagree.
InpaintImageInputs prepareInpaintImage(const torch::Tensor& image01, const torch::Tensor& mask01);

// The binary mask at latent size: mask[:, :, f i, f j] for the VAE factor f
// (F.interpolate(mode='nearest') to (H / f, W / f)). mask: [1, 1, H, W] with
// H, W multiples of f. Returns [1, 1, H / f, W / f].
torch::Tensor latentMask(const torch::Tensor& mask, int64_t factor);

// scaling_factor * (mean + std * sample_noise) of vae.encode(masked_image).
// masked_image: [1, 3, H, W] in [-1, 1]; sample_noise: [1, C, H / f, W / f]
// standard normal. Returns [1, C, H / f, W / f] float32 on the model's device.
torch::Tensor maskedImageLatents(const sd::StableDiffusion& sd, const torch::Tensor& masked_image,
                                 const torch::Tensor& sample_noise);

// The two draws of the pipeline's generator, in its order: the initial latent
// noise x_T first, the masked-image latent's posterior sample second. Both
// [1, channels, h, w] float32 on the CPU from one generator seeded with `seed`
// (PyTorch's CPU stream, as torch.Generator().manual_seed(seed)).
struct InpaintNoise {
  torch::Tensor initial;  // x_T / init_noise_sigma
  torch::Tensor sample;   // for maskedImageLatents
};
InpaintNoise seededInpaintNoise(uint64_t seed, int64_t channels, int64_t h, int64_t w);

}  // namespace sds::pipelines
