// Photo to stereo pair (StereoDiffusion's img2stereo.py path, kept at the
// photo's resolution):
//   1. the photo is resized to a working size that keeps its aspect ratio
//      (long side near working_long_side, both sides multiples of 8, no crop);
//   2. it is inverted into the latent (DDIM inversion + null-text
//      optimisation, or the fast mode; inversion/image_inversion.h);
//   3. the stereo process of txt2stereo runs from that x_T with the per-step
//      uncond embeddings: the guided DDIM pass reconstructs the left view,
//      the stereo pass makes the right one (pixel shift, shift masking,
//      coupled self-attention);
//   4. the final right view is composed at the photo's own resolution: the
//      photo warped by the full-resolution disparity wherever it is visible,
//      the diffusion output (upscaled) only in the disocclusions, blended at
//      the seams (render/diffusion_fill.h). The left view is the photo.
// The plain diffusion output (the working-size pair) is returned as well.
//
// Depth: the caller's disparity map (near = large, any size), or a depth
// estimator run on the photo.
#pragma once
#include <memory>
#include <optional>
#include <utility>

#include <torch/types.h>

#include "core/engine/inversion/image_inversion.h"
#include "core/engine/pipelines/txt2stereo.h"
#include "core/engine/render/diffusion_fill.h"

namespace sds::pipelines {

struct Img2StereoParams {
  // prompt, steps, guidance scale, mode (null-text or fast), inner steps.
  inversion::InversionParams inversion;
  // The stereo pass (scale_factor, exponent, shift step, mask interval,
  // direction, deblur, shift_both, K/V cache); its prompt, steps and guidance
  // are the inversion's, its size the working size.
  StereoPassParams stereo;
  uint64_t seed = 0;  // draws the deblur noise (unless stereo.deblur_seed)
  int working_long_side = controls::kWorkingSize.value;  // SD's native size; the short side follows the photo's aspect ratio
  bool full_resolution = true;  // compose at the photo's size (else only the working-size pair)
  render::DiffusionFillOptions fill;  // seam and colour matching (fill.warp.shift is set here)

  // Throws sds::Error naming the bad value.
  void validate() const;
};

struct Img2StereoResult {
  inversion::InversionResult inversion;
  Txt2StereoResult diffusion;  // working size: image01 [2, 3, h, w] = [reconstructed left; right]
  int work_width = 0, work_height = 0;
  // Full resolution (defined when params.full_resolution):
  torch::Tensor left01, right01;      // [1, 3, H, W] float32 CPU in [0, 1]
  torch::Tensor left_holes, right_holes;  // [H, W] bool: pixels the diffusion output filled
  torch::Tensor disparity;            // [H, W] float32 CPU: the map used, near = large, at the photo's size
  torch::Tensor disparity_px;         // [H, W] float32 CPU: left-to-right disparity in photo pixels
};

// The working size {height, width} for a photo: long side -> long_side
// (rounded to a multiple of 8, at least 64 px a side), aspect ratio kept.
// The stereo pass as txt2stereo takes it, before the inversion supplies the
// latents, the embeddings and the working size: `params.stereo`, the seed, and
// the inversion's prompt, steps and guidance.
Txt2StereoParams stereoPassOf(const Img2StereoParams& params);

std::pair<int, int> workingSize(int photo_height, int photo_width, int long_side);

// photo01: [1, 3, H, W] float in [0, 1] (CPU or the model's device).
// disparity: [H', W'] near = large (any size), or nullopt to run `depth` on the
// photo. Progress: one bar with the stages "depth", "inversion", "null-text"
// (null-text mode), "left view", "right view", "decoding", "composing";
// `control.cancel` is checked in every stage. `control.on_step` also sees the
// inversion's latents (i counts within the inversion, t = -1, guided_output
// undefined), so a live preview shows the photo dissolve into noise and, in
// null-text mode, come back. Throws sds::Error, sds::Cancelled.
Img2StereoResult img2stereo(const sd::StableDiffusion& sd, const torch::Tensor& photo01,
                            std::optional<torch::Tensor> disparity, const Img2StereoParams& params,
                            const RunControl& control = {},
                            std::shared_ptr<depth::DepthEstimator> depth = nullptr);

}  // namespace sds::pipelines
