#include "core/engine/pipelines/txt2stereo_pass2.h"

#include "core/engine/pipelines/guidance.h"
#include "core/engine/schedulers/scheduler_factory.h"
#include "core/engine/stereo/kv_cache.h"
#include "core/engine/stereo/processor_scope.h"
#include "core/engine/stereo/shift_masking.h"
#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

namespace sds::pipelines {
namespace {

struct Pass2Loop {
  const Pass2Inputs& in;
  const Txt2StereoParams& params;
  const RunControl& control;
  stereo::ShiftMasking& masking;
  schedulers::Scheduler& scheduler;
  const StageReporter& reporter;

  // One guided DDIM step of `views` latents [views, 4, h, w] at step i.
  torch::Tensor step(int i, const torch::Tensor& x) const {
    control.cancel.throwIfCancelled();
    const int64_t t = in.timesteps.at(size_t(i));
    const auto embeddings = guidanceBatch(pairAtStep(in.pair, in.step_uncond, i), x.size(0));
    const auto out = guidedNoisePrediction(*in.sd->unet, scheduler.scaleModelInput(x, t), t, embeddings,
                                           params.guidance_scale);
    auto next = scheduler.step(out, t, x).prev_sample;
    // RunControl::on_step here gets every view of the batch, [views, 4, h, w]
    // (the right view last), where txt2img's gets its one latent.
    if (control.on_step) control.on_step(i, t, out, next);
    return next;
  }

  // The right view alone against pass 1's cached left keys/values.
  std::pair<torch::Tensor, torch::Tensor> fast(const torch::Tensor& left_at_shift, const torch::Tensor& noise,
                                               int shift) const {
    const auto& steps = *in.step_latents;
    auto right = masking.shiftRight(left_at_shift, noise);
    auto replay = std::make_shared<stereo::KvReplayProcessor>(in.kv, params.resolvedAttentionStart());
    stereo::ProcessorScope scope(*in.sd->unet, replay);
    for (int i = shift + 1; i < params.steps; ++i) {
      replay->setStep(i);
      right = step(i, right);
      if (masking.reapplies(i)) right = masking.reapplyRight(steps.at(size_t(i)), right);
      reporter.report(i - shift);
    }
    return {steps.back(), right};
  }

  // Both views in one batch [uncond L, uncond R, cond L, cond R].
  std::pair<torch::Tensor, torch::Tensor> full(const torch::Tensor& left_at_shift, const torch::Tensor& noise,
                                               int shift) const {
    auto x = masking.afterStep(shift, torch::cat({left_at_shift, left_at_shift}), noise);
    const int groups = params.guidance_scale > 1.0 ? 2 : 1;
    auto editor = std::make_shared<stereo::StereoAttentionProcessor>(params.direction,
                                                                     params.resolvedAttentionStart(), groups);
    stereo::ProcessorScope scope(*in.sd->unet, editor);
    for (int i = shift + 1; i < params.steps; ++i) {
      editor->setStep(i);
      x = masking.afterStep(i, step(i, x));
      reporter.report(i - shift);
    }
    return {x.narrow(0, 0, 1), x.narrow(0, 1, 1)};
  }
};

}  // namespace

Txt2StereoResult runStereoPass(const Pass2Inputs& in, const Txt2StereoParams& params, const RunControl& control) {
  const auto& sd = *in.sd;
  const int shift = params.resolvedShiftStep();
  if (!in.step_latents || int(in.step_latents->size()) != params.steps)
    throw Error("The left view's pass is incomplete; run it again.");
  const auto left_at_shift = in.step_latents->at(size_t(shift));  // [1, 4, h, w]
  const int64_t h = left_at_shift.size(2), w = left_at_shift.size(3);
  const auto device = left_at_shift.device();

  Txt2StereoResult r;
  r.timesteps = in.timesteps;
  r.shift_step = shift;
  r.pass1_latents = in.pass1_latents;
  r.pass1_image01 = in.pass1_image01;
  r.disparity = in.disparity;
  r.disparity_latent = stereo::resizeDisparity(in.disparity.unsqueeze(0), h, w);
  r.disparity_latent_norm = stereo::normalizeDisparity(r.disparity_latent);

  stereo::ShiftMasking masking(r.disparity_latent_norm.to(device), stereo::ShiftMaskingParams::of(params, shift));
  torch::Tensor noise;
  if (params.deblur) noise = seededNoise(params.resolvedDeblurSeed(), left_at_shift.size(1), h, w).to(device);

  auto scheduler = schedulers::makeScheduler(schedulers::SchedulerKind::Ddim, sd.scheduler);
  scheduler->setTimesteps(params.steps);
  const double denoise_end = params.decode ? 0.9 : 1.0;
  const StageReporter reporter(control.progress, "right view", params.steps - shift - 1, 0.0, denoise_end);
  reporter.report(0);

  const Pass2Loop loop{in, params, control, masking, *scheduler, reporter};
  const auto [left, right] = in.kv ? loop.fast(left_at_shift, noise, shift) : loop.full(left_at_shift, noise, shift);
  r.used_kv_cache = bool(in.kv);
  r.latents = torch::cat({left, right}).to(torch::kCPU, torch::kFloat32);
  r.shift_px = masking.offsets().cpu();
  r.mask = masking.mask().cpu();

  if (params.decode) {
    control.cancel.throwIfCancelled();
    const StageReporter decoding(control.progress, "decoding", 1, denoise_end, 1.0);
    // On the fast path the left latent IS pass 1's, whose picture exists.
    r.image01 = in.kv ? torch::cat({in.pass1_image01, decodeLatents(sd, right)}) : decodeLatents(sd, r.latents);
    decoding.report(1);
  }
  return r;
}

}  // namespace sds::pipelines
