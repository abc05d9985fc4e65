// The composition of photo to stereo, offered for prompt to stereo too: the
// right view made of the left view's own pixels wherever the right eye sees
// them (edge-aware forward warp by the pair's disparity), the StereoDiffusion
// right view only where the left view could not see (render/diffusion_fill.h).
#pragma once
#include <torch/types.h>

#include "core/engine/pipelines/txt2stereo.h"
#include "core/engine/render/diffusion_fill.h"

namespace sds::pipelines {

// The "compose" entry of a composed pair's params.json (the CLI's --compose,
// the studio's option): where the right view's pixels come from.
inline constexpr const char* kComposedRightRecord = "left pixels where visible, diffusion right view in the holes";
// ... and with the holes painted by an inpainting model instead.
inline constexpr const char* kInpaintedRightRecord = "left pixels where visible, inpainting model in the holes";

// map: [h, w] the pair's disparity map (near = large, any size), resized
// bicubically to H x W; returns [H, W] float32 pixels: the disparity whose
// latent steps the StereoDiffusion pass applied (scale_factor percent of the
// width, the exponent, zero at the far end).
torch::Tensor compositionDisparityPx(const torch::Tensor& map, const Txt2StereoParams& s, int64_t height,
                                     int64_t width);

// left01, right01: [1, 3, H, W] float in [0, 1], the pair (right01 may have
// another size); map as above. One-way pairs only (s.shift_both false): the
// left view stays as it is. Throws sds::Error otherwise.
render::ComposedView composeRightFromLeft(const torch::Tensor& left01, const torch::Tensor& right01,
                                          const torch::Tensor& map, const Txt2StereoParams& s,
                                          render::DiffusionFillOptions fill = {});

}  // namespace sds::pipelines
