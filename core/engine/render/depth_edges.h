// Depth edges before the forward warp: where the disparity jumps (a nearer
// surface in front of a farther one), the photo's outline pixels are a mix of
// both colours, and depth maps (estimated, or even measured) put the jump a
// pixel or two off the colour edge. Left as they are, the mixed pixels keep the
// far side's disparity and stay behind when the near surface moves: a thin ghost
// outline floating in the background, and a hole fill that copies them.
//
// refineDepthEdges moves each jump onto the colour edge (pixels within
// EdgeOptions::smoothing_px of it take the side whose colour they are closer to)
// and then grows the near side by EdgeOptions::band_px into the far side, so
// every mixed pixel travels with the near surface and the pixels left next to a
// disocclusion carry only far-surface colour. Top and bottom edges (jumps
// between rows) get the band too, over the pixels whose colour looks mixed: a
// mixed row left behind would float as a line beside the moved object. Only pixels within a few pixels
// of a jump change, and they take the disparity of one of the two surfaces
// (never a value in between, which would stretch them across the gap).
// LibTorch only; runs on any device (the kernel itself runs on the CPU).
#pragma once
#include <torch/types.h>

#include "core/engine/render/render_controls.h"

namespace sds::render {

// image: [1,C,H,W] float (any value scale: 0..1 or 0..255); disparity: [H,W]
// px, larger = nearer. A jump is a step between horizontal neighbours larger
// than jump_px (the warp's max_jump_px: exactly the steps that open a hole).
// Returns a new [H,W] float32 disparity on the disparity's device. Throws
// sds::Error on mismatched shapes or options out of their range.
torch::Tensor refineDepthEdges(const torch::Tensor& image, const torch::Tensor& disparity, const EdgeOptions& options,
                               double jump_px);

// Throws sds::Error naming the bad value (outside render_controls.h's ranges).
void validate(const EdgeOptions& options);

}  // namespace sds::render
