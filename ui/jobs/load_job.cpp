#include "ui/jobs/load_job.h"

#include <QCoreApplication>

#include "core/media/image_io.h"
#include "ui/document/preview_sources.h"

namespace sds::ui {

LoadJob::LoadJob(LoadParams params)
    : Job(QCoreApplication::translate("sds::ui::LoadJob", "Opening files")), params_(std::move(params)) {
  qRegisterMetaType<sds::ui::SharedDocument>();
}

void LoadJob::execute(const sds::CancelToken& cancel) {
  Q_EMIT progress(0.0, title());
  SharedDocument doc = loadDocument(params_, cancel);
  Q_EMIT progress(1.0, title());
  Q_EMIT loaded(doc);
}

SharedDocument loadDocument(const LoadParams& p, const sds::CancelToken& cancel) {
  auto doc = std::make_shared<Document>(p.base ? *p.base : Document{});
  doc->right = cv::Mat();  // a finished pair stops being one once a file replaces part of it
  doc->params_json.clear();
  if (!p.image_path.isEmpty()) {
    doc->image = media::loadImage(p.image_path.toStdString());
    doc->image_path = p.image_path;
  }
  cancel.throwIfCancelled();
  if (!p.depth_path.isEmpty()) {
    doc->depth = media::loadDepthMap(p.depth_path.toStdString());
    doc->depth_path = p.depth_path;
  }
  cancel.throwIfCancelled();
  // Previews follow the photo's size; a depth map alone is shown at its own.
  const cv::Size full = doc->hasImage() ? doc->image.size() : doc->depth.size();
  const cv::Size size = previewSize(full, p.preview_max_side);
  doc->image_preview = doc->hasImage() ? previewImage(doc->image, size) : cv::Mat();
  doc->depth_preview = doc->hasDepth() ? depthForDisplay(doc->depth, size) : cv::Mat();
  doc->sources = nullptr;
  if (doc->hasImage() && doc->hasDepth()) {
    auto sources = std::make_shared<RenderSources>();
    sources->image = doc->image_preview;
    sources->depth = previewDepth(doc->depth, size);
    sources->disparity_px = previewDisparity(doc->depth, size);
    sources->preview_to_full = double(full.width) / size.width;
    doc->sources = sources;
  }
  return doc;
}

}  // namespace sds::ui
