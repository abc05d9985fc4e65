// Text to stereo pair, the StereoDiffusion method (arXiv 2403.04965; the
// official txt2stereoimg.ipynb `infer` + stereoutils.StereoShiftSampler +
// BNAttention of lez-s/StereoDiffusion), on DDIM:
//   pass 1: txt2img samples the left view (its decoded image feeds the depth
//           estimator unless the user supplies the disparity);
//   pass 2: the stereo pass [left; right]. Until the shift step both views are
//           pass 1's latent, so pass 2 starts from pass 1's latent after the
//           shift step; there the right view becomes the stereo-shifted left
//           view (Stereo Pixel Shift), every mask-interval steps its filled
//           part is overwritten again (Symmetric Pixel Shift Masking Denoise),
//           and self-attention couples the views (one-way or two-way).
// One-way without shift_both keeps the left trajectory of pass 1, so the right
// view alone is denoised against pass 1's cached left keys/values (the K/V
// fast path: a pair costs about 1 + (steps - shift - 1) / steps mono runs);
// otherwise, or when the cache would exceed its memory budget, both views run
// in one batch [uncond L, uncond R, cond L, cond R].
//
// Txt2StereoSession keeps pass 1 (latents per step, K/V cache, image, depth),
// so re-tuning the stereo parameters re-runs pass 2 only.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/engine/pipelines/stereo_controls.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/engine/stereo/stereo_attention.h"
#include "core/base/progress.h"

namespace sds::depth {
class DepthEstimator;
}

namespace sds::pipelines {

// The stereo fields (pass 2 only; the paper's defaults) are the StereoPassParams,
// pass 1's prompt, steps, guidance, seed and size the PromptControls.
struct Txt2StereoParams : StereoPassParams, PromptControls {
  // ---- pass 1 (changing any of these, or the PromptControls, re-runs the left view) ----
  std::optional<torch::Tensor> initial_latents;     // [1, 4, h, w]; replaces the seeded noise
  std::optional<torch::Tensor> prompt_embeddings;   // [2, N, D] [uncond; cond]
  std::optional<torch::Tensor> step_uncond_embeddings;  // [steps, 1, N, D]: null-text's per-step uncond rows
  SdxlConditioning sdxl;  // SDXL's size ids and negative-prompt rule (ignored by SD 1.x/2.x)

  // ---- stereo (pass 2 only): StereoPassParams, and ----
  // Disparity (bigger = nearer), any size ([H, W] or [1, H, W]); resized
  // bicubically to the latent size. Without it the depth estimator runs on
  // the left image.
  std::optional<torch::Tensor> disparity;

  // ---- execution (and StereoPassParams' K/V cache) ----
  bool decode = true;

  int resolvedShiftStep() const;
  int resolvedAttentionStart() const;
  uint64_t resolvedDeblurSeed() const;
  // Throws sds::Error naming the bad value.
  void validate() const;
};

struct Txt2StereoResult {
  torch::Tensor latents;           // [2, 4, h, w] float32 CPU: [left; right]
  torch::Tensor image01;           // [2, 3, H, W] float32 CPU in [0, 1] (undefined without decode)
  torch::Tensor pass1_latents;     // [1, 4, h, w]: the mono result pass 1 produced
  torch::Tensor pass1_image01;     // [1, 3, H, W]
  torch::Tensor disparity;         // [H', W'] float32 CPU: the map used (estimated or given)
  torch::Tensor disparity_latent;  // [1, h, w] after the bicubic resize
  torch::Tensor disparity_latent_norm;  // [1, h, w] in [0, 1]
  torch::Tensor shift_px;          // [1, h, w] int64 column shift of the right view
  torch::Tensor mask;              // [1, 4, h, w] bool: right-view positions the shift fills
  std::vector<int64_t> timesteps;
  int shift_step = 0;
  bool used_kv_cache = false;      // pass 2 ran the right view alone
  bool reused_pass1 = false;       // pass 1 came from the session
};

struct Pass1State;

class Txt2StereoSession {
 public:
  // depth may be null: then every run needs params.disparity.
  Txt2StereoSession(const sd::StableDiffusion& sd, std::shared_ptr<depth::DepthEstimator> depth = nullptr);
  ~Txt2StereoSession();
  Txt2StereoSession(const Txt2StereoSession&) = delete;
  Txt2StereoSession& operator=(const Txt2StereoSession&) = delete;

  // Runs pass 1 unless the session holds one for the same pass-1 parameters,
  // then pass 2. Throws sds::Error, sds::Cancelled (pass 1 is kept only when
  // complete).
  Txt2StereoResult run(const Txt2StereoParams& params, const RunControl& control = {});

  bool hasPass1For(const Txt2StereoParams& params) const;
  int64_t kvCacheBytes() const;
  void reset();

 private:
  void runPass1(const Txt2StereoParams& params, const RunControl& control, double progress_end);
  torch::Tensor disparityFor(const Txt2StereoParams& params);

  const sd::StableDiffusion& sd_;
  std::shared_ptr<depth::DepthEstimator> depth_;
  std::unique_ptr<Pass1State> pass1_;
};

// Pass 1 alone: the txt2img parameters (DDIM) that make the pair's left view.
Txt2ImgParams leftViewParams(const Txt2StereoParams& params);

// One pair without keeping a session.
Txt2StereoResult txt2stereo(const sd::StableDiffusion& sd, const Txt2StereoParams& params,
                            const RunControl& control = {}, std::shared_ptr<depth::DepthEstimator> depth = nullptr);

}  // namespace sds::pipelines
