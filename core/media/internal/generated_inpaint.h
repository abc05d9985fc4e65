// The inpainting fill for the generated pairs (issue 18): photo to stereo and
// the prompt-to-stereo composition. Both compose the right view from the left
// view's own pixels (the forward warp of compose_views.h / img2stereo.h);
// here the warp's holes are left open and an inpainting model fills them
// (HoleInpainter: dilated mask, crops at full resolution, the seam blend of
// pipelines/inpaint_fill.h) instead of the upscaled diffusion right view.
// Wherever the right eye sees the photo, its own pixels stay as they are.
// Includes torch: internal to core (the CLI uses it; ui never does).
#pragma once
#include <memory>
#include <optional>

#include <torch/types.h>

#include "core/engine/pipelines/compose_views.h"
#include "core/engine/pipelines/img2stereo.h"
#include "core/media/inpaint_fill.h"

namespace sds::media {

// pipelines::img2stereo with the composition's holes inpainted: r.left01 /
// r.right01 are the filled views, r.left_holes / r.right_holes the warp's
// holes. Needs params.full_resolution (throws sds::Error otherwise). Progress:
// the pipeline's stages, then "inpainting"; cancel is checked in both.
pipelines::Img2StereoResult img2stereoInpainted(const sd::StableDiffusion& sd, const torch::Tensor& photo01,
                                                std::optional<torch::Tensor> disparity,
                                                pipelines::Img2StereoParams params, HoleInpainter& inpainter,
                                                const InpaintSettings& settings, const pipelines::RunControl& control,
                                                std::shared_ptr<depth::DepthEstimator> depth = nullptr,
                                                InpaintReport* report = nullptr);

// pipelines::composeRightFromLeft with the holes inpainted instead of taken
// from a diffusion right view. left01: [1, 3, H, W]; map: the pair's
// disparity (near = large, any size). Returns image [1, 3, H, W] and holes.
render::ComposedView composeRightInpainted(const torch::Tensor& left01, const torch::Tensor& map,
                                           const pipelines::Txt2StereoParams& params, HoleInpainter& inpainter,
                                           const InpaintSettings& settings, const ProgressFn& progress = {},
                                           const CancelToken& cancel = {}, InpaintReport* report = nullptr);

}  // namespace sds::media
