// From a user's depth-like map to the per-pixel disparity (in pixels) that the
// classical renderer applies to the source view. LibTorch only.
#pragma once
#include <torch/types.h>

namespace sds::render {

enum class MapKind {
  InverseDepth,  // relative inverse depth, near = bright: min..max -> 0..1
  Depth,         // metric or relative depth, near = dark; values <= 0 are unknown; 1/depth -> 0..1
  DisparityPx,   // disparity in pixels of the source view at its resolution; 0 = unknown
};

struct DisparityParams {
  MapKind kind = MapKind::InverseDepth;
  double scale_percent = 3.0;  // largest disparity in percent of the image width (not for DisparityPx)
  double exponent = 1.0;       // normalised disparity ** exponent (not for DisparityPx)
  // 0..1: the normalised disparity that lands on the screen plane. For DisparityPx
  // the offset is convergence * (largest disparity of the map).
  double convergence = 0.0;
};

// Throws sds::Error naming the bad value (scale < 0 or > 50, exponent <= 0,
// convergence outside 0..1).
void validate(const DisparityParams& p);

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
