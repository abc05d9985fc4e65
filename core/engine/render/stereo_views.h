// The classical renderer: one photo + a depth-like map -> a stereo pair, by
// edge-aware forward warping (depth_edges.h, forward_warp.h) and
// background-side hole filling (hole_fill.h). LibTorch only; runs on the input's device.
#pragma once
#include <torch/types.h>

#include "core/engine/render/depth_edges.h"
#include "core/engine/render/disparity_map.h"
#include "core/engine/render/forward_warp.h"
#include "core/engine/render/hole_fill.h"
#include "core/engine/render/texture_fill.h"

namespace sds::render {

enum class HoleFill { Background, None };  // None leaves holes black (another fill runs later)

struct RenderOptions {
  DisparityParams disparity;
  bool both_views = false;  // false: right view from the left; true: both views, half the disparity each way
  HoleFill fill = HoleFill::Background;
  EdgeOptions edges;        // depth edges aligned with colour edges, the near side grown (see depth_edges.h)
  WarpOptions warp;         // warp.shift is set by the renderer
  FillOptions fill_options;
  // After the background fill, hole runs copy the view's own repeating texture
  // where it predicts the far surface (texture_fill.h; controls::kTextureFill).
  bool texture_fill = controls::kTextureFill.value != 0;
  TextureFillOptions texture;
};

struct RenderedViews {
  torch::Tensor left, right;              // [1,C,H,W] like the input
  torch::Tensor disparity;                // [H,W] float32: the full left-to-right disparity in px of the input view
                                          // as applied (after the edge refinement)
  torch::Tensor left_holes, right_holes;  // [H,W] bool: pixels nothing landed on (filled unless fill == None)
  // [H,W] float32: disparity of the surface each pixel of the view shows, 0 in
  // holes (the left one is undefined unless both_views). A later fill uses it
  // to tell the near side of a hole from the far side.
  torch::Tensor left_seen_disparity, right_seen_disparity;
};

// image: [1,C,H,W] float; map: [H,W] of the same size (see DisparityParams).
RenderedViews renderStereoViews(const torch::Tensor& image, const torch::Tensor& map, const RenderOptions& options);

// The same with a disparity in pixels already computed (e.g. by disparityFromMap).
RenderedViews renderWithDisparity(const torch::Tensor& image, const torch::Tensor& disparity,
                                  const RenderOptions& options);

}  // namespace sds::render
