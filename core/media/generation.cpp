#include "core/media/generation.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

#include <opencv2/imgproc.hpp>
#include <torch/types.h>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/pipelines/compose_views.h"
#include "core/engine/pipelines/img2stereo.h"
#include "core/engine/pipelines/input_checks.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/engine/pipelines/txt2stereo.h"
#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/engine/compute_device.h"
#include "core/engine/runtime.h"
#include "core/engine/schedulers/scheduler_factory.h"
#include "core/media/internal/generated_inpaint.h"
#include "core/media/internal/img2stereo_params.h"
#include "core/media/internal/latent_preview.h"
#include "core/media/internal/tensor_bridge.h"
#include "core/base/error.h"
#include "models/clip/tokenizer.h"
#include "models/sd/stable_diffusion.h"

namespace sds::media {

namespace fs = std::filesystem;

// What is loaded, and from what: a model is reloaded only when the fields it
// was loaded from change.
struct Generator::Loaded {
  GeneratorModels sd_from;
  std::unique_ptr<sd::StableDiffusion> sd;  // the session holds a reference: stable address
  GeneratorModels depth_from;
  std::shared_ptr<depth::DepthEstimator> depth;
  std::unique_ptr<pipelines::Txt2StereoSession> session;
  std::shared_ptr<depth::DepthEstimator> session_depth;  // the estimator the session was made with
  HoleInpainter inpainter;  // the inpainting fill's model (loaded on first use, kept)
};

namespace {

bool sameSd(const GeneratorModels& a, const GeneratorModels& b) {
  return a.sd_path == b.sd_path && a.config_dir == b.config_dir && a.device == b.device && a.precision == b.precision;
}

bool sameDepth(const GeneratorModels& a, const GeneratorModels& b) {
  return a.depth_path == b.depth_path && a.depth_input_size == b.depth_input_size && a.device == b.device &&
         a.precision == b.precision;
}

void reportStage(const ProgressFn& progress, const std::string& stage) {
  if (progress) progress(Progress{stage, 0, 1, 0.0});
}

// The user's map, near = large, as the engine takes it.
std::optional<torch::Tensor> userDisparity(const GenerationRequest& r) {
  if (r.depth.empty()) return std::nullopt;
  return nearIsLarge(mapToTensor(r.depth), r.depth_kind);
}

// [H, W] bool -> CV_8UC1, 255 where set.
cv::Mat maskOf(const torch::Tensor& holes) {
  cv::Mat mask;
  tensorToMap(holes.to(torch::kFloat32) * 255).convertTo(mask, CV_8U);
  return mask;
}

cv::Mat atSize(const cv::Mat& map, cv::Size size) {
  if (map.size() == size) return map;
  cv::Mat out;
  cv::resize(map, out, size, 0, 0, cv::INTER_LINEAR);
  return out;
}

// The record's entries besides the engine's parameters: the models, where the
// depth came from, the inpainting fill, and what the caller adds.
std::map<std::string, std::string> recordOf(const GenerationRequest& r, const GeneratorModels& m,
                                            const depth::DepthEstimator* estimator) {
  std::map<std::string, std::string> extra = {{"model", m.sd_path}};
  if (r.depth.empty()) {
    extra["depth_model"] = m.depth_path;
    extra["depth_input_size"] = std::to_string(estimator ? estimator->options().input_size : m.depth_input_size);
  } else {
    extra["depth"] = !r.depth_source.empty()
                         ? r.depth_source
                         : "user map " + std::to_string(r.depth.cols) + "x" + std::to_string(r.depth.rows);
    extra["depth_kind"] = toString(r.depth_kind);
  }
  if (r.inpaint)
    for (const auto& [key, value] : inpaintRecord(*r.inpaint, r.inpaint->model_path)) extra[key] = value;
  for (const auto& [key, value] : r.record) extra[key] = value;
  return extra;
}

pipelines::RunControl controlOf(const ProgressFn& progress, const CancelToken& cancel, const StepPreview& preview) {
  pipelines::RunControl control;
  control.progress = progress;
  control.cancel = cancel;
  if (preview.show) {
    // Counts the steps of both passes: a picture after the first step, then every `every`.
    auto seen = std::make_shared<int>(0);
    const int every = std::max(1, preview.every);
    control.on_step = [show = preview.show, seen, every](int, int64_t, const torch::Tensor&,
                                                         const torch::Tensor& latents) {
      if ((*seen)++ % every == 0) show(latentPreview(latents));
    };
  }
  return control;
}

void checkPromptSize(int width, int height) {
  if (width <= 0 || height <= 0 || width % 8 || height % 8)
    throw Error("The image size must be positive multiples of 8, got " + std::to_string(width) + "x" +
                std::to_string(height) + ".");
}

void checkSteps(int steps) {
  if (!pipelines::controls::kSteps.contains(steps))
    throw Error("The number of steps must be between 1 and 1000 (got " + std::to_string(steps) + ").");
}

// The "parameters" text other Stable Diffusion tools write into a PNG.
std::string pictureParameters(const pipelines::Txt2ImgParams& p, const std::string& model) {
  std::ostringstream o;
  o << p.prompt << "\nNegative prompt: " << p.negative_prompt << "\nSteps: " << p.steps
    << ", Sampler: " << schedulers::schedulerKindName(p.scheduler) << ", CFG scale: " << p.guidance_scale
    << ", Seed: " << p.seed << ", Size: " << p.width << "x" << p.height << ", Model: " << model;
  return o.str();
}

}  // namespace

Generator::Generator() : loaded_(std::make_unique<Loaded>()) {}

Generator::~Generator() = default;

void Generator::setModels(const GeneratorModels& models) { models_ = models; }

void Generator::release() { loaded_ = std::make_unique<Loaded>(); }

void Generator::forgetLeftView() { loaded_->session.reset(); }

std::string Generator::defaultDevice() { return defaultDeviceName(); }

namespace {

// The engine's parameters of a prompt run (without the user's map), and of a photo run.
pipelines::Txt2StereoParams promptParams(const GenerationRequest& request) {
  pipelines::Txt2StereoParams p;
  static_cast<pipelines::PromptControls&>(p) = request;
  static_cast<pipelines::StereoPassParams&>(p) = request.stereo;
  return p;
}

pipelines::Img2StereoParams photoParams(const GenerationRequest& request) {
  pipelines::Img2StereoParams p;
  static_cast<inversion::InversionControls&>(p.inversion) = request.inversion;
  p.inversion.prompt = request.prompt;
  p.inversion.steps = request.steps;
  p.inversion.guidance_scale = request.guidance_scale;
  p.stereo = request.stereo;  // the stereo pass takes its steps from the inversion
  p.seed = request.seed;      // the deblur noise
  p.working_long_side = request.working_size;
  p.full_resolution = request.full_resolution;
  p.fill.seam_px = request.seam_px;
  p.fill.match_colour = request.match_colour;
  return p;
}

// Both prompts of a sampling run: a hostile record's megabyte prompt fails here,
// before any model loads, not in the tokenizer after.
void checkPromptLengths(const pipelines::SamplingControls& s) {
  clip::checkPromptLength(s.prompt);
  clip::checkPromptLength(s.negative_prompt);
}

}  // namespace

void Generator::check(const GenerationRequest& r) const {
  checkSteps(r.steps);
  checkPromptLengths(r);
  if (r.inpaint) checkPromptLengths(*r.inpaint);
  if (!r.depth.empty() && r.depth.channels() != 1) throw Error("The depth map must have one channel.");
  if (r.mode == GenerationMode::Prompt) {
    checkPromptSize(r.width, r.height);
    promptParams(r).validate();
    if ((r.compose_right || r.inpaint) && r.stereo.shift_both)
      throw Error("Composing the right view from the left keeps the left view as it is: it needs a one-way pair "
                  "(not both views shifted).");
  } else {
    if (r.photo.empty()) throw Error("Photo to stereo needs a photo; open one first.");
    photoParams(r).validate();
    if (r.inpaint && !r.full_resolution)
      throw Error("The inpainting fill fills the full-resolution composition: it cannot be used with the "
                  "diffusion-only output.");
  }
}

void Generator::check(const PictureRequest& r) const {
  checkSteps(r.steps);
  checkPromptLengths(r);
  checkPromptSize(r.width, r.height);
  pipelines::checkGuidanceScale(r.guidance_scale);
  schedulers::parseSchedulerKind(r.scheduler);  // throws naming the choices
}

void Generator::loadModels(bool need_depth, const ProgressFn& progress) {
  Loaded& l = *loaded_;
  if (!l.sd || !sameSd(l.sd_from, models_)) {
    l.session.reset();
    l.sd.reset();
    if (models_.sd_path.empty())
      throw Error("Choose a Stable Diffusion model first (a diffusers folder or a .safetensors file).");
    if (!fs::exists(models_.sd_path))
      throw Error("The Stable Diffusion model " + models_.sd_path +
                  " does not exist; choose a diffusers folder or a .safetensors file.");
    sd::SdLoadOptions options;
    options.device = parseDevice(models_.device);
    options.dtype = resolveDtype(models_.precision, options.device).dtype;
    options.config_dir = models_.config_dir;
    options.expected_task = sd::SdTask::TextToImage;
    reportStage(progress, "loading model");
    l.sd = std::make_unique<sd::StableDiffusion>(sd::loadStableDiffusion(models_.sd_path, options));
    l.sd_from = models_;
  }
  if (need_depth && (!l.depth || !sameDepth(l.depth_from, models_))) {
    l.depth.reset();
    if (models_.depth_path.empty())
      throw Error("There is no depth map and no depth model; open a depth map or choose a Depth Anything (V2 or 3) model.");
    if (!fs::exists(models_.depth_path))
      throw Error("The depth model " + models_.depth_path +
                  " does not exist; choose a Depth Anything (V2 or 3) folder or .safetensors file.");
    depth::DepthEstimatorOptions options;
    options.device = parseDevice(models_.device).str();
    options.precision = models_.precision;
    options.input_size = models_.depth_input_size;
    reportStage(progress, "loading depth model");
    l.depth = depth::loadDepthEstimator(models_.depth_path, options);
    l.depth_from = models_;
  }
}

LoadedModelSummary Generator::load(bool need_depth, const ProgressFn& progress) {
  loadModels(need_depth, progress);
  const sd::StableDiffusion& sd = *loaded_->sd;
  return {sd::versionName(sd.version), sd::layoutName(sd.layout), sd.device.str(), dtypeName(sd.dtype),
          sd::nativeImageSize(sd.version)};
}

void Generator::prepareInpainter(const GenerationRequest& request, const ProgressFn& progress) {
  if (request.inpaint) loaded_->inpainter.prepare(*request.inpaint, progress);
}

GenerationResult Generator::generate(const GenerationRequest& request, const ProgressFn& progress,
                                     const CancelToken& cancel, const StepPreview& preview) {
  check(request);
  cancel.throwIfCancelled();
  loadModels(request.depth.empty(), progress);
  prepareInpainter(request, progress);  // a wrong inpainting model is refused before the long run
  cancel.throwIfCancelled();
  return request.mode == GenerationMode::Prompt ? fromPrompt(request, progress, cancel, preview)
                                                : fromPhoto(request, progress, cancel, preview);
}

PictureResult Generator::picture(const PictureRequest& request, const ProgressFn& progress,
                                 const CancelToken& cancel) {
  check(request);
  cancel.throwIfCancelled();
  loadModels(false, progress);
  pipelines::Txt2ImgParams p;
  static_cast<pipelines::PromptControls&>(p) = request;
  p.scheduler = schedulers::parseSchedulerKind(request.scheduler);
  p.sdxl.no_negative_prompt = request.no_negative_prompt;
  pipelines::RunControl control;
  control.progress = progress;
  control.cancel = cancel;
  const auto r = pipelines::txt2img(*loaded_->sd, p, control);
  return {tensor01ToImage8(r.image01), pictureParameters(p, fs::path(models_.sd_path).filename().string())};
}

GenerationResult Generator::fromPrompt(const GenerationRequest& request, const ProgressFn& progress,
                                       const CancelToken& cancel, const StepPreview& preview) {
  Loaded& l = *loaded_;
  // A session made before the depth model was (re)loaded would estimate with the old one.
  if (!l.session || l.session_depth != l.depth) {
    l.session = std::make_unique<pipelines::Txt2StereoSession>(*l.sd, l.depth);
    l.session_depth = l.depth;
  }
  pipelines::Txt2StereoParams p = promptParams(request);
  p.disparity = userDisparity(request);
  std::map<std::string, std::string> extra =
      recordOf(request, models_, request.depth.empty() ? l.depth.get() : nullptr);

  const auto r = l.session->run(p, controlOf(progress, cancel, preview));
  p.disparity.reset();  // not stored in the JSON; `extra` says where it came from
  GenerationResult out;
  out.left = tensor01ToImage8(r.image01[0]);
  out.right = tensor01ToImage8(r.image01[1]);
  out.disparity = atSize(tensorToMap(r.disparity), out.left.size());
  out.stats.used_kv_cache = r.used_kv_cache;
  out.stats.shift_step = r.shift_step;
  if (request.compose_right || request.inpaint) {
    // The left view's own pixels wherever the right eye sees them; in the
    // holes the StereoDiffusion right view, or the inpainting model.
    const auto left01 = r.image01.narrow(0, 0, 1);
    const render::ComposedView composed =
        request.inpaint ? composeRightInpainted(left01, r.disparity, p, l.inpainter, *request.inpaint, progress,
                                                cancel, &out.stats.inpaint)
                        : pipelines::composeRightFromLeft(left01, r.image01.narrow(0, 1, 1), r.disparity, p);
    out.diffusion = {out.left, out.right, out.disparity};
    out.right = tensor01ToImage8(composed.image[0]);
    out.right_filled = maskOf(composed.holes);
    // The warp's own disparity, in pixels (a negative scale swaps the eyes).
    out.disparity_px = tensorToMap(p.scale_factor < 0 ? -composed.disparity_px : composed.disparity_px);
    extra["compose"] = request.inpaint ? pipelines::kInpaintedRightRecord : pipelines::kComposedRightRecord;
  } else {
    // shift_px: [1, h, w] latent columns the right view moved (negative: to the left).
    const double px_per_column = double(out.left.cols) / double(r.shift_px.size(2)) * (p.shift_both ? 2.0 : 1.0);
    cv::resize(tensorToMap(r.shift_px[0].to(torch::kFloat32) * -px_per_column), out.disparity_px, out.left.size(), 0,
               0, cv::INTER_NEAREST);
  }
  out.params_json = pipelines::txt2stereoParamsToJson(p, extra).dump(2);
  out.reused_left = r.reused_pass1;
  return out;
}

GenerationResult Generator::fromPhoto(const GenerationRequest& request, const ProgressFn& progress,
                                      const CancelToken& cancel, const StepPreview& preview) {
  Loaded& l = *loaded_;
  const pipelines::Img2StereoParams p = photoParams(request);
  const auto disparity = userDisparity(request);
  const auto estimator = disparity ? std::shared_ptr<depth::DepthEstimator>() : l.depth;
  std::map<std::string, std::string> extra = recordOf(request, models_, estimator.get());
  if (request.inpaint) extra["fill"] = "inpaint";

  const auto photo01 = imageToTensor01(request.photo);  // [1, 3, H, W]
  const auto control = controlOf(progress, cancel, preview);
  GenerationResult out;
  const auto r = request.inpaint ? img2stereoInpainted(*l.sd, photo01, disparity, p, l.inpainter, *request.inpaint,
                                                       control, estimator, &out.stats.inpaint)
                                 : pipelines::img2stereo(*l.sd, photo01, disparity, p, control, estimator);
  out.stats.used_kv_cache = r.diffusion.used_kv_cache;
  out.stats.shift_step = r.diffusion.shift_step;
  out.stats.unet_forwards = r.inversion.cost.unet_forwards;
  out.stats.unet_backwards = r.inversion.cost.unet_backwards;
  out.stats.work_width = r.work_width;
  out.stats.work_height = r.work_height;
  // The working-size diffusion pair and the map it was made with.
  const DiffusionPair pair{tensor01ToImage8(r.diffusion.image01[0]), tensor01ToImage8(r.diffusion.image01[1]),
                           cv::Mat()};
  const cv::Mat map = tensorToMap(r.diffusion.disparity);
  if (p.full_resolution) {
    out.left = tensor01ToImage8(r.left01);
    out.right = tensor01ToImage8(r.right01);
    out.disparity = atSize(tensorToMap(r.disparity), out.left.size());
    out.disparity_px = atSize(tensorToMap(r.disparity_px), out.left.size());
    out.right_filled = maskOf(r.right_holes);
    out.diffusion = {pair.left, pair.right, atSize(map, pair.left.size())};
  } else {  // the paper's output: the working-size pair itself
    out.left = pair.left;
    out.right = pair.right;
    out.disparity = atSize(map, out.left.size());
  }
  out.params_json = img2stereoParamsJson(p, r, extra).dump(2);
  return out;
}

}  // namespace sds::media
