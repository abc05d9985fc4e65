#include "core/engine/pipelines/txt2stereo.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/depth/depth_to_disparity.h"
#include "core/engine/pipelines/guidance.h"
#include "core/engine/pipelines/input_checks.h"
#include "core/engine/pipelines/text_conditioning.h"
#include "core/engine/pipelines/txt2stereo_pass2.h"
#include "core/engine/render/render_controls.h"
#include "core/engine/stereo/kv_cache.h"
#include "core/engine/stereo/processor_scope.h"
#include "core/engine/stereo/stereo_shift.h"
#include "core/base/error.h"
#include "core/base/progress_range.h"
#include "models/sd/stable_diffusion.h"

namespace sds::pipelines {

// ---------------------------------------------------------------- params

int Txt2StereoParams::resolvedShiftStep() const {
  const int s = shift_step >= 0 ? shift_step : int(std::lround(shift_fraction * steps));
  return std::min(std::max(s, 0), std::max(steps - 1, 0));
}

int Txt2StereoParams::resolvedAttentionStart() const {
  return attention_start_step >= 0 ? attention_start_step : resolvedShiftStep();
}

int64_t StereoPassParams::resolvedKvCacheBudget(bool cuda) const {
  constexpr int64_t kMax = int64_t(8) << 30;
  if (kv_cache_budget_bytes >= 0) return kv_cache_budget_bytes;
  if (cuda) return kMax;
  const long pages = sysconf(_SC_AVPHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return kMax;
  return std::min(kMax, int64_t(pages) * int64_t(page) / 2);
}

uint64_t Txt2StereoParams::resolvedDeblurSeed() const {
  // A stream distinct from the initial noise of this and nearby seeds.
  return deblur_seed ? *deblur_seed : seed ^ 0x9E3779B97F4A7C15ull;
}

void Txt2StereoParams::validate() const {
  if (steps < 1) throw Error("The number of steps must be at least 1 (got " + std::to_string(steps) + ").");
  if (shift_step >= steps)
    throw Error("The shift step " + std::to_string(shift_step) + " must be below the number of steps (" +
                std::to_string(steps) + ").");
  if (shift_step < 0 && !(shift_fraction >= 0.0 && shift_fraction <= 1.0))
    throw Error("The shift fraction must lie in [0, 1] (got " + std::to_string(shift_fraction) + ").");
  if (!std::isfinite(scale_factor) || std::abs(scale_factor) > 100)
    throw Error("The disparity scale must be a percentage of the width in [-100, 100] (got " +
                std::to_string(scale_factor) + ").");
  // One range with the classical renderer's exponent (the same power of the normalised disparity).
  const auto& e = render::controls::kExponent;
  if (!std::isfinite(exponent) || exponent < e.min || exponent > e.max)
    throw Error("The disparity exponent must be above 0 and at most " + std::to_string(int(e.max)) + " (got " +
                std::to_string(exponent) + ").");
  checkGuidanceScale(guidance_scale);
  if (disparity && (!disparity->defined() || disparity->dim() < 2 || disparity->dim() > 3 ||
                    (disparity->dim() == 3 && disparity->size(0) != 1)))
    throw Error("The disparity map must be a single [H, W] map.");
}

// ---------------------------------------------------------------- pass 1

Txt2ImgParams leftViewParams(const Txt2StereoParams& params) {
  Txt2ImgParams p;
  static_cast<PromptControls&>(p) = params;
  p.scheduler = schedulers::SchedulerKind::Ddim;
  p.initial_latents = params.initial_latents;
  p.prompt_embeddings = params.prompt_embeddings;
  p.step_uncond_embeddings = params.step_uncond_embeddings;
  p.sdxl = params.sdxl;
  return p;
}

struct Pass1State {
  Txt2StereoParams key;                     // the pass-1 fields that produced it
  torch::Tensor pair;                       // [2, N, D] [uncond; cond]
  std::vector<torch::Tensor> step_latents;  // [1, 4, h, w] after each step, model device
  torch::Tensor latents;                    // [1, 4, h, w] CPU
  torch::Tensor image01;                    // [1, 3, H, W] CPU
  std::vector<int64_t> timesteps;
  std::shared_ptr<stereo::LeftKvCache> kv;
  torch::Tensor estimated_disparity;        // [H, W] CPU, once the estimator ran
};

namespace {

bool sameOptionalTensor(const std::optional<torch::Tensor>& a, const std::optional<torch::Tensor>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  return a->sizes() == b->sizes() && a->scalar_type() == b->scalar_type() && torch::equal(a->cpu(), b->cpu());
}

bool samePass1(const Txt2StereoParams& a, const Txt2StereoParams& b) {
  return static_cast<const PromptControls&>(a) == b && sameOptionalTensor(a.initial_latents, b.initial_latents) &&
         sameOptionalTensor(a.prompt_embeddings, b.prompt_embeddings) &&
         sameOptionalTensor(a.step_uncond_embeddings, b.step_uncond_embeddings) && a.sdxl == b.sdxl;
}

// The K/V fast path applies to one-way attention that leaves the left view alone.
bool wantsFastPath(const Txt2StereoParams& p) {
  return p.use_kv_cache && p.direction == stereo::AttentionDirection::Uni && !p.shift_both;
}

// First step whose left K/V the right view reads: after the shift, with the editor on.
int firstCachedStep(const Txt2StereoParams& p) {
  return std::max(p.resolvedShiftStep() + 1, p.resolvedAttentionStart());
}

// Maps a stage's 0..1 progress into [begin, end) of the whole job; txt2img's
// "denoising" stage is reported as `denoising_name`.
ProgressFn remapped(const ProgressFn& fn, const std::string& denoising_name, double begin, double end) {
  if (!fn) return {};
  return withinRange([fn, denoising_name](const Progress& p) {
    fn(Progress{p.stage == "denoising" ? denoising_name : p.stage, p.step, p.total, p.overall});
  }, begin, end);
}

}  // namespace

// ---------------------------------------------------------------- session

Txt2StereoSession::Txt2StereoSession(const sd::StableDiffusion& sd, std::shared_ptr<depth::DepthEstimator> depth)
    : sd_(sd), depth_(std::move(depth)) {}

Txt2StereoSession::~Txt2StereoSession() = default;

void Txt2StereoSession::reset() { pass1_.reset(); }

bool Txt2StereoSession::hasPass1For(const Txt2StereoParams& params) const {
  return pass1_ && samePass1(pass1_->key, params);
}

int64_t Txt2StereoSession::kvCacheBytes() const { return pass1_ && pass1_->kv ? pass1_->kv->bytes() : 0; }

void Txt2StereoSession::runPass1(const Txt2StereoParams& params, const RunControl& control, double progress_end) {
  pass1_.reset();
  auto state = std::make_unique<Pass1State>();
  state->key = params;
  state->pair = params.prompt_embeddings ? *params.prompt_embeddings
                                         : encodeGuidancePair(sd_, params.prompt, params.negative_prompt,
                                                              params.height, params.width, params.sdxl);

  Txt2ImgParams p = leftViewParams(params);
  p.prompt_embeddings = state->pair;
  p.decode = true;  // the left image is needed for depth and as the left view

  std::shared_ptr<stereo::KvRecordingProcessor> recorder;
  if (wantsFastPath(params)) {
    state->kv = std::make_shared<stereo::LeftKvCache>(firstCachedStep(params), params.steps - 1,
                                                      params.resolvedKvCacheBudget(sd_.device.is_cuda()));
    recorder = std::make_shared<stereo::KvRecordingProcessor>(state->kv);
    recorder->setStep(0);
  }
  RunControl c;
  c.cancel = control.cancel;
  c.progress = remapped(control.progress, "left view", 0.0, progress_end);
  c.on_step = [&](int i, int64_t t, const torch::Tensor& guided, const torch::Tensor& latents) {
    state->step_latents.push_back(latents);
    if (recorder) recorder->setStep(i + 1);
    if (control.on_step) control.on_step(i, t, guided, latents);
  };
  Txt2ImgResult r;
  {
    std::optional<stereo::ProcessorScope> scope;
    if (recorder) scope.emplace(*sd_.unet, recorder);
    r = txt2img(sd_, p, c);
  }
  state->latents = r.latents;
  state->image01 = r.image01;
  state->timesteps = r.timesteps;
  pass1_ = std::move(state);
}

torch::Tensor Txt2StereoSession::disparityFor(const Txt2StereoParams& params) {
  if (params.disparity) {
    const auto d = params.disparity->to(torch::kCPU, torch::kFloat32);
    return d.dim() == 3 ? d[0] : d;
  }
  if (!pass1_->estimated_disparity.defined()) {
    if (!depth_)
      throw Error("No depth model is loaded and no disparity map was given; pass one of them for the right view.");
    pass1_->estimated_disparity = depth::estimateDisparity(*depth_, pass1_->image01).to(torch::kCPU, torch::kFloat32);
  }
  return pass1_->estimated_disparity;
}

Txt2StereoResult Txt2StereoSession::run(const Txt2StereoParams& params, const RunControl& control) {
  params.validate();
  if (!sd_.unet) throw Error("The model was loaded without its UNet, so it cannot generate images.");
  sd::requireTask(sd_, sd::SdTask::TextToImage, "StereoDiffusion");
  c10::InferenceMode guard;
  const bool reuse = hasPass1For(params);
  // Progress weights: pass-1 steps, then pass-2 steps (two views cost double).
  const int shift = params.resolvedShiftStep();
  const int pass2_steps = params.steps - shift - 1;
  const double w1 = reuse ? 0.0 : double(params.steps);
  const double w2 = double(std::max(pass2_steps, 0)) * (wantsFastPath(params) ? 1.0 : 2.0) + 1.0;
  const double split = w1 / (w1 + w2);
  if (!reuse) runPass1(params, control, split);

  const auto& p1 = *pass1_;
  Pass2Inputs in;
  in.sd = &sd_;
  in.pair = p1.pair;
  if (params.step_uncond_embeddings) in.step_uncond = params.step_uncond_embeddings->to(sd_.device);
  in.step_latents = &p1.step_latents;
  in.timesteps = p1.timesteps;
  in.pass1_latents = p1.latents;
  in.pass1_image01 = p1.image01;
  // The estimate runs once per left view: say so while it runs.
  if (!params.disparity && depth_ && !p1.estimated_disparity.defined() && control.progress)
    control.progress(Progress{"depth", 0, 1, split});
  in.disparity = disparityFor(params);
  const bool cache_ok = wantsFastPath(params) && p1.kv && !p1.kv->overflowed() &&
                        p1.kv->firstStep() <= firstCachedStep(params) &&
                        (pass2_steps <= 0 ||
                         p1.kv->complete(sd_.unet->attentionLayersPerForward() / 2));
  in.kv = cache_ok ? p1.kv : nullptr;

  RunControl c2;
  c2.cancel = control.cancel;
  c2.progress = remapped(control.progress, "right view", split, 1.0);
  c2.on_step = control.on_step;
  auto result = runStereoPass(in, params, c2);
  result.reused_pass1 = reuse;
  return result;
}

Txt2StereoResult txt2stereo(const sd::StableDiffusion& sd, const Txt2StereoParams& params, const RunControl& control,
                            std::shared_ptr<depth::DepthEstimator> depth) {
  Txt2StereoSession session(sd, std::move(depth));
  return session.run(params, control);
}

}  // namespace sds::pipelines
