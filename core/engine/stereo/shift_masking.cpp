#include "core/engine/stereo/shift_masking.h"

#include "core/base/error.h"

namespace sds::stereo {

ShiftMaskingParams ShiftMaskingParams::of(const pipelines::StereoControls& c, int shift_step) {
  ShiftMaskingParams p;
  p.shift = ShiftParams{c.scale_factor, c.exponent, c.shift_both};
  p.shift_step = shift_step;
  p.mask_interval = c.mask_interval;
  p.deblur = c.deblur;
  return p;
}

ShiftMasking::ShiftMasking(torch::Tensor norm_disparity, ShiftMaskingParams params)
    : norm_(std::move(norm_disparity)), params_(params) {
  if (!norm_.defined() || norm_.dim() != 3) throw Error("The shift masking needs a [n, h, w] disparity map.");
}

bool ShiftMasking::reapplies(int step) const {
  return mask_.defined() && step > params_.shift_step && params_.mask_interval > 0 &&
         step % params_.mask_interval == 0;
}

bool ShiftMasking::acts(int step) const { return step == params_.shift_step || reapplies(step); }

torch::Tensor ShiftMasking::shiftRight(const torch::Tensor& left, const torch::Tensor& deblur_noise) {
  // left: [n, C, h, w]
  if (params_.shift.shift_both)
    throw Error("shiftRight() keeps the left view and cannot be used with shift_both.");
  auto pair = shiftNormalized(left, norm_, params_.shift);
  mask_ = pair.mask.unsqueeze(1).expand_as(pair.right).contiguous();
  offsets_ = pair.offsets_right;
  if (!params_.deblur) return pair.right;
  if (!deblur_noise.defined() || deblur_noise.sizes() != pair.right.sizes())
    throw Error("The deblur option needs a noise tensor of the latent's shape.");
  return torch::where(mask_, pair.right, deblur_noise.to(pair.right.options()));
}

torch::Tensor ShiftMasking::reapplyRight(const torch::Tensor& left, const torch::Tensor& right) const {
  // left, right: [n, C, h, w]
  const auto shifted = shiftNormalized(left, norm_, params_.shift).right;
  return torch::where(mask_, shifted, right);
}

torch::Tensor ShiftMasking::afterStep(int step, const torch::Tensor& x, const torch::Tensor& deblur_noise) {
  // x: [2n, C, h, w] = [left; right]
  if (x.dim() != 4 || x.size(0) % 2 != 0) throw Error("The shift masking needs a batch of [left; right] latents.");
  const int64_t n = x.size(0) / 2;
  const auto left = x.narrow(0, 0, n);
  if (step == params_.shift_step) {
    auto pair = shiftNormalized(left, norm_, params_.shift);
    mask_ = pair.mask.unsqueeze(1).expand_as(pair.right).contiguous();
    offsets_ = pair.offsets_right;
    auto right = pair.right;
    if (params_.deblur) {
      if (!deblur_noise.defined() || deblur_noise.sizes() != right.sizes())
        throw Error("The deblur option needs a noise tensor of the latent's shape.");
      right = torch::where(mask_, right, deblur_noise.to(right.options()));
    }
    return torch::cat({pair.left, right}, 0);
  }
  if (reapplies(step)) return torch::cat({left, reapplyRight(left, x.narrow(0, n, n))}, 0);
  return x;
}

}  // namespace sds::stereo
