#include "core/media/internal/generated_inpaint.h"

#include <opencv2/core.hpp>

#include "core/media/internal/tensor_bridge.h"
#include "core/base/error.h"

namespace sds::media {
namespace {

// One composed view ([1, 3, H, W] in [0, 1], holes black) with its holes
// ([H, W] bool) filled by the model; same layout back.
torch::Tensor inpaintView(const torch::Tensor& view01, const torch::Tensor& holes, HoleInpainter& inpainter,
                          const InpaintSettings& settings, const ProgressFn& progress, const CancelToken& cancel,
                          InpaintReport* report) {
  cv::Mat mask;
  tensorToMap(holes.to(torch::kFloat32) * 255).convertTo(mask, CV_8U);
  const cv::Mat filled =
      inpainter.fill(tensor01ToImage8(view01), mask, settings, progress, cancel, report);
  return imageToTensor01(filled);
}

}  // namespace

pipelines::Img2StereoResult img2stereoInpainted(const sd::StableDiffusion& sd, const torch::Tensor& photo01,
                                                std::optional<torch::Tensor> disparity,
                                                pipelines::Img2StereoParams params, HoleInpainter& inpainter,
                                                const InpaintSettings& settings, const pipelines::RunControl& control,
                                                std::shared_ptr<depth::DepthEstimator> depth, InpaintReport* report) {
  if (!params.full_resolution)
    throw Error("The inpainting fill fills the full-resolution composition: it cannot be used with the "
                "diffusion-only output.");
  params.fill.open_holes = true;
  auto r = pipelines::img2stereo(sd, photo01, std::move(disparity), params, control, std::move(depth));
  // The photo's pixels come through the warp unchanged (8-bit round trip);
  // only the holes and a seam of dilate_px around them are repainted.
  r.right01 = inpaintView(r.right01, r.right_holes, inpainter, settings, control.progress, control.cancel, report);
  if (params.stereo.shift_both)
    r.left01 = inpaintView(r.left01, r.left_holes, inpainter, settings, control.progress, control.cancel, report);
  return r;
}

render::ComposedView composeRightInpainted(const torch::Tensor& left01, const torch::Tensor& map,
                                           const pipelines::Txt2StereoParams& params, HoleInpainter& inpainter,
                                           const InpaintSettings& settings, const ProgressFn& progress,
                                           const CancelToken& cancel, InpaintReport* report) {
  render::DiffusionFillOptions open;
  open.open_holes = true;
  // The diffusion view is not used with open holes; the left view stands in for its shape.
  auto composed = pipelines::composeRightFromLeft(left01, left01, map, params, open);
  composed.image = inpaintView(composed.image, composed.holes, inpainter, settings, progress, cancel, report);
  return composed;
}

}  // namespace sds::media
