// Where to run an inpainting model on a large picture: windows of the model's
// working size around the regions to repaint, so a photo is never shrunk as a
// whole and the model sees its holes at full resolution with real context.
//
// How windows are chosen:
//   1. The mask is reduced to 8 x 8 cells (a cell is marked when any pixel
//      of it is); marked cells closer than the context margin are joined
//      (the marked cells are dilated by the margin before labelling), and the
//      8-connected groups are the hole regions.
//   2. Each region's bounding box B (of its own marked cells) is grown by the
//      margin on every side and clipped to the picture: G.
//   3. G that fits in one window gets one window centred on it (shifted
//      inside the picture). A larger G is covered by a grid of windows
//      spread evenly from its first to its last column / row, overlapping by
//      at least twice the margin.
//   4. Each window has a core: the window less the margin on every side that
//      is not the picture's border. The cores of a region's windows cover B,
//      so every marked pixel lies in some window's core.
//   5. Many scattered regions (a noisy depth map) can need more windows than
//      a plain grid of windows over the whole picture (same overlap, only the
//      windows whose core holds marked pixels): the plan with fewer windows
//      is used.
// inpaint_fill.h runs the windows in order and keeps a window's result only
// inside its core: a pixel is decided where the model saw at least `margin`
// pixels of context around it, and later windows see earlier results as
// known pixels, so overlapping windows continue each other instead of
// meeting at a seam. LibTorch only (the labelling is a CPU pass over cells).
#pragma once
#include <cstdint>
#include <vector>

#include <torch/types.h>

namespace sds::pipelines {

struct CropWindow {
  int64_t top = 0, left = 0, height = 0, width = 0;  // the window, inside the picture
  // The core (see above), in picture coordinates; bottom / right exclusive.
  int64_t core_top = 0, core_left = 0, core_bottom = 0, core_right = 0;
};

struct CropPlanOptions {
  int64_t window = 512;   // largest window side in pixels (the model's working size), multiple of 8
  int64_t margin = -1;    // context kept around repainted pixels; < 0: window / 8
  int64_t multiple = 8;   // window sides are multiples of this (the VAE factor)
};

// mask: [H, W] bool (true = repaint). Windows are min(window, H and W rounded
// down to `multiple`) on each side; an empty mask gives no window. Throws
// sds::Error when the picture is smaller than `multiple` or the options are
// out of range (window < multiple, 2 * margin >= window).
std::vector<CropWindow> planInpaintCrops(const torch::Tensor& mask, const CropPlanOptions& options = {});

// The margin `options` resolves to for a window side.
int64_t cropMargin(const CropPlanOptions& options, int64_t window_side);

}  // namespace sds::pipelines
