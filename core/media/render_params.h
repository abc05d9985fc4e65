// Plain parameters of the classical depth-to-stereo renderer, shared by the CLI,
// the studio and the engine bridge (no torch, no Qt).
#pragma once
#include <string>

namespace sds::media {

// What the values of a user's depth map mean.
enum class DepthKind {
  InverseDepth,  // relative inverse depth, near = bright (MiDaS / Depth Anything output)
  Depth,         // metric or relative depth, near = dark
  DisparityPx,   // the left image's disparity in pixels at the image's resolution, 0 = unknown
};

// Inpaint: an inpainting model fills the holes (inpaint_fill.h); renderStereo
// itself leaves them black for it.
enum class FillMode { Background, Telea, Inpaint };
enum class ViewMode { RightFromLeft, BothHalf };  // synthesise the right view, or both views half each way

struct RenderParams {
  DepthKind depth_kind = DepthKind::InverseDepth;
  double scale_percent = 3.0;  // largest disparity, percent of the image width (ignored for DisparityPx)
  double exponent = 1.0;       // normalised disparity is raised to this power
  double convergence = 0.0;    // 0..1: the normalised disparity that lands on the screen plane (zero parallax)
  ViewMode view_mode = ViewMode::RightFromLeft;
  FillMode fill = FillMode::Background;
  std::string device = "cpu";  // where the warp runs: "cpu" or "cuda" (the result is the same)
};

DepthKind parseDepthKind(const std::string& s);  // "inverse-depth" | "depth" | "disparity-px"; throws sds::Error
FillMode parseFillMode(const std::string& s);    // "background" | "telea" | "inpaint"
std::string toString(DepthKind k);
std::string toString(FillMode f);

}  // namespace sds::media
