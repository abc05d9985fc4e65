// The user-facing controls of the classical renderer, defined once: name (as
// the CLI spells it), default, range and meaning. The engine's option structs,
// the media layer's RenderParams, the CLI and the studio take their defaults
// and limits from here. Plain C++ (no torch), so every layer may include it.
#pragma once

namespace sds::render {

struct Control {
  const char* name;  // CLI flag without the dashes
  double value;      // default
  double min, max;   // accepted range (inclusive)
  const char* help;
};

namespace controls {

inline constexpr Control kScalePercent{"scale", 3.0, 0.0, 50.0,
                                       "largest disparity in percent of the image width (relative maps)"};
inline constexpr Control kExponent{"exponent", 1.0, 1e-6, 10.0, "the normalised disparity is raised to this power"};
inline constexpr Control kConvergence{"convergence", 0.0, 0.0, 1.0,
                                      "fixed convergence: the normalised disparity put on the screen plane"};
// Automatic convergence: the disparity at this percentile of the image gets
// zero parallax; everything farther lies behind the screen, the nearest
// (100 - P) % in front of it. 100 puts the whole scene behind the screen.
inline constexpr Control kConvergePercentile{"converge-at", 99.0, 0.0, 100.0,
                                             "automatic convergence: percentile of the disparity put on the screen"};
// A cap on |disparity| after convergence, in percent of the image width; 0 = none.
inline constexpr Control kMaxDisparityPercent{"max-disparity", 0.0, 0.0, 50.0,
                                              "cap on the largest |disparity|, percent of the width (0: none)"};
// Depth edges: the foreground is grown by this many pixels into the background
// at every depth discontinuity, so the anti-aliased pixels of its outline move
// with it instead of staying behind as a halo.
inline constexpr Control kEdgeBandPx{"edge-band", 1.0, 0.0, 8.0,
                                     "foreground growth at depth edges in px (mixed outline pixels move with it)"};
// Depth edges are aligned with colour edges within this radius: each pixel
// near a depth jump takes the side (near or far) whose local colour it is
// closer to. 0 = depth edges as given.
inline constexpr Control kEdgeSmoothingPx{"edge-smoothing", 3.0, 0.0, 16.0,
                                          "radius in px in which depth edges snap to colour edges (0: off)"};

// Disocclusions copy the background's own repeating texture (dominant 2-D patch
// offsets, texture_fill.h) where it predicts the visible far surface; elsewhere
// the smooth background fill stays. 0 = the smooth fill only (faster).
inline constexpr Control kTextureFill{"texture-fill", 1.0, 0.0, 1.0,
                                      "1: holes copy the background's repeating texture where it fits; 0: smooth fill"};

}  // namespace controls

// What the values of a user's depth map mean (media and the studio call it
// DepthKind).
enum class MapKind {
  InverseDepth,  // relative inverse depth, near = bright: min..max -> 0..1
  Depth,         // metric or relative depth, near = dark; values <= 0 are unknown; 1/depth -> 0..1
  DisparityPx,   // disparity in pixels of the source view at its resolution; 0 = unknown
};

// How the disparity's zero (the screen plane) is chosen.
enum class ConvergenceMode {
  Default,     // relative maps: Percentile; disparity in pixels: used as given (no shift)
  Percentile,  // zero parallax at converge_percentile of the disparity
  Fixed,       // the old fixed setting: `convergence` of the normalised disparity (or of the map's largest px)
};

// Edge handling of the forward warp (depth_edges.h).
struct EdgeOptions {
  double band_px = controls::kEdgeBandPx.value;
  double smoothing_px = controls::kEdgeSmoothingPx.value;
};

}  // namespace sds::render
