#include "ui/render/viewing_comfort.h"

#include <cmath>

namespace sds::ui {
namespace {

constexpr double kDegPerRad = 57.29577951308232;

}  // namespace

PointDepth pointDepth(double disparity_px, double image_width_px, const DisplayGeometry& display) {
  PointDepth d;
  if (!(image_width_px > 0) || !(display.width_m > 0) || !(display.distance_m > 0)) return d;
  const double parallax_m = disparity_px / image_width_px * display.width_m;
  const double two_v = 2.0 * display.distance_m;
  d.parallax_mm = parallax_m * 1000.0;
  const double screen = 2.0 * std::atan(kEyeSeparationM / two_v);
  const double point = 2.0 * std::atan((kEyeSeparationM + parallax_m) / two_v);
  d.angle_deg = (point - screen) * kDegPerRad;
  d.diverges = kEyeSeparationM + parallax_m < 0.0;
  d.comfortable = !d.diverges && std::abs(d.angle_deg) <= kComfortLimitDeg;
  return d;
}

ViewingComfort viewingComfort(double nearest_px, double farthest_px, double image_width_px,
                              const DisplayGeometry& display) {
  ViewingComfort c;
  c.nearest = pointDepth(nearest_px, image_width_px, display);
  c.farthest = pointDepth(farthest_px, image_width_px, display);
  c.comfortable = c.nearest.comfortable && c.farthest.comfortable;
  return c;
}

}  // namespace sds::ui
