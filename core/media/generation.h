// AI generation on cv::Mat (no torch here), the one facade of the studio and of
// the CLI's txt2img / txt2stereo / img2stereo: a stereo pair from a prompt
// (StereoDiffusion, pipelines/txt2stereo.h) or from a photo (inversion +
// StereoDiffusion + full-resolution composition, pipelines/img2stereo.h), and
// a single picture from a prompt (pipelines/txt2img.h). It loads and caches the
// models, runs the passes, composes, fills with an inpainting model when asked,
// and writes the record of how a result was made.
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
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <opencv2/core.hpp>

#include "core/engine/pipelines/stereo_controls.h"
#include "core/engine/precision.h"
#include "core/media/inpaint_fill.h"
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
  std::string depth_source;     // where `depth` came from (a path), for the record; empty: "user map WxH"
  // Stereo: the engine's pass-2 parameters as they are (the paper's defaults).
  pipelines::StereoPassParams stereo;
  // Prompt mode: the right view made of the left view's own pixels wherever the
  // right eye sees them (edge-aware warp by the pair's disparity), the
  // StereoDiffusion right view only where the left could not see
  // (pipelines/compose_views.h), as photo mode always composes. Needs a one-way
  // pair (stereo.shift_both false).
  bool compose_right = false;
  // Photo mode: the inversion (its prompt, steps and guidance are the PromptControls').
  sds::inversion::InversionControls inversion;
  int working_size = pipelines::controls::kWorkingSize.value;  // long side Stable Diffusion works at (aspect kept)
  bool full_resolution = true;  // compose at the photo's size; false: only the working-size diffusion pair
  double seam_px = -1;          // blend of photo and diffusion fill (< 0: automatic, render/diffusion_fill.h)
  bool match_colour = true;     // fit the diffusion fill's colours to the photo
  // Both modes: the composition's holes painted by an inpainting model instead of
  // the diffusion right view (prompt mode then composes; photo mode needs
  // full_resolution). The model is loaded (and refused if it is not an
  // inpainting one) before anything is generated, and kept between runs.
  std::optional<InpaintSettings> inpaint;
  std::map<std::string, std::string> record;  // entries the record takes as given (e.g. "image": the photo's path)
};

// A single picture from a prompt (txt2img): the PromptControls and the sampler.
struct PictureRequest : pipelines::PromptControls {
  std::string scheduler = "ddim";  // ddim, dpmpp-2m or dpmpp-2m-karras
  bool no_negative_prompt = false;  // SDXL: zero uncond embeddings (as diffusers) instead of the encoded ""
};

struct PictureResult {
  cv::Mat image;           // CV_8UC3 BGR
  std::string parameters;  // the record, in the "parameters" text of other tools (prompt, steps, sampler, ...)
};

// The Stable Diffusion model the Generator holds, in words.
struct LoadedModelSummary {
  std::string family;  // "SD 1.x", "SD 2.x", "SDXL"
  std::string layout;  // "diffusers" or "single-file"
  std::string device;  // "cpu", "cuda:0"
  std::string dtype;   // "float32", "bfloat16", "float16"
  int native_size = 0;  // the family's native image side (512, 768, 1024)
};

// How a run went, for a report (the CLI prints it).
struct GenerationStats {
  bool used_kv_cache = false;  // prompt mode: pass 2 reused pass 1's K/V (else a two-view batch)
  int shift_step = 0;          // the denoising step of the stereo shift
  int64_t unet_forwards = 0;   // photo mode: the inversion's UNet evaluations
  int64_t unet_backwards = 0;
  int work_width = 0, work_height = 0;  // photo mode: the size Stable Diffusion worked at
  InpaintReport inpaint;       // with the inpainting fill: the crops
};

// The plain StereoDiffusion pair, when the result is composed from it.
struct DiffusionPair {
  cv::Mat left, right;  // CV_8UC3 BGR; photo mode: at the working size
  cv::Mat disparity;    // CV_32FC1 at their size, near = large
};

struct GenerationResult {
  cv::Mat left, right;      // CV_8UC3 BGR; photo mode (full resolution): the photo's size
  cv::Mat disparity;        // CV_32FC1 at the left's size, near = large (relative)
  cv::Mat disparity_px;     // CV_32FC1 at the left's size: the left-to-right disparity in pixels the right view
                            // was made with (prompt mode: the latent shift, 8 px steps; composed: the warp's)
  // Composed results (photo mode at full resolution; prompt mode with
  // compose_right or the inpainting fill): the diffusion pair they were made
  // from, and CV_8UC1 255 where the right view is not the left's own pixels (the
  // left view could not see there), else 0. Empty otherwise.
  DiffusionPair diffusion;
  cv::Mat right_filled;
  std::string params_json;  // how it was made (stored with exports)
  bool reused_left = false; // prompt mode: the left view came from the previous run
  GenerationStats stats;
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

  // Loads what changed now (generate() would at its start): a caller can name
  // the model, or take its native size, before a long run. With `need_depth`,
  // the depth model too. Throws sds::Error.
  LoadedModelSummary load(bool need_depth, const ProgressFn& progress = {});

  // Loads what changed, then runs. Progress stages: "loading model", then the
  // pipeline's ("left view", "depth", "right view", "inversion", ...).
  // Throws sds::Error with one clear sentence, sds::Cancelled when `cancel`
  // fires (the models and a complete left view stay cached).
  GenerationResult generate(const GenerationRequest& request, const ProgressFn& progress = {},
                            const CancelToken& cancel = {}, const StepPreview& preview = {});

  // One picture (txt2img); the session's cached left view is kept.
  PictureResult picture(const PictureRequest& request, const ProgressFn& progress = {},
                        const CancelToken& cancel = {});

  // The next prompt run makes its left view again (for timing a whole pair).
  void forgetLeftView();

  // Frees the models and the cached left view.
  void release();

  // What generate() / picture() check before loading anything: one clear
  // sds::Error for a request that cannot run.
  void check(const GenerationRequest& request) const;
  void check(const PictureRequest& request) const;

  // "cuda" when LibTorch sees a CUDA device, else "cpu".
  static std::string defaultDevice();

 private:
  struct Loaded;
  void loadModels(bool need_depth, const ProgressFn& progress);
  void prepareInpainter(const GenerationRequest& request, const ProgressFn& progress);
  GenerationResult fromPrompt(const GenerationRequest& request, const ProgressFn& progress,
                              const CancelToken& cancel, const StepPreview& preview);
  GenerationResult fromPhoto(const GenerationRequest& request, const ProgressFn& progress,
                             const CancelToken& cancel, const StepPreview& preview);

  GeneratorModels models_;
  std::unique_ptr<Loaded> loaded_;
};

}  // namespace sds::media
