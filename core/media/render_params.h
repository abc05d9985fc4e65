// Plain parameters of the classical depth-to-stereo renderer, shared by the CLI,
// the studio and the engine bridge (no torch, no Qt). Defaults, ranges and
// meanings of the numeric controls: core/engine/render/render_controls.h.
#pragma once
#include <string>

#include "core/engine/precision.h"
#include "core/engine/render/render_controls.h"

namespace sds::media {

// What the values of a user's depth map mean: the engine's MapKind
// (InverseDepth: MiDaS / Depth Anything output; Depth; DisparityPx).
using DepthKind = render::MapKind;

// Inpaint: an inpainting model fills the holes (inpaint_fill.h); renderStereo
// itself leaves them black for it.
enum class FillMode { Background, Telea, Inpaint };
enum class ViewMode { RightFromLeft, BothHalf };  // synthesise the right view, or both views half each way

struct RenderParams {
  DepthKind depth_kind = DepthKind::InverseDepth;
  // Largest disparity, percent of the image width (ignored for DisparityPx).
  double scale_percent = render::controls::kScalePercent.value;
  double exponent = render::controls::kExponent.value;  // normalised disparity is raised to this power
  // Default: relative maps converge at converge_percentile (the scene behind
  // the screen), a disparity in pixels is used as given. Percentile / Fixed
  // choose one rule for every kind.
  render::ConvergenceMode convergence_mode = render::ConvergenceMode::Default;
  double convergence = render::controls::kConvergence.value;  // Fixed: 0..1, the normalised disparity on the screen
  double converge_percentile = render::controls::kConvergePercentile.value;  // 0..100
  double max_disparity_percent = render::controls::kMaxDisparityPercent.value;  // 0: no cap
  double edge_band_px = render::controls::kEdgeBandPx.value;            // near side grown at depth edges
  double edge_smoothing_px = render::controls::kEdgeSmoothingPx.value;  // depth edges snap to colour edges
  ViewMode view_mode = ViewMode::RightFromLeft;
  FillMode fill = FillMode::Background;
  // Background fill only: holes also copy the background's repeating texture
  // where it fits (render::controls::kTextureFill). Costly (about a second at
  // full size): the CLI and the studio's export use it, the studio's preview
  // renders without it.
  bool texture_fill = render::controls::kTextureFill.value != 0;
  std::string device = "cpu";  // where the warp runs: "cpu" or "cuda" (the result is the same)
  // FillMode::Inpaint in the studio: the inpainting checkpoint (diffusers
  // folder or single .safetensors; the other settings are InpaintSettings'
  // defaults). Like the texture fill, the studio's preview renders with the
  // background fill first, then the model fills the holes (inpaint_fill.h).
  // The CLI passes its --inpaint-model in InpaintSettings instead.
  std::string inpaint_model;
  // Of the inpainting model (the studio passes its Precision choice; the CLI
  // its --dtype in InpaintSettings).
  Precision inpaint_precision = Precision::Float32;
};

// Every field equal (the studio re-renders only when something changed).
bool operator==(const RenderParams& a, const RenderParams& b);
inline bool operator!=(const RenderParams& a, const RenderParams& b) { return !(a == b); }

DepthKind parseDepthKind(const std::string& s);  // "inverse-depth" | "depth" | "disparity-px"; throws sds::Error
FillMode parseFillMode(const std::string& s);    // "background" | "telea" | "inpaint"
std::string toString(DepthKind k);
std::string toString(FillMode f);

}  // namespace sds::media
