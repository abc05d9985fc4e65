// A second pass of the background fill for periodic far surfaces (wallpaper,
// tiles, fabric, brickwork): a disocclusion on such a surface shows more of the
// same pattern, so where the texture beside the holes repeats with a clear
// horizontal period, each hole pixel takes the far-surface pixel a whole number
// of periods away (towards the far side of its hole) instead of the smooth
// background colour. Where no clear period exists (most natural texture) it
// changes nothing: a copied texture that does not line up with the truth is
// worse than the smooth local colour, in SSIM as in MSE.
#pragma once
#include <torch/types.h>

#include "core/engine/render/forward_warp.h"

namespace sds::render {

struct PeriodicFillOptions {
  bool enabled = true;
  // The best period's mean squared difference must be below this share of the
  // typical one (median over the candidate offsets) to count as a repeat.
  double max_residual = 0.35;
  int min_period_px = 6;
  double max_period_share = 0.15;  // longest period searched, share of the width
};

struct Period {
  int dx = 0;             // 0: none found
  double residual = 1.0;  // the best offset's difference / the median difference
};

// The horizontal repeat of the covered texture beside the holes of `view`
// (the warp's image before filling, its disparity and coverage).
Period findBackgroundPeriod(const WarpedView& view, const PeriodicFillOptions& options);

// filled: [1,C,H,W] the view's image after the background fill (same device
// and size as view.image), changed in place where a periodic source exists:
// a hole pixel takes the covered pixel k * period away towards its hole's far
// side (smallest k that lands on it), if that pixel lies on the far surface.
void fillPeriodic(const WarpedView& view, torch::Tensor& filled, const PeriodicFillOptions& options);

}  // namespace sds::render
