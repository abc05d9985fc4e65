// Filling the disoccluded holes of a rendered view with a Stable Diffusion
// inpainting model, on cv::Mat (no torch here): the classical renderer's
// "inpaint" fill. The engine side is pipelines/inpaint_fill.h (dilated hole
// mask, crops of the model's working size around the holes at full
// resolution, the photo's own pixels kept outside the dilated holes, a seam
// blend). A HoleInpainter keeps the model loaded between runs (reloaded only
// when the path, configuration folder, device or precision changes); one
// thread at a time.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

#include "core/engine/pipelines/stereo_controls.h"
#include "core/engine/precision.h"
#include "core/media/render_params.h"
#include "core/media/stereo_render.h"
#include "core/base/progress.h"

namespace sds::media {

// The engine's InpaintControls as they are: what the holes show (the prompt
// may be empty), steps, guidance; crop k uses seed + k.
struct InpaintSettings : pipelines::InpaintControls {
  std::string model_path;       // an inpainting checkpoint: diffusers folder or single-file .safetensors
  std::string config_dir;       // single files: a diffusers-layout folder with the configs and tokenizer
  std::string device = "cpu";   // "cpu", "cuda" or "cuda:N"
  // Of the UNet and VAE (the text encoder stays float32). Float32 unless the
  // caller passes the user's choice (the CLI's --dtype, the studio's Precision).
  Precision precision = Precision::Float32;
  int dilate_px = 6;            // holes grown by this much are repainted; also the seam width
  int window_px = 512;          // the model's working size: crops are at most this square
  bool match_colour = true;     // fit each crop's colours to its known pixels
};

// The studio's settings for a render: RenderParams' model, device and
// precision, every other field at its default.
InpaintSettings inpaintSettingsFor(const RenderParams& params);

// The sidecar record of a fill (inpaint_model, _prompt, _negative, _steps,
// _guidance, _seed, _dilate_px, _size_px, _colour_match); the model as
// `model_name` (the CLI records the path it was given, the studio the file name).
std::vector<std::pair<std::string, std::string>> inpaintRecord(const InpaintSettings& settings,
                                                               const std::string& model_name);

struct InpaintReport {
  int crops = 0;      // windows planned over all filled views
  int crops_run = 0;  // windows the model ran on
};

class HoleInpainter {
 public:
  HoleInpainter();
  ~HoleInpainter();
  HoleInpainter(const HoleInpainter&) = delete;
  HoleInpainter& operator=(const HoleInpainter&) = delete;

  // view: CV_8UC3 BGR; holes: CV_8UC1 at the view's size, non-zero = hole.
  // Returns the filled view (CV_8UC3 BGR). Loads the model on first use
  // (progress stage "loading inpainting model"). Throws sds::Error (also for
  // a model that is not an inpainting one), sds::Cancelled.
  cv::Mat fill(const cv::Mat& view, const cv::Mat& holes, const InpaintSettings& settings,
               const ProgressFn& progress = {}, const CancelToken& cancel = {}, InpaintReport* report = nullptr);

  // Loads the model now (fill() would at its first holes): the generating
  // commands refuse a wrong model before a long generation. Throws sds::Error.
  void prepare(const InpaintSettings& settings, const ProgressFn& progress = {}) { load(settings, progress); }

  void release();

 private:
  struct Loaded;
  void load(const InpaintSettings& settings, const ProgressFn& progress);
  std::unique_ptr<Loaded> loaded_;
};

// The classical render (renderStereo with its holes left open), then every
// synthesised view's holes inpainted; pair.holes / holes_left say where.
StereoPair renderStereoInpainted(const cv::Mat& image, const cv::Mat& depth, const RenderParams& params,
                                 HoleInpainter& inpainter, const InpaintSettings& settings,
                                 const ProgressFn& progress = {}, const CancelToken& cancel = {},
                                 InpaintReport* report = nullptr);

}  // namespace sds::media
