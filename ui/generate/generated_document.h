// A generated pair as the studio's document: the left view is the image, the
// right view is given (previews and export compose it, nothing is rendered),
// the disparity is the depth map (near = large), and the parameters travel
// with every export.
#pragma once
#include "core/media/generation.h"
#include "ui/document/document.h"
#include "ui/document/preview_sources.h"

namespace sds::ui {

// Builds the previews too, so call it off the GUI thread.
SharedDocument generatedDocument(const media::GenerationResult& result, int preview_max_side = kDefaultPreviewMaxSide);

}  // namespace sds::ui
