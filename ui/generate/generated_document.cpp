#include "ui/generate/generated_document.h"

#include <memory>

namespace sds::ui {

SharedDocument generatedDocument(const media::GenerationResult& r, int preview_max_side) {
  auto doc = std::make_shared<Document>();
  doc->image = r.left;
  doc->right = r.right;
  doc->depth = r.disparity;
  doc->params_json = QString::fromStdString(r.params_json);
  const cv::Size full = r.left.size();
  const cv::Size size = previewSize(full, preview_max_side);
  doc->image_preview = previewImage(r.left, size);
  doc->depth_preview = depthForDisplay(r.disparity, size);
  auto sources = std::make_shared<RenderSources>();
  sources->image = doc->image_preview;
  sources->right = previewImage(r.right, size);
  sources->depth = previewDepth(r.disparity, size);
  // What the pair was made with, for the disparity histogram (in preview pixels).
  if (!r.disparity_px.empty()) sources->disparity_px = previewDisparity(r.disparity_px, size);
  sources->preview_to_full = double(full.width) / size.width;
  doc->sources = sources;
  return doc;
}

}  // namespace sds::ui
