#include "ui/document/document_build.h"

namespace sds::ui {

const DepthMap& Document::depth() const {
  static const DepthMap none;
  if (active == DepthOrigin::UserFile) return user_depth;
  if (active == DepthOrigin::Estimated) return estimated_depth;
  return none;
}

media::DepthKind Document::depthKind(media::DepthKind user_kind) const {
  return active == DepthOrigin::Estimated ? media::DepthKind::InverseDepth : user_kind;
}

void buildPreviews(Document& doc, int preview_max_side) {
  const cv::Mat& depth = doc.depth().values;
  const cv::Size full = doc.hasImage() ? doc.image.size() : depth.size();
  const cv::Size size = previewSize(full, preview_max_side);
  doc.image_preview = doc.hasImage() ? previewImage(doc.image, size) : cv::Mat();
  doc.depth_preview = depth.empty() ? cv::Mat() : depthForDisplay(depth, size);
  doc.sources = nullptr;
  if (doc.hasImage() && !depth.empty()) {
    auto sources = std::make_shared<RenderSources>();
    sources->image = doc.image_preview;
    sources->depth = previewDepth(depth, size);
    sources->disparity_px = previewDisparity(depth, size);
    sources->preview_to_full = double(full.width) / size.width;
    doc.sources = sources;
  }
}

SharedDocument withEstimate(const Document& doc, const cv::Mat& estimate, const QString& model,
                            int preview_max_side) {
  auto out = std::make_shared<Document>(doc);
  out->estimated_depth = DepthMap{estimate, DepthOrigin::Estimated, QString(), model};
  out->active = DepthOrigin::Estimated;
  buildPreviews(*out, preview_max_side);
  return out;
}

SharedDocument withActiveDepth(const SharedDocument& doc, DepthOrigin origin, int preview_max_side) {
  if (!doc || doc->active == origin) return doc;
  const bool available = origin == DepthOrigin::None || (origin == DepthOrigin::UserFile && !doc->user_depth.empty()) ||
                         (origin == DepthOrigin::Estimated && !doc->estimated_depth.empty());
  if (!available) return doc;
  auto out = std::make_shared<Document>(*doc);
  out->active = origin;
  buildPreviews(*out, preview_max_side);
  return out;
}

}  // namespace sds::ui
