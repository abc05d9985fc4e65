// Building source documents: the previews and render sources follow the
// active depth map; estimates and depth choices make new documents.
#pragma once
#include "ui/document/document.h"
#include "ui/document/preview_sources.h"

namespace sds::ui {

// Fills image_preview, depth_preview and sources from the photo and the active
// depth map (previews follow the photo's size; a depth map alone is shown at its own).
void buildPreviews(Document& doc, int preview_max_side = kDefaultPreviewMaxSide);

// `doc` with the estimate as its estimated depth, made active.
SharedDocument withEstimate(const Document& doc, const cv::Mat& estimate, const QString& model,
                            int preview_max_side = kDefaultPreviewMaxSide);

// `doc` using the depth map of `origin` (None: none); `doc` itself when it has no such map.
SharedDocument withActiveDepth(const SharedDocument& doc, DepthOrigin origin,
                               int preview_max_side = kDefaultPreviewMaxSide);

}  // namespace sds::ui
