// The focal length a metric depth model (DA3Metric) scales its output with,
// chosen the same way by every command that estimates a photo's depth:
// --focal-px, else the photo's EXIF (core/media/exif_focal.h), else --fov.
#pragma once
#include <string>

#include "app/cli/args.h"
#include "app/cli/options.h"

namespace sds::cli {

struct FocalChoice {
  double focal_px = 0;  // 0: from the field of view
  double fov_degrees = 60.0;
  std::string origin;  // for the output: where the focal length came from
};

// Throws sds::Error for a --fov outside (0, 180) or a --focal-px that is not positive.
FocalChoice chooseFocal(const Args& a, const std::string& image_path, int width, int height);

// The declarations of --focal-px and --fov.
OptionList focalOptions();

}  // namespace sds::cli
