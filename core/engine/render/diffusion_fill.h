// Full-resolution stereo from a photo and a low-resolution diffusion view:
// the photo's own pixels, forward-warped by the full-resolution disparity,
// wherever the new view sees them; the diffusion output (upscaled) only where
// the new view sees what the photo does not show (disocclusions), blended
// into the warped photo over a seam. Stable Diffusion works near 512 px; this
// keeps a 24-megapixel photo sharp and lets the model invent only the holes.
// LibTorch only; runs on the inputs' device.
#pragma once
#include <torch/types.h>

#include "core/engine/render/depth_edges.h"
#include "core/engine/render/forward_warp.h"

namespace sds::render {

// The widest seam accepted: the blend reaches 2 * seam_px into the photo, so a
// wider one would wash the photo's own pixels out of any image this program makes.
inline constexpr double kMaxSeamPx = 512;

struct DiffusionFillOptions {
  // Width of the blend from the diffusion output (inside holes) to the warped
  // photo: weight 1 within a hole, falling to 0 at 2 * seam_px from it.
  // < 0: automatic, 0.3 % of the width, at least 2 px.
  double seam_px = -1;  // at most kMaxSeamPx
  // Fit the diffusion output's colours to the photo (per-channel gain and
  // offset, least squares over the pixels both show) before filling: the
  // VAE round trip shifts colours slightly, which shows at the seams.
  bool match_colour = true;
  // The photo's depth edges are aligned with its colour edges and the near side
  // grown before the warp (depth_edges.h), as in the classical renderer: the
  // outline of a near object travels with it instead of staying on the far
  // surface beside the hole, where the diffusion output takes over.
  EdgeOptions edges;
  WarpOptions warp;  // warp.shift: -1 right view from the left, +-0.5 for half views
  // Leave the holes black and unblended (weight = the holes, the diffusion
  // output unused): an inpainting model fills them afterwards
  // (media/inpaint_fill.h), blending over its own seam.
  bool open_holes = false;
};

struct ComposedView {
  torch::Tensor image;   // [1, 3, H, W] float in [0, 1]
  torch::Tensor holes;   // [H, W] bool: nothing of the photo lands there
  torch::Tensor weight;  // [H, W] float32 in [0, 1]: share of the diffusion output
  torch::Tensor disparity_px;  // [H, W] float32: the disparity it was given (before the edge refinement)
};

// photo01: [1, 3, H, W] float in [0, 1]; disparity_px: [H, W] px at the photo's
// resolution (larger = nearer, see disparityFromMap); diffusion01: [1, 3, h, w]
// float in [0, 1], the diffusion model's view of the same scene (any size,
// resized bicubically to H x W). Throws sds::Error on mismatched shapes.
ComposedView composeWithDiffusionFill(const torch::Tensor& photo01, const torch::Tensor& disparity_px,
                                      const torch::Tensor& diffusion01, const DiffusionFillOptions& options = {});

// The seam width used for a W-pixel-wide image (see seam_px).
double seamPixels(const DiffusionFillOptions& options, int64_t width);

// ---- pieces shared with the inpainting fill (pipelines/inpaint_fill.h)

// Weight of a fill over a view: exactly 1 on `holes` ([H, W] bool), falling to
// 0 at 2 * r pixels from them (a max-pool dilation by r, then a box filter of
// radius r). Returns [H, W] float32.
torch::Tensor seamWeight(const torch::Tensor& holes, int64_t r);

// x with per-channel gain and offset fitted to `target` by least squares over
// `where` ([H, W] bool), clamped to [0, 1]; x, target: [1, C, H, W] in
// [0, 1]. A flat channel or a gain outside 0.5..2 keeps gain 1 (offset only);
// fewer than 16 pixels leave x as it is.
torch::Tensor matchColours(const torch::Tensor& x, const torch::Tensor& target, const torch::Tensor& where);

}  // namespace sds::render
