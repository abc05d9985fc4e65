// Forward warping of one view along image rows by a per-pixel disparity, with
// occlusion order, sub-pixel accuracy and no cracks: neighbouring source pixels
// of one surface are drawn as a linear segment between their targets, and each
// target keeps the nearest surface. LibTorch only; any device.
#pragma once
#include <torch/types.h>

namespace sds::render {

struct WarpOptions {
  double shift = -1.0;  // a source pixel at column x lands at x + shift * d(x) (-1: right view from left)
  // Neighbours whose disparities differ by more than this many pixels, in the
  // direction that opens a gap, are not joined: the gap between them is a
  // disocclusion (a hole), not a stretched surface. Their targets then lie more
  // than 1 + |shift| * max_jump_px apart.
  double max_jump_px = 1.5;
  // Colours at fractional source positions: Catmull-Rom cubic over four pixels
  // of one surface (linear where a neighbour lies across a jump). A half-pixel
  // linear sample is a [1/2 1/2] blur, which shows on fine texture; the cubic
  // keeps it sharp and reproduces linear ramps exactly.
  bool cubic = true;
  // CPU tensors take the per-row kernel (warp_cpu.h); this forces the vectorised
  // tensor code that other devices run, so tests can compare the two.
  bool force_tensor_path = false;
};

struct WarpedView {
  torch::Tensor image;      // [1,C,H,W] like the input; 0 where nothing landed
  torch::Tensor disparity;  // [H,W] float32: disparity of the surface seen at each target, 0 where nothing landed
  torch::Tensor covered;    // [H,W] bool
};

// image: [1,C,H,W] float; disparity: [H,W] (px, larger = nearer).
WarpedView forwardWarp(const torch::Tensor& image, const torch::Tensor& disparity, const WarpOptions& options);

}  // namespace sds::render
