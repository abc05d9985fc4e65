// Symmetric Pixel Shift Masking Denoise: the latent-space part of the
// StereoDiffusion sampler (the official StereoShiftSampler.p_sample_ddim hook),
// applied after DDIM step i of the stereo pass on x = [left (n); right (n)]:
//   i == shift_step: x := stereo_shift(left) (the right view's own latent is
//       discarded; with shift_both the left view moves too); mask := positions
//       of the right view the shift filled (all channels != 0); with deblur the
//       holes of the right view get fresh noise instead of zeros;
//   i > shift_step and i % mask_interval == 0: right[mask] := stereo_shift(left).right[mask].
#pragma once
#include <torch/types.h>

#include "core/engine/pipelines/stereo_controls.h"
#include "core/engine/stereo/stereo_shift.h"

namespace sds::stereo {

struct ShiftMaskingParams {
  ShiftParams shift;
  int shift_step = 10;     // the reference's `swapat`
  int mask_interval = pipelines::controls::kMaskInterval.value;  // <= 0: never re-apply
  bool deblur = false;

  // The user's controls with the shift step resolved (Txt2StereoParams::resolvedShiftStep).
  static ShiftMaskingParams of(const pipelines::StereoControls& controls, int shift_step);
};

class ShiftMasking {
 public:
  // norm_disparity: [n, h, w] float32, already at latent size and normalised.
  ShiftMasking(torch::Tensor norm_disparity, ShiftMaskingParams params);

  // Whether afterStep() changes anything at `step`.
  bool acts(int step) const;
  bool reapplies(int step) const;

  // x: [2n, C, h, w] = [left; right] after DDIM step `step` -> the updated x.
  // deblur_noise: [n, C, h, w] (needed only at the shift step with deblur).
  torch::Tensor afterStep(int step, const torch::Tensor& x, const torch::Tensor& deblur_noise = {});

  // The right view alone, for callers that keep the left trajectory elsewhere
  // (the K/V-cache fast path): left [n, C, h, w] is the left view after `step`.
  torch::Tensor shiftRight(const torch::Tensor& left, const torch::Tensor& deblur_noise = {});
  torch::Tensor reapplyRight(const torch::Tensor& left, const torch::Tensor& right) const;

  const torch::Tensor& mask() const { return mask_; }          // [n, C, h, w] bool, after the shift step
  const torch::Tensor& offsets() const { return offsets_; }    // [n, h, w] int64 of the right view
  const torch::Tensor& normDisparity() const { return norm_; }
  const ShiftMaskingParams& params() const { return params_; }

 private:
  torch::Tensor norm_;
  ShiftMaskingParams params_;
  torch::Tensor mask_;
  torch::Tensor offsets_;
};

}  // namespace sds::stereo
