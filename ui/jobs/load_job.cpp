#include "ui/jobs/load_job.h"

#include <QCoreApplication>

#include "core/media/exif_focal.h"
#include "core/media/image_io.h"
#include "ui/document/document_build.h"

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
  if (!p.image_path.isEmpty()) {
    doc->image = media::loadImage(p.image_path.toStdString());
    doc->image_path = p.image_path;
    doc->focal = media::readPhotoFocal(p.image_path.toStdString(), doc->image.cols, doc->image.rows);
    // Another photo: the old depth maps belong to the old photo. A depth map
    // opened before any photo is kept for it.
    doc->estimated_depth = DepthMap{};
    if (p.base && p.base->hasImage()) doc->user_depth = DepthMap{};
    doc->active = doc->user_depth.empty() ? DepthOrigin::None : DepthOrigin::UserFile;
  }
  cancel.throwIfCancelled();
  if (!p.depth_path.isEmpty()) {
    doc->user_depth = DepthMap{media::loadDepthMap(p.depth_path.toStdString()), DepthOrigin::UserFile, p.depth_path, {}};
    doc->active = DepthOrigin::UserFile;  // the user's own file is what they asked to see
  }
  cancel.throwIfCancelled();
  buildPreviews(*doc, p.preview_max_side);
  return doc;
}

}  // namespace sds::ui
