// The plain integer forward warp of the inpainting reference
// (shared/fixtures/sd-tiny-inpaint, case inpaint_stereo): every source pixel
// (y, x) moves to (y, x - d) when that lies inside the row, the largest
// disparity (the nearest surface) wins a target, and targets nothing lands on
// are holes. No splatting, no sub-pixel positions: what an inpainting model is
// asked to complete when the disparities are whole pixels. forward_warp.h is
// the renderer's sub-pixel warp. LibTorch only; any device.
#pragma once
#include <torch/types.h>

namespace sds::render {

struct IntegerWarp {
  torch::Tensor image;  // [1, C, H, W] like the input, 0 in holes
  torch::Tensor holes;  // [H, W] bool: no source pixel landed
};

// image: [1, C, H, W] any dtype; disparity: [H, W] integer pixels (larger =
// nearer; any integer dtype, or float holding whole numbers). Throws
// sds::Error on mismatched shapes.
IntegerWarp integerForwardWarp(const torch::Tensor& image, const torch::Tensor& disparity);

}  // namespace sds::render
