#include "ui/jobs/export_job.h"

#include <QFileInfo>

#include "core/media/stereo_export.h"
#include "core/media/stereo_render.h"

namespace sds::ui {

ExportJob::ExportJob(ExportParams params)
    : Job(QCoreApplication::translate("sds::ui::ExportJob", "Exporting")), params_(std::move(params)) {}

void ExportJob::execute(const sds::CancelToken& cancel) {
  const Document& doc = *params_.document;
  const ExportTarget& target = params_.target;
  media::StereoPair pair;
  if (doc.isFinishedPair()) {
    pair.left = doc.image;
    pair.right = doc.right;
    pair.disparity_px = doc.depth;
  } else {
    Q_EMIT progress(0.05, QCoreApplication::translate("sds::ui::ExportJob", "Rendering at full resolution"));
    pair = media::renderStereo(doc.image, doc.depth, params_.render);
  }
  cancel.throwIfCancelled();

  Q_EMIT progress(0.8, QCoreApplication::translate("sds::ui::ExportJob", "Writing %1")
                           .arg(QFileInfo(target.path).fileName()));
  const std::string json =
      doc.isFinishedPair()
          ? doc.params_json.toStdString()
          : media::paramsToJson(params_.render, {{"image", QFileInfo(doc.image_path).fileName().toStdString()},
                                                 {"depth_map", QFileInfo(doc.depth_path).fileName().toStdString()}});
  QStringList written;
  if (target.format == kDepth16Format) {
    media::exportDepthPng16(target.path.toStdString(), pair.disparity_px, json);
    written << target.path;
  } else {
    media::ExportRequest request;
    request.path = target.path.toStdString();
    request.format = target.format.toStdString();
    request.params_json = json;
    request.jpeg_quality = target.jpeg_quality;
    for (const std::string& file : media::exportStereo(pair.left, pair.right, request))
      written << QString::fromStdString(file);
  }
  Q_EMIT progress(1.0, title());
  Q_EMIT exported(written);
}

}  // namespace sds::ui
