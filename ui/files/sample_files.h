// Where the bundled sample (a photo and its depth map) is found, from the running
// binary alone (no path of the build machine is compiled in):
//   1. installed beside the binary: <prefix>/bin/../share/sdstereo/sample;
//   2. otherwise the copy compiled into the binary (Qt resources :/sample/),
//      written once into the user's cache folder, because images are read by
//      OpenCV from real files.
#pragma once
#include "ui/common/studio_settings.h"

namespace sds::ui {

// Both paths, or two empty strings when no sample is found or it cannot be written.
RecentPair bundledSample();

}  // namespace sds::ui
