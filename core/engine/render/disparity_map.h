// From a user's depth-like map to the per-pixel disparity (in pixels) that the
// classical renderer applies to the source view. LibTorch only.
#pragma once
#include <torch/types.h>

#include "core/engine/render/render_controls.h"

namespace sds::render {

// Defaults and ranges: render_controls.h.
struct DisparityParams {
  MapKind kind = MapKind::InverseDepth;
  double scale_percent = controls::kScalePercent.value;  // largest disparity, percent of the width (not for DisparityPx)
  double exponent = controls::kExponent.value;           // normalised disparity ** exponent (not for DisparityPx)
  ConvergenceMode convergence_mode = ConvergenceMode::Default;
  // Fixed mode, 0..1: the normalised disparity that lands on the screen plane.
  // For DisparityPx the offset is convergence * (largest disparity of the map).
  double convergence = controls::kConvergence.value;
  // Percentile mode (and Default for relative maps): the disparity at this
  // percentile of the known pixels lands on the screen plane.
  double converge_percentile = controls::kConvergePercentile.value;
  // > 0: |disparity| after convergence is clamped to this percent of the width.
  double max_disparity_percent = controls::kMaxDisparityPercent.value;
};

// Throws sds::Error naming the bad value (outside render_controls.h's ranges).
void validate(const DisparityParams& p);

// The value below which `percent` % of `values` (any shape, float) lie, from a
// fine histogram (4096 bins between the extremes: exact to 1/4096 of the range).
double percentileOf(const torch::Tensor& values, double percent);

// map: [H,W] any float dtype, same size as the image; image_width = W.
// Returns [H,W] float32 disparity in pixels (larger = nearer), unknown values
// filled from the farther neighbour along each row. Throws sds::Error when the
// map has no valid value.
torch::Tensor disparityFromMap(const torch::Tensor& map, const DisparityParams& p);

// disparity: [H,W] float32; known: [H,W] bool. Each unknown run in a row takes the
// smaller (farther) of its two known neighbours; rows without any known value
// take `fallback`.
torch::Tensor fillUnknownFromBackground(const torch::Tensor& disparity, const torch::Tensor& known, double fallback);

}  // namespace sds::render
