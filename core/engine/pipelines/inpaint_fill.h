// Filling the disocclusions of a synthesised view with an inpainting model,
// at full resolution: the fast, high-quality alternative to the background
// stretch of the classical renderer (no inversion needed).
//
//   mask   = the view's holes dilated by `dilate_px` (square), so the mixed
//            pixels at a hole's edge are repainted too;
//   crops  = windows of the model's working size around the mask
//            (inpaint_crops.h says how they are chosen), run one after the
//            other on the canvas: each sees the photo and the earlier
//            windows' results as known pixels, repaints the mask pixels not
//            yet decided, and its result is kept inside its core only
//            (optionally colour-matched to the window's known pixels first:
//            the VAE round trip shifts colours slightly);
//   blend  = view * (1 - w) + canvas * w with w = render::seamWeight(holes,
//            dilate_px / 2): 1 on the holes, 0 from dilate_px on. Outside the
//            dilated holes the view's own pixels stay exactly as they are.
// Window k is seeded with seed + k. Progress: stage "inpainting", steps
// counted over all windows; cancellation between steps.
#pragma once
#include <vector>

#include <torch/types.h>

#include "core/engine/pipelines/inpaint.h"
#include "core/engine/pipelines/inpaint_crops.h"

namespace sds::pipelines {

struct InpaintFillOptions {
  InpaintParams inpaint;  // prompt, steps, guidance, seed, scheduler (the noise overrides are not used)
  int dilate_px = 6;      // >= 0; also the seam width
  int window_px = 512;    // the model's working size (SD 1.5 / 2 inpainting: 512)
  int margin_px = -1;     // context around decided pixels; < 0: window / 8
  bool match_colour = true;
};

struct InpaintFillResult {
  torch::Tensor image;   // [1, 3, H, W] float32 in [0, 1], CPU
  torch::Tensor mask;    // [H, W] bool: the dilated holes the model repainted
  torch::Tensor weight;  // [H, W] float32: share of the inpainted canvas in `image`
  std::vector<CropWindow> windows;
  int windows_run = 0;   // windows with pixels left to decide (the others were skipped)
};

// view01: [1, 3, H, W] float in [0, 1] (any content in the holes); holes:
// [H, W] bool. `sd` must be an inpainting model. No holes: the view comes
// back unchanged without running the model. Throws sds::Error on bad shapes
// or options, sds::Cancelled when cancelled.
InpaintFillResult fillHolesByInpainting(const sd::StableDiffusion& sd, const torch::Tensor& view01,
                                        const torch::Tensor& holes, const InpaintFillOptions& options,
                                        const RunControl& control = {});

// The holes dilated by `px` pixels (square neighbourhood). [H, W] bool.
torch::Tensor dilateMask(const torch::Tensor& holes, int64_t px);

}  // namespace sds::pipelines
