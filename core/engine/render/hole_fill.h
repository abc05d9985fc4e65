// Filling the disoccluded holes of a forward-warped view from the background
// side: a hole opens beside a nearer surface, and what belongs there is the
// farther surface on its other side, so colour comes from that side only.
#pragma once
#include <torch/types.h>

#include "core/engine/render/forward_warp.h"

namespace sds::render {

struct FillOptions {
  // Both sides of a hole closer than this in disparity are one surface: blend them.
  double same_surface_px = 1.0;
  // The background pixel right at a hole is often a mix with the nearer surface
  // (anti-aliasing, JPEG): copy from this many pixels further in when that pixel
  // is still the same surface.
  int edge_skip_px = 1;
  // Far from its source a copied colour is smoothed along the column: radius =
  // min(smooth_max_radius, smooth_slope * distance to the source pixel); 0 turns it off.
  double smooth_slope = 1.0;
  int smooth_max_radius = 24;
  // The smoothing never reaches across a strong edge of the copied colours: a
  // column's run ends between two rows whose colours differ by more than this
  // share of the view's value range (mean over the channels). A sky/ground
  // boundary or a stripe beside a hole stays sharp instead of being averaged
  // into a pale band (a ghost in the background); 0 turns the limit off.
  double smooth_break = 1.0 / 3.0;
  bool force_tensor_path = false;  // see WarpOptions::force_tensor_path
};

// The colour jump (summed over the channels, in the image's units) that ends a
// smoothing run: options.smooth_break x channels x the image's value range
// (infinite when the limit is off).
float smoothingBreak(const torch::Tensor& image, const FillOptions& options);

// Returns the view's image [1,C,H,W] with every uncovered pixel filled.
torch::Tensor fillFromBackground(const WarpedView& view, const FillOptions& options = {});

}  // namespace sds::render
