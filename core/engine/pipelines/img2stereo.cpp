#include "core/engine/pipelines/img2stereo.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <torch/torch.h>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/depth/depth_to_disparity.h"
#include "core/engine/pipelines/compose_views.h"
#include "core/engine/render/disparity_map.h"
#include "core/base/error.h"
#include "core/base/progress_range.h"
#include "models/sd/stable_diffusion.h"

namespace sds::pipelines {
namespace {

namespace F = torch::nn::functional;

torch::Tensor resized(const torch::Tensor& x, int64_t h, int64_t w, torch::enumtype::kBicubic mode) {
  // x: [B, C, H, W] float. Antialiased when shrinking, so a large photo does not alias.
  if (x.size(2) == h && x.size(3) == w) return x;
  const bool shrinking = h < x.size(2) || w < x.size(3);
  return F::interpolate(x, F::InterpolateFuncOptions()
                               .size(std::vector<int64_t>{h, w})
                               .mode(mode)
                               .align_corners(false)
                               .antialias(shrinking));
}

// [1, 3, H, W] float in [0, 1] -> [H, W, 3] uint8, what the inversion takes.
torch::Tensor toU8Hwc(const torch::Tensor& image01) {
  return (image01[0] * 255).round().clamp(0, 255).to(torch::kUInt8).permute({1, 2, 0}).contiguous().cpu();
}

// Where each stage sits on the one progress bar, weighted by UNet evaluations.
struct Plan {
  double depth_end, inversion_end, stereo_end;
};

Plan plan(const Img2StereoParams& p, bool estimate_depth, bool fast_sampling) {
  const int n = p.inversion.steps;
  const auto inv = inversion::plannedCost(p.inversion.mode, n, p.inversion.inner_steps);
  const double rows = fast_sampling ? 1.0 : 2.0;  // UNet rows per view and step
  const Txt2StereoParams s = stereoPassOf(p);
  const int pass2 = std::max(n - s.resolvedShiftStep() - 1, 0);
  const double stereo = rows * n + rows * pass2 * (s.direction == stereo::AttentionDirection::Uni ? 1.0 : 2.0);
  const double inverting = double(inv.unet_forwards + inv.unet_backwards);
  const double depth = estimate_depth ? 0.02 * (inverting + stereo) : 0.0;
  const double compose = p.full_resolution ? 0.01 * (inverting + stereo) : 0.0;
  const double total = depth + inverting + stereo + compose;
  return {depth / total, (depth + inverting) / total, (total - compose) / total};
}

}  // namespace

Txt2StereoParams stereoPassOf(const Img2StereoParams& p) {
  Txt2StereoParams s;
  static_cast<StereoPassParams&>(s) = p.stereo;
  s.seed = p.seed;
  s.prompt = p.inversion.prompt;
  s.steps = p.inversion.steps;
  s.guidance_scale = p.inversion.guidance_scale;
  return s;
}

void Img2StereoParams::validate() const {
  if (working_long_side < 64 || working_long_side > 4096)
    throw Error("The working size must be between 64 and 4096 pixels (got " + std::to_string(working_long_side) +
                ").");
  if (inversion.steps < 1) throw Error("The number of steps must be at least 1.");
  // Checked in either mode: a record of a fast run keeps them for a null-text rerun.
  if (!controls::kInnerSteps.contains(inversion.inner_steps))
    throw Error("The null-text optimisation takes " + std::to_string(controls::kInnerSteps.min) + " to " +
                std::to_string(controls::kInnerSteps.max) + " inner steps per step (got " +
                std::to_string(inversion.inner_steps) + ").");
  if (!std::isfinite(inversion.early_stop_epsilon) || inversion.early_stop_epsilon < 0)
    throw Error("The null-text early-stop loss must be a finite number of at least 0 (got " +
                std::to_string(inversion.early_stop_epsilon) + ").");
  if (!std::isfinite(fill.seam_px) || fill.seam_px > render::kMaxSeamPx)
    throw Error("The seam must be at most " + std::to_string(int(render::kMaxSeamPx)) +
                " pixels wide, or negative for the automatic width (got " + std::to_string(fill.seam_px) + ").");
  stereoPassOf(*this).validate();
  if (full_resolution && std::abs(stereo.scale_factor) > 50)
    throw Error("The disparity scale must lie within 50 % of the width for full-resolution output (got " +
                std::to_string(stereo.scale_factor) + ").");
}

std::pair<int, int> workingSize(int photo_height, int photo_width, int long_side) {
  if (photo_height <= 0 || photo_width <= 0) throw Error("The photo is empty.");
  const double f = double(long_side) / double(std::max(photo_height, photo_width));
  const auto side = [f](int x) { return std::max(64, int(std::lround(x * f / 8.0)) * 8); };
  return {side(photo_height), side(photo_width)};
}

Img2StereoResult img2stereo(const sd::StableDiffusion& sd, const torch::Tensor& photo01,
                            std::optional<torch::Tensor> disparity, const Img2StereoParams& params,
                            const RunControl& control, std::shared_ptr<depth::DepthEstimator> depth) {
  params.validate();
  sd::requireTask(sd, sd::SdTask::TextToImage, "photo-to-stereo (inversion and StereoDiffusion)");
  if (photo01.dim() != 4 || photo01.size(0) != 1 || photo01.size(1) != 3 || !photo01.is_floating_point())
    throw Error("The photo must be a float RGB image [1, 3, H, W] in [0, 1].");
  if (!disparity && !depth)
    throw Error("No depth model is loaded and no depth map was given; pass one of them for the right view.");
  if (disparity && (disparity->dim() != 2 || disparity->numel() == 0))
    throw Error("The depth map must be a single [H, W] map.");
  const int64_t H = photo01.size(2), W = photo01.size(3);
  const bool fast = params.inversion.mode == inversion::InversionMode::Fast;
  const Plan at = plan(params, !disparity, fast);
  const auto photo = photo01.to(torch::kCPU, torch::kFloat32).clamp(0, 1);

  Img2StereoResult r;
  // ---- depth
  torch::Tensor map;
  if (disparity) {
    map = disparity->to(torch::kCPU, torch::kFloat32);
  } else {
    control.cancel.throwIfCancelled();
    const StageReporter reporting(control.progress, "depth", 1, 0.0, at.depth_end);
    reporting.report(0);
    c10::InferenceMode guard;
    map = depth::estimateDisparity(*depth, photo).to(torch::kCPU, torch::kFloat32);
    reporting.report(1);
  }
  if (!torch::isfinite(map).all().item<bool>()) throw Error("The depth map has values that are not finite.");

  // ---- inversion at the working size
  std::tie(r.work_height, r.work_width) = workingSize(int(H), int(W), params.working_long_side);
  const auto work_u8 = toU8Hwc(resized(photo, r.work_height, r.work_width, torch::kBicubic).clamp(0, 1));
  inversion::LatentObserver on_latent;
  if (control.on_step) {
    on_latent = [&control, i = 0](const torch::Tensor& x) mutable { control.on_step(i++, -1, torch::Tensor(), x); };
  }
  r.inversion = inversion::invertImage(sd, work_u8, params.inversion,
                                       withinRange(control.progress, at.depth_end, at.inversion_end), control.cancel,
                                       on_latent);

  // ---- the stereo process from x_T
  Txt2StereoParams s = stereoPassOf(params);
  s.width = r.work_width;
  s.height = r.work_height;
  s.initial_latents = r.inversion.xT();
  const auto cond = r.inversion.cond_embedding;  // [1, N, D]
  if (fast) {
    // The fast mode's uncond rows ARE the cond row, so u + s (c - u) = c:
    // sampling unguided gives the same numbers at half the UNet rows.
    s.guidance_scale = 1.0;
    s.prompt_embeddings = torch::cat({cond, cond});
    s.step_uncond_embeddings.reset();
  } else {
    s.guidance_scale = params.inversion.guidance_scale;
    s.prompt_embeddings = torch::cat({r.inversion.uncond_embeddings[0], cond});
    s.step_uncond_embeddings = r.inversion.uncond_embeddings;
  }
  s.disparity = map;
  s.decode = true;
  RunControl stereo_control;
  stereo_control.cancel = control.cancel;
  stereo_control.progress = withinRange(control.progress, at.inversion_end, at.stereo_end);
  stereo_control.on_step = control.on_step;
  Txt2StereoSession session(sd);
  r.diffusion = session.run(s, stereo_control);
  if (!params.full_resolution) return r;

  // ---- full resolution
  control.cancel.throwIfCancelled();
  const StageReporter composing(control.progress, "composing", 1, at.stereo_end, 1.0);
  composing.report(0);
  c10::InferenceMode guard;
  r.disparity = map.size(0) == H && map.size(1) == W
                    ? map
                    : resized(map.unsqueeze(0).unsqueeze(0), H, W, torch::kBicubic)[0][0];
  r.disparity_px = compositionDisparityPx(r.disparity, s, H, W);
  const double direction = s.scale_factor < 0 ? -1.0 : 1.0;  // a negative scale swaps the eyes
  const auto view = [&](int index, double shift, torch::Tensor& holes) {
    control.cancel.throwIfCancelled();
    render::DiffusionFillOptions o = params.fill;
    o.warp.shift = shift * direction;
    auto composed = render::composeWithDiffusionFill(photo, r.disparity_px, r.diffusion.image01.narrow(0, index, 1), o);
    holes = composed.holes;
    return composed.image;
  };
  if (s.shift_both) {
    r.left01 = view(0, 0.5, r.left_holes);
    r.right01 = view(1, -0.5, r.right_holes);
  } else {
    r.left01 = photo;
    r.left_holes = torch::zeros({H, W}, torch::kBool);
    r.right01 = view(1, -1.0, r.right_holes);
  }
  composing.report(1);
  return r;
}

}  // namespace sds::pipelines
