// CPU kernels of the forward warp and the background fill: the same algorithm as
// the vectorised tensor code in forward_warp.cpp / hole_fill.cpp, as one tight
// pass per row (rows in parallel). A slider move re-renders a full preview, and
// on a 2-core CPU the tensor version spends most of its time in temporaries.
#pragma once
#include "core/engine/render/forward_warp.h"
#include "core/engine/render/hole_fill.h"

namespace sds::render::cpu {

// image: [1,C,H,W] float32 contiguous CPU; disparity: [H,W] float32 CPU.
WarpedView forwardWarp(const torch::Tensor& image, const torch::Tensor& disparity, const WarpOptions& options);

// view from forwardWarp above (float32, CPU). Returns a new image.
torch::Tensor fillFromBackground(const WarpedView& view, const FillOptions& options);
// The same, writing into view.image (no copy of the image: the renderer's path).
void fillInPlace(WarpedView& view, const FillOptions& options);

}  // namespace sds::render::cpu
