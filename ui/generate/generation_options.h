// What the Generate panel asks for, in the studio's terms (paths as QString,
// "use the open depth map"), and how it becomes core's request once the open
// document supplies the photo and the depth map.
#pragma once
#include <QString>

#include "core/media/generation.h"
#include "core/media/render_params.h"
#include "ui/document/document.h"

namespace sds::ui {

// The prompt, steps, guidance, seed and size are the engine's PromptControls
// (text in UTF-8), as core's request takes them.
struct GenerationOptions : pipelines::PromptControls {
  QString sd_model;     // diffusers folder or .safetensors
  QString depth_model;  // Depth Anything V2 or 3 folder or .safetensors; may be empty
  bool depth_model_is_default = false;  // depth_model is the list's default, not the user's choice (not remembered)
  double depth_fov_degrees = 60.0;      // metric depth models: the photo's field of view when EXIF has no focal length
  QString device = QStringLiteral("cpu");
  Precision precision = kDefaultPrecision;  // of the UNet, VAE and depth model
  media::GenerationMode mode = media::GenerationMode::Prompt;
  pipelines::StereoControls stereo;  // the engine's stereo controls, as core takes them
  bool compose_right = false;        // prompt mode: media::GenerationRequest::compose_right
  sds::inversion::InversionMode inversion = sds::inversion::InversionMode::NullText;
  int working_size = pipelines::controls::kWorkingSize.value;  // photo mode
  bool use_open_depth = false;    // the open depth map instead of the depth model
  // The size follows the detected model's native size (SDXL 1024, SD 1.x/2.x
  // 512) until the user types one. Off by default: a caller that sets a size
  // keeps it; a first start turns it on (generation_settings.cpp).
  bool size_from_model = false;
};

// The models to load, on the chosen device at the chosen precision.
media::GeneratorModels modelsFor(const GenerationOptions& options);

// Fills `request` from the options and the open document (photo mode: its
// photo; with use_open_depth: its active depth map, the user's file read as
// `depth_kind`, an estimate as near = large). Returns why it cannot run, or an empty
// string.
// True when `a` and `b` make the same left view (prompt mode: same prompt,
// negative prompt, steps, guidance, seed and size), so that only the stereo
// fields differ and a run re-makes the right view alone.
bool sameLeftView(const media::GenerationRequest& a, const media::GenerationRequest& b);

QString buildRequest(const GenerationOptions& options, const SharedDocument& document, media::DepthKind depth_kind,
                     media::GenerationRequest& request);

}  // namespace sds::ui
