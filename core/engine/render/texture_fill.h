// Exemplar fill of disocclusions from the image's own repetition, after He & Sun,
// "Statistics of Patch Offsets for Image Completion" (ECCV 2012). A smooth fill
// cannot put texture into a hole, and in textured backgrounds (wallpaper,
// fabric, brick, foliage) the texture is most of what the hole is missing. Most
// such textures repeat: the background at p looks like the background at
// p + o for a few dominant 2-D offsets o. Those offsets are found once per view
// (minima of the masked self-difference energy E(o) = mean |I(q) - I(q+o)|^2
// over clean far-surface pixels, computed for all offsets at once by FFT), and
// each hole run then copies from p + o, with o chosen (and refined by +-1 px) by
// how well it predicts the visible far surface around the run's far-side edge.
// The copy is mixed with the smooth background fill (hole_fill.h) that ran
// before by inverse error: both errors are measured on that surface (the
// smooth fill's as a function of the distance to its source). Where no offset
// predicts the surface clearly better than its local mean does, or the source
// is not clean far-surface background, the smooth fill stays as it is.
//
// "Clean" pixels: covered, with no hole and no nearer surface within 2 px, so a
// copied pixel never carries foreground colour (nor a mixed outline pixel).
// LibTorch only; the kernel runs on the CPU (other devices copy there and back).
#pragma once
#include <torch/types.h>

#include <vector>

#include "core/engine/render/forward_warp.h"

namespace sds::render {

struct TextureFillOptions {
  int candidates = 16;          // dominant offsets kept (both signs of a lattice vector count as two)
  int min_offset_px = 8;        // shorter offsets are the trivial neighbourhood, not repetition
  int window_radius_px = 7;     // the far surface beside a run that an offset must predict
  // An offset is used where its mean squared error on that surface is below
  // this share of the surface's own variance (what a smooth fill far from its
  // source scores). Below 1: inside the hole, farther from the surface it was
  // fitted on, a copy drifts, and a misaligned texture scores worse than a
  // smooth fill.
  double accept_ratio = 0.7;
};

struct Offset {
  int dx = 0, dy = 0;
  double energy = 0;  // E(o) over the whole view (lower: a stronger repetition)
};

// The dominant offsets of a view: image [1,C,H,W], clean [H,W] bool (the
// pixels that count). At most options.candidates, lowest energy first.
std::vector<Offset> dominantOffsets(const torch::Tensor& image, const torch::Tensor& clean,
                                    const TextureFillOptions& options);

// Pixels of a warped view that may serve as a source: covered, no hole and no
// surface nearer by more than jump_px within 2 px. [H,W] bool.
torch::Tensor cleanFarPixels(const WarpedView& view, double jump_px);

// filled: the view's image after the smooth background fill, [1,C,H,W] float32
// on the view's device; view: the warp's output (covered, disparity). Returns
// the image with hole runs re-filled from the dominant offsets where they fit.
torch::Tensor textureFill(const torch::Tensor& filled, const WarpedView& view, double jump_px,
                          const TextureFillOptions& options = {});

}  // namespace sds::render
