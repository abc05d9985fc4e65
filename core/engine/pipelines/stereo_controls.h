// The StereoDiffusion controls a user sets, defined once: their enums, their
// defaults and their ranges. The engine's parameter structs build on them
// (Txt2ImgParams is a PromptControls, Txt2StereoParams both), and media's
// GenerationRequest, the CLI and the studio hold them as they are instead of
// mirroring them. Plain
// C++ (no torch): every layer reaches it through sds_engine_vocabulary.
// Adding a stereo control: a field here (with its Range), its use in the
// engine, and the studio's widget.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace sds::stereo {

// How self-attention couples the views (stereo_attention.h): one-way, the
// right view reads the left; two-way, both read each other.
enum class AttentionDirection { Uni, Bi };

}  // namespace sds::stereo

namespace sds::inversion {

// Photo to stereo: null-text optimisation (faithful, slow) or DDIM inversion
// only (image_inversion.h).
enum class InversionMode { NullText, Fast };

}  // namespace sds::inversion

namespace sds::pipelines {

// A control's default and its accepted range (inclusive).
template <class T>
struct Range {
  T value, min, max;
  constexpr bool contains(T v) const { return v >= min && v <= max; }
};

namespace controls {

// Sampling (pass 1 and the inversion).
inline constexpr Range<int> kSteps{50, 1, 1000};
inline constexpr Range<double> kGuidance{7.5, 1.0, 30.0};  // the engine takes any value: <= 1 disables guidance
// What the engine accepts as a guidance scale (any finite value of at most this
// size): far beyond any useful one, and 1e300 would overflow float32 into NaN
// latents only at the end of a long run.
inline constexpr double kGuidanceLimit = 1000;
inline constexpr Range<int> kImageSide{512, 64, 2048};     // prompt mode, multiples of 8
// Photo to stereo: the long side Stable Diffusion works at (aspect kept).
inline constexpr Range<int> kWorkingSize{512, 64, 2048};
inline constexpr Range<int> kInnerSteps{10, 1, 100};  // null-text optimisation steps per DDIM step
// The renderer's inpainting fill (pipelines/inpaint.h): it runs once per crop around the holes.
inline constexpr Range<int> kInpaintSteps{25, 1, 1000};

// Stereo (pass 2; the paper's defaults).
inline constexpr Range<double> kScalePercent{8.0, 0.0, 20.0};  // largest disparity, percent of the width
inline constexpr Range<double> kShiftFraction{0.2, 0.0, 1.0};  // shift step = round(fraction * steps)
inline constexpr Range<int> kMaskInterval{10, 0, 1000};        // 0: never re-apply the shift

}  // namespace controls

// What a guided denoising run samples from (txt2img, pass 1 of txt2stereo,
// inpainting).
struct SamplingControls {
  std::string prompt;
  std::string negative_prompt;  // "" = the plain unconditional embedding
  int steps = controls::kSteps.value;
  double guidance_scale = controls::kGuidance.value;  // <= 1 disables guidance (one UNet row per step)
  uint64_t seed = 0;

  bool operator==(const SamplingControls& o) const {
    return prompt == o.prompt && negative_prompt == o.negative_prompt && steps == o.steps &&
           guidance_scale == o.guidance_scale && seed == o.seed;
  }
};

// A picture from a prompt (txt2img; pass 1 of txt2stereo): the sampling and the size.
struct PromptControls : SamplingControls {
  int width = controls::kImageSide.value;   // pixels, a positive multiple of the VAE factor (8)
  int height = controls::kImageSide.value;  // pixels, a positive multiple of the VAE factor (8)

  bool operator==(const PromptControls& o) const {
    return SamplingControls::operator==(o) && width == o.width && height == o.height;
  }
  bool operator!=(const PromptControls& o) const { return !(*this == o); }
};

// Inpainting the renderer's holes (pipelines/inpaint.h): the sampling, with its own step count.
struct InpaintControls : SamplingControls {
  InpaintControls() { steps = controls::kInpaintSteps.value; }
};

// Pass 2 of StereoDiffusion: everything that changes the right view only.
struct StereoControls {
  double scale_factor = controls::kScalePercent.value;  // disparity scale, percent of the width
  double exponent = 1;        // stereo offset exponent
  int shift_step = -1;        // DDIM step index of the shift; < 0: round(shift_fraction * steps)
  double shift_fraction = controls::kShiftFraction.value;
  int attention_start_step = -1;  // < 0: the shift step (as the official code)
  int mask_interval = controls::kMaskInterval.value;  // <= 0: never re-apply the shift
  stereo::AttentionDirection direction = stereo::AttentionDirection::Uni;
  bool deblur = false;        // fill the right view's holes with fresh noise
  bool shift_both = false;    // move both views half each way

  bool operator==(const StereoControls& o) const {
    return scale_factor == o.scale_factor && exponent == o.exponent && shift_step == o.shift_step &&
           shift_fraction == o.shift_fraction && attention_start_step == o.attention_start_step &&
           mask_interval == o.mask_interval && direction == o.direction && deblur == o.deblur &&
           shift_both == o.shift_both;
  }
  bool operator!=(const StereoControls& o) const { return !(*this == o); }
};

// Pass 2 as a caller sets it: the user's StereoControls and how the pass runs.
// Photo to stereo takes exactly this (its prompt, steps and guidance come from
// the inversion); Txt2StereoParams adds pass 1's PromptControls.
struct StereoPassParams : StereoControls {
  std::optional<uint64_t> deblur_seed;  // the deblur noise; default: derived from the seed
  bool use_kv_cache = true;
  // SD 1.5 at 512 px, 50 steps needs ~3.6 GB fp16, ~7.2 GB fp32. < 0: automatic,
  // 8 GiB on CUDA; on the CPU half the memory available when the run starts, at
  // most 8 GiB (the model and the activations need the rest).
  int64_t kv_cache_budget_bytes = -1;

  int64_t resolvedKvCacheBudget(bool cuda) const;  // defined by the engine (txt2stereo.cpp)
};

}  // namespace sds::pipelines

namespace sds::inversion {

// How a photo is inverted, beside the prompt, steps and guidance it shares
// with sampling (image_inversion.h).
struct InversionControls {
  InversionMode mode = InversionMode::NullText;
  int inner_steps = pipelines::controls::kInnerSteps.value;  // null-text optimisation steps per DDIM step
  double early_stop_epsilon = 1e-5;                          // null-text: stop a step's optimisation below this loss
};

}  // namespace sds::inversion
