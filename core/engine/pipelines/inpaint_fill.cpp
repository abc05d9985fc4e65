#include "core/engine/pipelines/inpaint_fill.h"

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include "core/engine/pipelines/text_conditioning.h"
#include "core/engine/render/diffusion_fill.h"
#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

namespace sds::pipelines {
namespace {

namespace F = torch::nn::functional;

torch::Tensor window(const torch::Tensor& t, const CropWindow& c) {
  // t: [..., H, W] -> [..., h, w] (a view)
  return t.narrow(-2, c.top, c.height).narrow(-1, c.left, c.width);
}

// [h, w] bool: the window's core, in window coordinates.
torch::Tensor coreOf(const CropWindow& c) {
  auto core = torch::zeros({c.height, c.width}, torch::kBool);
  core.narrow(0, c.core_top - c.top, c.core_bottom - c.core_top)
      .narrow(1, c.core_left - c.left, c.core_right - c.core_left)
      .fill_(true);
  return core;
}

// The inner run's progress as steps of the whole fill: window k of n.
ProgressFn windowProgress(const ProgressFn& fn, int k, int n, int steps) {
  if (!fn) return {};
  return [fn, k, n, steps](const Progress& p) {
    const int step = k * steps + (p.stage == "inpainting" ? p.step : steps);
    fn(Progress{"inpainting", step, n * steps, (double(k) + p.overall) / double(n)});
  };
}

void checkInputs(const torch::Tensor& view01, const torch::Tensor& holes, const InpaintFillOptions& o) {
  if (view01.dim() != 4 || view01.size(0) != 1 || view01.size(1) != 3 || !view01.is_floating_point())
    throw Error("The view to fill must be a float RGB image [1, 3, H, W] in [0, 1].");
  if (holes.dim() != 2 || holes.size(0) != view01.size(2) || holes.size(1) != view01.size(3))
    throw Error("The hole mask must be [H, W] at the view's size.");
  if (o.dilate_px < 0 || o.dilate_px > 256)
    throw Error("The hole dilation must be between 0 and 256 pixels, got " + std::to_string(o.dilate_px) + ".");
}

}  // namespace

torch::Tensor dilateMask(const torch::Tensor& holes, int64_t px) {
  // holes: [H, W] -> [H, W] bool
  const auto b = holes.to(torch::kBool);
  if (px <= 0) return b.clone();
  const auto grown = F::max_pool2d(b.to(torch::kFloat32).unsqueeze(0).unsqueeze(0),
                                   F::MaxPool2dFuncOptions(2 * px + 1).stride(1).padding(px));
  return grown[0][0].gt(0);
}

InpaintFillResult fillHolesByInpainting(const sd::StableDiffusion& sd, const torch::Tensor& view01,
                                        const torch::Tensor& holes, const InpaintFillOptions& o,
                                        const RunControl& control) {
  checkInputs(view01, holes, o);
  sd::requireTask(sd, sd::SdTask::Inpainting, "filling holes by inpainting");
  if (!sd.vae) throw Error("Inpainting needs the model's VAE, which was not loaded.");
  c10::InferenceMode guard;
  const auto view = view01.to(torch::kCPU, torch::kFloat32).clamp(0, 1);
  const auto hole_mask = holes.to(torch::kCPU).to(torch::kBool);
  InpaintFillResult r;
  r.mask = dilateMask(hole_mask, o.dilate_px);
  r.weight = render::seamWeight(hole_mask, o.dilate_px / 2);
  r.image = view;
  if (!r.mask.any().item<bool>()) return r;

  CropPlanOptions plan;
  plan.window = o.window_px;
  plan.margin = o.margin_px;
  plan.multiple = sd.vae->downscaleFactor();
  r.windows = planInpaintCrops(r.mask, plan);

  InpaintParams params = o.inpaint;
  params.initial_latents.reset();
  params.sample_noise.reset();
  if (!params.prompt_embeddings) params.prompt_embeddings = encodeGuidancePair(sd, params.prompt, params.negative_prompt);

  auto canvas = view.clone();
  auto remaining = r.mask.clone();
  const int n = int(r.windows.size());
  for (int k = 0; k < n; ++k) {
    control.cancel.throwIfCancelled();
    const CropWindow& c = r.windows[size_t(k)];
    const auto todo = window(remaining, c).clone();  // [h, w]
    const auto accept = todo & coreOf(c);
    if (!accept.any().item<bool>()) {
      if (control.progress)
        control.progress(Progress{"inpainting", (k + 1) * params.steps, n * params.steps, double(k + 1) / n});
      continue;
    }
    ++r.windows_run;
    const auto crop = window(canvas, c).clone();  // [1, 3, h, w]
    params.seed = o.inpaint.seed + uint64_t(k);
    RunControl inner;
    inner.cancel = control.cancel;
    inner.progress = windowProgress(control.progress, k, n, params.steps);
    auto fill = inpaint(sd, crop, todo, params, inner).image01;
    if (o.match_colour) fill = render::matchColours(fill, crop, ~todo);
    window(canvas, c).copy_(torch::where(accept, fill, crop));
    window(remaining, c).logical_and_(~accept);
  }
  const auto w = r.weight.unsqueeze(0).unsqueeze(0);
  r.image = view * (1 - w) + canvas * w;
  return r;
}

}  // namespace sds::pipelines
