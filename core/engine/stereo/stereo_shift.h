// The latent "stereo pixel shift" of StereoDiffusion (arXiv 2403.04965),
// reproducing stereoutils.stereo_shift_torch of lez-s/StereoDiffusion exactly
// (see shared/fixtures/stereo-ops/README.md section 1), vectorised: no per-pixel
// loop, the same code on CPU and CUDA.
//
// Semantics kept from the reference:
//  - the disparity (bigger = nearer) is min-max normalised over the WHOLE batch
//    in float32, subtract then divide; a constant map normalises to zeros
//    (the reference crashes there, the evident intent is "no shift");
//  - a view moved by `percent` of the width shifts pixel (r, c) by
//    trunc(float32(dn^e) * float32(percent / 100 * W)) columns;
//  - when several sources land on one target the reference's sweep decides
//    (the last write wins), holes stay exactly 0 in every channel.
#pragma once
#include <cstdint>

#include <torch/types.h>

#include "core/engine/pipelines/stereo_controls.h"

namespace sds::stereo {

struct ShiftParams {
  double scale_factor = pipelines::controls::kScalePercent.value;  // percent of the width (the reference's `sacle_factor`)
  double exponent = 1;      // stereo_offset_exponent
  bool shift_both = false;  // false: right = left moved by -scale; true: each view half each way
};

// disparity: [B, H, W] (any float dtype, any device) -> [B, H, W] float32 in
// [0, 1]. Throws sds::Error on a wrong rank or a non-finite value.
torch::Tensor normalizeDisparity(const torch::Tensor& disparity);

// [B, H, W] -> [B, height, width] float32, torch bicubic (A = -0.75,
// align_corners false, no antialias): how the official pipelines bring the
// depth prediction to latent size.
torch::Tensor resizeDisparity(const torch::Tensor& disparity, int64_t height, int64_t width);

// The signed shift in columns of a view moved by `percent` of the width, as the
// reference computes it in double: (percent / 100.0) * width.
double shiftPixels(double percent, int64_t width);

// norm_disparity: [B, H, W] float32 -> [B, H, W] int64 column offsets
// trunc(float32(dn^exponent) * float32(px)).
torch::Tensor columnOffsets(const torch::Tensor& norm_disparity, double px, double exponent);

// Forward warp along rows: out[b, :, r, c + off[b, r, c]] = x[b, :, r, c] when
// the target is inside the row; holes are 0. `ascending_sweep` is the
// reference's column order (ascending when px < 0): the last write wins.
// x: [B, C, H, W]; offsets: [B, H, W] int64 on x's device.
torch::Tensor warpColumns(const torch::Tensor& x, const torch::Tensor& offsets, bool ascending_sweep);

// [B, C, H, W] -> [B, H, W] bool: every channel != 0 (how the official
// StereoShiftSampler decides which right-view positions the shift filled).
torch::Tensor filledMask(const torch::Tensor& view);

struct ShiftedPair {
  torch::Tensor left;           // [B, C, H, W] (the input itself unless shift_both)
  torch::Tensor right;          // [B, C, H, W]
  torch::Tensor offsets_right;  // [B, H, W] int64
  torch::Tensor offsets_left;   // [B, H, W] int64; undefined unless shift_both
  torch::Tensor mask;           // [B, H, W] bool = filledMask(right)
};

// stereo_shift_torch on an already normalised disparity.
// x: [B, C, H, W]; norm_disparity: [B, H, W] float32.
ShiftedPair shiftNormalized(const torch::Tensor& x, const torch::Tensor& norm_disparity, const ShiftParams& params);

// stereo_shift_torch: normalises `disparity` [B, H, W] then shifts x.
ShiftedPair stereoShift(const torch::Tensor& x, const torch::Tensor& disparity, const ShiftParams& params);

}  // namespace sds::stereo
