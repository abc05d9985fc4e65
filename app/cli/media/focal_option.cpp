#include "app/cli/media/focal_option.h"

#include <sstream>

#include "core/base/error.h"
#include "core/media/exif_focal.h"

namespace sds::cli {

FocalChoice chooseFocal(const Args& a, const std::string& image_path, int width, int height) {
  FocalChoice c;
  c.fov_degrees = a.number("fov", c.fov_degrees);
  if (!(c.fov_degrees > 0 && c.fov_degrees < 180)) throw Error("--fov must be between 0 and 180 degrees.");
  std::ostringstream o;
  if (a.has("focal-px")) {
    c.focal_px = a.number("focal-px", 0.0);
    if (!(c.focal_px > 0)) throw Error("--focal-px must be a positive number of pixels.");
    o << c.focal_px << " px (--focal-px)";
  } else if (const auto exif = media::readPhotoFocal(image_path, width, height); exif.focal_px > 0) {
    c.focal_px = exif.focal_px;
    o << media::describePhotoFocal(exif);
  } else {
    o << "from the field of view, " << c.fov_degrees << " degrees" << (a.has("fov") ? " (--fov)" : " (default; no focal length in the photo's EXIF)");
  }
  c.origin = o.str();
  return c;
}

OptionList focalOptions() {
  return {{"focal-px", "F", "metric depth models: the photo's focal length in pixels (default: its EXIF)"},
          {"fov", "DEG", "metric depth models without --focal-px or EXIF: horizontal field of view (default 60)"}};
}

}  // namespace sds::cli
