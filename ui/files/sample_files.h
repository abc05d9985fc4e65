// Where the bundled sample (a photo and its depth map) lives: installed beside
// the binary (<prefix>/share/sdstereo/sample) or, in a build tree, in the sources.
#pragma once
#include "ui/common/studio_settings.h"

namespace sds::ui {

// Both paths, or two empty strings when no sample is found.
RecentPair bundledSample();

}  // namespace sds::ui
