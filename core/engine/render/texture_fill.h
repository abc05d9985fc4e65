// Exemplar fill of disocclusions from the image's own repetition, after He & Sun,
// "Statistics of Patch Offsets for Image Completion" (ECCV 2012). A smooth fill
// cannot put texture into a hole, and in textured backgrounds (wallpaper,
// fabric, brick, tiles) the texture is most of what the hole is missing. Most
// such textures repeat: the background at p looks like the background at
// p + o for a few dominant 2-D offsets o. Those offsets are found once per view
// (minima of the masked self-difference energy E(o) = mean |I(q) - I(q+o)|^2
// over clean far-surface pixels, computed for all offsets at once by FFT).
//
// A copy only helps when it lands within about a pixel of the hidden texture
// (SSIM and the eye both punish a texture out of phase more than a smooth
// guess), so each tile of a hole (tile_px square) fits its own offset on as
// much of the visible far surface around it as it takes: the window grows from
// window_radius_px around the tile until it holds min_window_pixels of that
// surface (at most max_window_radius_px), the best offsets there are refined by
// +-1 px steps and then to a fraction of a pixel, and an offset is kept when it
// predicts the window well (below accept_ratio x its variance) and holds in
// each quarter of it (below quadrant_ratio x the variance: a repetition holds
// everywhere around the tile, a partial match of a pattern in perspective
// does not). Where no 2-D offset holds, a tile tries a row repeat: a texture
// repeating along a surface that keeps its depth along the rows (a floor, a
// road, a facade) repeats in the image by a shift along the row proportional
// to the disparity (measured from infinity's), so one factor fits every row of
// a floor in perspective.
//
// Each hole pixel copies (bilinear) from p + k o, k = 1..3, of its tile's best
// kept offset whose source is clean far surface, mixed with the smooth
// background fill (hole_fill.h) that ran before by inverse error: weight
// b / (b + c) for the copy, c = the offset's error on the window, b = the
// smooth fill's error at the pixel's distance from its source (the window's
// error against itself moved that far along the row, at most its variance).
// The pixel blends the results of the four tiles whose centres surround it
// (bilinear weights), so tiles meet without a seam; without a kept offset or
// a clean source the smooth fill stays.
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
  int candidates = 16;     // dominant offsets kept (both signs of a lattice vector count as two)
  int min_offset_px = 8;   // shorter offsets are the trivial neighbourhood, not repetition
  int tile_px = 16;        // hole pixels that share one fitted offset
  // The far surface an offset is fitted on: the tile and this margin, grown by
  // half at a time until it holds min_window_pixels of that surface.
  int window_radius_px = 16;
  int max_window_radius_px = 96;
  int min_window_pixels = 400;
  // An offset is used where its mean squared error on that surface is below
  // this share of the surface's own variance (what a smooth fill far from its
  // source scores), and in each quarter of the window below quadrant_ratio x
  // that variance.
  double accept_ratio = 0.9;
  double quadrant_ratio = 1.2;
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
// the image with hole tiles re-filled from the dominant offsets where they fit.
torch::Tensor textureFill(const torch::Tensor& filled, const WarpedView& view, double jump_px,
                          const TextureFillOptions& options = {});

}  // namespace sds::render
