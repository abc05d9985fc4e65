#include "core/media/inpaint_fill.h"

#include <torch/types.h>

#include "core/engine/compute_device.h"
#include "core/engine/pipelines/inpaint_fill.h"
#include "core/media/internal/tensor_bridge.h"
#include "core/base/error.h"
#include "core/base/progress_range.h"
#include "models/sd/stable_diffusion.h"

namespace sds::media {

struct HoleInpainter::Loaded {
  std::string path, config_dir, device;
  Precision precision = Precision::Float32;
  sd::StableDiffusion sd;
};

namespace {

pipelines::InpaintFillOptions engineOptions(const InpaintSettings& s) {
  if (!pipelines::controls::kInpaintSteps.contains(s.steps))
    throw Error("The inpainting steps must be between 1 and 1000.");
  if (s.window_px < 64 || s.window_px % 8 != 0)
    throw Error("The inpainting window must be a multiple of 8 of at least 64 pixels, got " +
                std::to_string(s.window_px) + ".");
  pipelines::InpaintFillOptions o;
  static_cast<pipelines::InpaintControls&>(o.inpaint) = s;
  o.dilate_px = s.dilate_px;
  o.window_px = s.window_px;
  o.match_colour = s.match_colour;
  return o;
}

}  // namespace

InpaintSettings inpaintSettingsFor(const RenderParams& params) {
  InpaintSettings s;
  s.model_path = params.inpaint_model;
  s.device = params.device;
  s.precision = params.inpaint_precision;
  return s;
}

std::vector<std::pair<std::string, std::string>> inpaintRecord(const InpaintSettings& s,
                                                               const std::string& model_name) {
  return {{"inpaint_model", model_name},
          {"inpaint_prompt", s.prompt},
          {"inpaint_negative", s.negative_prompt},
          {"inpaint_steps", std::to_string(s.steps)},
          {"inpaint_guidance", std::to_string(s.guidance_scale)},
          {"inpaint_seed", std::to_string(s.seed)},
          {"inpaint_dilate_px", std::to_string(s.dilate_px)},
          {"inpaint_size_px", std::to_string(s.window_px)},
          {"inpaint_colour_match", s.match_colour ? "true" : "false"}};
}

HoleInpainter::HoleInpainter() = default;
HoleInpainter::~HoleInpainter() = default;

void HoleInpainter::release() { loaded_.reset(); }

void HoleInpainter::load(const InpaintSettings& s, const ProgressFn& progress) {
  if (loaded_ && loaded_->path == s.model_path && loaded_->config_dir == s.config_dir && loaded_->device == s.device &&
      loaded_->precision == s.precision)
    return;
  loaded_.reset();
  if (s.model_path.empty()) throw Error("Choose an inpainting model for the inpainting fill.");
  if (progress) progress(Progress{"loading inpainting model", 0, 1, 0.0});
  sd::SdLoadOptions options;
  options.device = parseDevice(s.device);
  options.dtype = resolveDtype(s.precision, options.device).dtype;
  options.config_dir = s.config_dir;
  options.expected_task = sd::SdTask::Inpainting;
  auto loaded = std::make_unique<Loaded>();
  loaded->sd = sd::loadStableDiffusion(s.model_path, options);
  loaded->path = s.model_path;
  loaded->config_dir = s.config_dir;
  loaded->device = s.device;
  loaded->precision = s.precision;
  loaded_ = std::move(loaded);
}

cv::Mat HoleInpainter::fill(const cv::Mat& view, const cv::Mat& holes, const InpaintSettings& settings,
                            const ProgressFn& progress, const CancelToken& cancel, InpaintReport* report) {
  if (view.empty() || view.type() != CV_8UC3) throw Error("The view to inpaint must be an 8-bit colour image.");
  if (holes.size() != view.size() || holes.type() != CV_8UC1)
    throw Error("The hole mask must be an 8-bit single-channel image at the view's size.");
  const auto options = engineOptions(settings);
  if (cv::countNonZero(holes) == 0) return view.clone();
  load(settings, progress);
  pipelines::RunControl control;
  control.progress = progress;
  control.cancel = cancel;
  const auto r = pipelines::fillHolesByInpainting(loaded_->sd, imageToTensor01(view), mapToTensor(holes) > 0,
                                                  options, control);
  if (report) {
    report->crops += int(r.windows.size());
    report->crops_run += r.windows_run;
  }
  return tensor01ToImage8(r.image);
}

StereoPair renderStereoInpainted(const cv::Mat& image, const cv::Mat& depth, const RenderParams& params,
                                 HoleInpainter& inpainter, const InpaintSettings& settings, const ProgressFn& progress,
                                 const CancelToken& cancel, InpaintReport* report) {
  RenderParams open = params;
  open.fill = FillMode::Inpaint;
  StereoPair pair = renderStereo(image, depth, open);
  const bool both = params.view_mode == ViewMode::BothHalf;
  // Each synthesised view takes its share of the progress bar.
  const double views = both ? 2 : 1;
  const auto share = [&](int index) { return withinRange(progress, index / views, (index + 1) / views); };
  pair.right = inpainter.fill(pair.right, pair.holes, settings, share(both ? 1 : 0), cancel, report);
  if (both) pair.left = inpainter.fill(pair.left, pair.holes_left, settings, share(0), cancel, report);
  return pair;
}

}  // namespace sds::media
