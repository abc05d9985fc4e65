// How deep a pair looks on a given display, and whether that is comfortable.
// Pure arithmetic (no Qt, no OpenCV), so the threshold is tested directly.
//
// The rule: the angular disparity of every point, relative to the screen
// plane, stays within +/- 1 degree of visual angle, and nothing behind the
// screen needs the eyes to diverge (an on-screen parallax wider than the eyes'
// separation). The 1-degree limit is the classic "comfort zone" rule of
// stereoscopic display design, reviewed in M. Lambooij, W. IJsselsteijn,
// M. Fortuin, I. Heynderickx, "Visual discomfort and visual fatigue of
// stereoscopic displays: a review", Journal of Imaging Science and Technology
// 53(3), 030201 (2009), and used by the 3D Consortium's 3DC Safety Guidelines
// (2010). (The film makers' "1/30 rule", a camera base of 1/30 of the nearest
// distance, aims at the same budget from the camera side; a converted photo
// has no camera, so the studio checks the angle itself.)
//
// Geometry (eyes 63 mm apart, the mean adult interpupillary distance): a point
// with on-screen parallax p (> 0 in front of the screen, crossed) seen from
// distance V is converged at 2 atan((e + p) / 2V) against the screen's
// 2 atan(e / 2V); the difference is its angular disparity.
#pragma once

namespace sds::ui {

inline constexpr double kEyeSeparationM = 0.063;
inline constexpr double kComfortLimitDeg = 1.0;

struct DisplayGeometry {
  double width_m = 0.6;     // width of the picture on the screen
  double distance_m = 0.65; // from the viewer's eyes
};

struct PointDepth {
  double parallax_mm = 0;  // on the screen; > 0 in front of the screen (crossed), < 0 behind
  double angle_deg = 0;    // angular disparity against the screen plane, same sign
  bool diverges = false;   // behind the screen by more than the eyes' separation
  bool comfortable = true; // |angle| <= kComfortLimitDeg and not diverging
};

// disparity_px: left-to-right disparity in pixels of an image `image_width_px`
// wide shown across the display's width (> 0 = nearer than the screen plane).
PointDepth pointDepth(double disparity_px, double image_width_px, const DisplayGeometry& display);

struct ViewingComfort {
  PointDepth nearest, farthest;
  bool comfortable = true;  // both are
};

// nearest_px / farthest_px: the largest and smallest disparity of the pair.
ViewingComfort viewingComfort(double nearest_px, double farthest_px, double image_width_px,
                              const DisplayGeometry& display);

}  // namespace sds::ui
