// A cheap picture of a latent while the pipeline denoises it, for the studio's
// live preview. It includes torch, so it is internal to core: ui receives the
// cv::Mat through media::Generator's StepPreview.
#pragma once
#include <opencv2/core.hpp>
#include <torch/types.h>

namespace sds::media {

// latents: [B, C, h, w] in diffusion space (VAE mean x scaling factor); the
// last batch item is shown (in the stereo pass, the right view). Returns a
// CV_8UC3 BGR picture at latent size (h x w, one pixel per 8 x 8 image pixels).
//
// How it is made: no VAE decode. For 4-channel latents (SD 1.x/2.x/XL VAEs)
// each pixel is a fixed linear 4 -> 3 projection of its latent vector,
// rgb = latent . F, F being Keturn's Stable Diffusion v1.4 "latent RGB factors"
// (huggingface.co forum, "Decoding latents to RGB without upscaling", 2022;
// the same matrix is AUTOMATIC1111's "Approx cheap" preview), then mapped from
// [-1, 1] to [0, 1] and clamped. Latents with another channel count are shown
// as grey: the channel mean, stretched to its own min..max.
cv::Mat latentPreview(const torch::Tensor& latents);

}  // namespace sds::media
