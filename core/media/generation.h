// AI generation for the studio, on cv::Mat (no torch here): a stereo pair from
// a prompt (StereoDiffusion, pipelines/txt2stereo.h) or from a photo (inversion
// + StereoDiffusion + full-resolution composition, pipelines/img2stereo.h).
//
// A Generator keeps what is expensive between runs: the Stable Diffusion model
// and the depth model (reloaded only when a path or the device changes), and
// for prompts the pass-1 session, so a run that changes only stereo
// parameters (scale, shift step, mask interval, direction, deblur) with the
// same prompt, seed, steps, guidance and size re-runs the right view only.
// One Generator is used by one thread at a time.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <opencv2/core.hpp>

#include "core/engine/pipelines/stereo_controls.h"
#include "core/engine/precision.h"
#include "core/media/render_params.h"
#include "core/base/progress.h"

namespace sds::media {

enum class GenerationMode { Prompt, Photo };

struct GeneratorModels {
  std::string sd_path;      // diffusers folder or single-file .safetensors
  std::string config_dir;   // single files: a diffusers-layout folder with the configs (optional)
  std::string depth_path;   // Depth Anything V2 folder or .safetensors; empty: every run needs a depth map
  int depth_input_size = 0;  // 0: the depth model's own (518 V2, 504 DA3)
  std::string device = "cpu";  // "cpu", "cuda" or "cuda:N"
  Precision precision = kDefaultPrecision;  // of the networks (docs/precision.md: what stays float32)

  bool operator==(const GeneratorModels& o) const {
    return sd_path == o.sd_path && config_dir == o.config_dir && depth_path == o.depth_path &&
           depth_input_size == o.depth_input_size && device == o.device && precision == o.precision;
  }
};

// The engine's PromptControls as they are. Prompt mode: what to draw; photo
// mode: what the photo shows (may be empty), its steps and guidance (the
// negative prompt and the size are prompt mode's only). The seed draws the
// noise (prompt mode) and the deblur noise.
struct GenerationRequest : pipelines::PromptControls {
  GenerationMode mode = GenerationMode::Prompt;
  cv::Mat photo;                // photo mode: grey/BGR/BGRA, 8/16-bit or float
  // The user's depth map (one channel, any size), read as `depth_kind`; empty:
  // the depth model runs on the left view (prompt) or the photo.
  cv::Mat depth;
  DepthKind depth_kind = DepthKind::InverseDepth;
  // Stereo: the engine's controls as they are (the paper's defaults).
  pipelines::StereoControls stereo;
  // Prompt mode: the right view made of the left view's own pixels wherever the
  // right eye sees them (edge-aware warp by the pair's disparity), the
  // StereoDiffusion right view only where the left could not see
  // (pipelines/compose_views.h), as photo mode always composes. Needs a one-way
  // pair (stereo.shift_both false).
  bool compose_right = false;
  // Photo mode.
  sds::inversion::InversionMode inversion = sds::inversion::InversionMode::NullText;
  int working_size = pipelines::controls::kWorkingSize.value;  // long side Stable Diffusion works at (aspect kept)
};

struct GenerationResult {
  cv::Mat left, right;      // CV_8UC3 BGR; photo mode: the photo's size
  cv::Mat disparity;        // CV_32FC1 at the left's size, near = large (relative)
  cv::Mat disparity_px;     // CV_32FC1 at the left's size: the left-to-right disparity in pixels the right view
                            // was made with (prompt mode: the latent shift, 8 px steps)
  cv::Mat right_diffusion;  // prompt mode with compose_right: the StereoDiffusion right view itself (CV_8UC3)
  cv::Mat right_filled;     // photo mode, and prompt mode with compose_right: CV_8UC1, 255 where the right
                            // view is the diffusion output (the left view could not see there), else 0
  std::string params_json;  // how it was made (stored with exports)
  bool reused_left = false; // prompt mode: the left view came from the previous run
};

// A picture of the work in progress every few denoising steps (photo mode:
// the inversion's steps first; then the left view, then the right view): a
// cheap linear projection of the current latent, not a VAE
// decode (core/media/internal/latent_preview.h says how it is made). `show`
// runs on the generating thread with a CV_8UC3 BGR image at latent size.
struct StepPreview {
  std::function<void(const cv::Mat& bgr)> show;  // empty: no previews (and no cost)
  int every = 4;                                  // denoising steps between pictures (>= 1)
};

class Generator {
 public:
  Generator();
  ~Generator();
  Generator(const Generator&) = delete;
  Generator& operator=(const Generator&) = delete;

  // What to load; nothing is loaded before the next generate().
  void setModels(const GeneratorModels& models);
  const GeneratorModels& models() const { return models_; }

  // Loads what changed, then runs. Progress stages: "loading model", then the
  // pipeline's ("left view", "depth", "right view", "inversion", ...).
  // Throws sds::Error with one clear sentence, sds::Cancelled when `cancel`
  // fires (the models and a complete left view stay cached).
  GenerationResult generate(const GenerationRequest& request, const ProgressFn& progress = {},
                            const CancelToken& cancel = {}, const StepPreview& preview = {});

  // Frees the models and the cached left view.
  void release();

  // "cuda" when LibTorch sees a CUDA device, else "cpu".
  static std::string defaultDevice();

 private:
  struct Loaded;
  void validate(const GenerationRequest& request) const;
  void loadModels(bool need_depth, const ProgressFn& progress);
  GenerationResult fromPrompt(const GenerationRequest& request, const ProgressFn& progress,
                              const CancelToken& cancel, const StepPreview& preview);
  GenerationResult fromPhoto(const GenerationRequest& request, const ProgressFn& progress,
                             const CancelToken& cancel, const StepPreview& preview);

  GeneratorModels models_;
  std::unique_ptr<Loaded> loaded_;
};

}  // namespace sds::media
