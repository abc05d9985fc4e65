#include "core/media/generation.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include <opencv2/imgproc.hpp>
#include <torch/types.h>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/pipelines/compose_views.h"
#include "core/engine/pipelines/img2stereo.h"
#include "core/engine/pipelines/txt2stereo.h"
#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/engine/compute_device.h"
#include "core/engine/runtime.h"
#include "core/media/internal/img2stereo_params.h"
#include "core/media/internal/latent_preview.h"
#include "core/media/internal/tensor_bridge.h"
#include "core/base/error.h"
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

// Records where the depth came from in the parameters.
void describeDepth(const GenerationRequest& r, const GeneratorModels& m, std::map<std::string, std::string>& extra) {
  if (r.depth.empty()) {
    extra["depth_model"] = m.depth_path;
    extra["depth_input_size"] = std::to_string(m.depth_input_size);
  } else {
    extra["depth"] = "user map " + std::to_string(r.depth.cols) + "x" + std::to_string(r.depth.rows);
    extra["depth_kind"] = toString(r.depth_kind);
  }
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

}  // namespace

Generator::Generator() : loaded_(std::make_unique<Loaded>()) {}

Generator::~Generator() = default;

void Generator::setModels(const GeneratorModels& models) { models_ = models; }

void Generator::release() { loaded_ = std::make_unique<Loaded>(); }

std::string Generator::defaultDevice() { return defaultDeviceName(); }

void Generator::validate(const GenerationRequest& r) const {
  if (!pipelines::controls::kSteps.contains(r.steps))
    throw Error("The number of steps must be between 1 and 1000 (got " + std::to_string(r.steps) + ").");
  if (r.stereo.shift_step >= r.steps)
    throw Error("The shift step " + std::to_string(r.stereo.shift_step) + " must be below the number of steps (" +
                std::to_string(r.steps) + ").");
  if (!r.depth.empty() && r.depth.channels() != 1) throw Error("The depth map must have one channel.");
  if (r.mode == GenerationMode::Prompt) {
    if (r.width <= 0 || r.height <= 0 || r.width % 8 || r.height % 8)
      throw Error("The image size must be positive multiples of 8, got " + std::to_string(r.width) + "x" +
                  std::to_string(r.height) + ".");
    if (r.compose_right && r.stereo.shift_both)
      throw Error("Composing the right view from the left keeps the left view as it is: it needs a one-way pair "
                  "(not both views shifted).");
  } else if (r.photo.empty()) {
    throw Error("Photo to stereo needs a photo; open one first.");
  }
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

GenerationResult Generator::generate(const GenerationRequest& request, const ProgressFn& progress,
                                     const CancelToken& cancel, const StepPreview& preview) {
  validate(request);
  cancel.throwIfCancelled();
  loadModels(request.depth.empty(), progress);
  cancel.throwIfCancelled();
  return request.mode == GenerationMode::Prompt ? fromPrompt(request, progress, cancel, preview)
                                                : fromPhoto(request, progress, cancel, preview);
}

GenerationResult Generator::fromPrompt(const GenerationRequest& request, const ProgressFn& progress,
                                       const CancelToken& cancel, const StepPreview& preview) {
  Loaded& l = *loaded_;
  // A session made before the depth model was (re)loaded would estimate with the old one.
  if (!l.session || l.session_depth != l.depth) {
    l.session = std::make_unique<pipelines::Txt2StereoSession>(*l.sd, l.depth);
    l.session_depth = l.depth;
  }
  pipelines::Txt2StereoParams p;
  static_cast<pipelines::PromptControls&>(p) = request;
  static_cast<pipelines::StereoControls&>(p) = request.stereo;
  p.disparity = userDisparity(request);
  std::map<std::string, std::string> extra = {{"model", models_.sd_path}};
  describeDepth(request, models_, extra);

  const auto r = l.session->run(p, controlOf(progress, cancel, preview));
  p.disparity.reset();  // not stored in the JSON; `extra` says where it came from
  GenerationResult out;
  out.left = tensor01ToImage8(r.image01[0]);
  out.right = tensor01ToImage8(r.image01[1]);
  out.disparity = atSize(tensorToMap(r.disparity), out.left.size());
  if (request.compose_right) {
    const auto left01 = r.image01.narrow(0, 0, 1);
    const auto composed = pipelines::composeRightFromLeft(left01, r.image01.narrow(0, 1, 1), r.disparity, p);
    out.right_diffusion = out.right;
    out.right = tensor01ToImage8(composed.image[0]);
    out.right_filled = maskOf(composed.holes);
    // The warp's own disparity, in pixels (a negative scale swaps the eyes).
    const auto px = pipelines::compositionDisparityPx(r.disparity, p, left01.size(2), left01.size(3));
    out.disparity_px = tensorToMap(p.scale_factor < 0 ? -px : px);
    extra["compose"] = pipelines::kComposedRightRecord;
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
  pipelines::Img2StereoParams p;
  p.inversion.prompt = request.prompt;
  p.inversion.steps = request.steps;
  p.inversion.guidance_scale = request.guidance_scale;
  p.inversion.mode = request.inversion;
  // The null-text inner steps keep the engine's default; the stereo pass takes
  // its steps from the inversion.
  static_cast<pipelines::StereoControls&>(p.stereo) = request.stereo;
  p.seed = request.seed;  // the deblur noise
  p.working_long_side = request.working_size;
  p.full_resolution = true;
  p.validate();
  std::map<std::string, std::string> extra = {{"model", models_.sd_path}};
  describeDepth(request, models_, extra);

  const auto photo01 = imageToTensor01(request.photo);  // [1, 3, H, W]
  const auto disparity = userDisparity(request);
  const auto r = pipelines::img2stereo(*l.sd, photo01, disparity, p, controlOf(progress, cancel, preview),
                                       disparity ? std::shared_ptr<depth::DepthEstimator>() : l.depth);
  GenerationResult out;
  out.left = tensor01ToImage8(r.left01);
  out.right = tensor01ToImage8(r.right01);
  out.disparity = atSize(tensorToMap(r.disparity), out.left.size());
  out.disparity_px = atSize(tensorToMap(r.disparity_px), out.left.size());
  if (r.right_holes.defined()) out.right_filled = maskOf(r.right_holes);
  out.params_json = img2stereoParamsJson(p, r, extra).dump(2);
  return out;
}

}  // namespace sds::media
