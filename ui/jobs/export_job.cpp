#include "ui/jobs/export_job.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "core/media/inpaint_fill.h"
#include "core/media/stereo_export.h"
#include "core/media/stereo_render.h"
#include "core/base/error.h"
#include "core/base/progress_range.h"

namespace sds::ui {

ExportJob::ExportJob(ExportParams params)
    : Job(QCoreApplication::translate("sds::ui::ExportJob", "Exporting")), params_(std::move(params)) {}

void ExportJob::execute(const sds::CancelToken& cancel) {
  const ExportTarget& target = params_.target;
  media::StereoPair pair;
  std::string json;
  if (const PairResult* r = params_.result.get()) {
    pair.left = r->left;
    pair.right = r->right;
    pair.disparity_px = r->disparity_px;  // pixels, as the disparity export's name says
    json = r->params_json.toStdString();
  } else {
    const Document& doc = *params_.source;
    media::RenderParams render = params_.render;
    render.depth_kind = doc.depthKind(render.depth_kind);
    Q_EMIT progress(0.05, QCoreApplication::translate("sds::ui::ExportJob", "Rendering at full resolution"));
    std::vector<std::pair<std::string, std::string>> fill_record;
    if (render.fill == media::FillMode::Inpaint) {
      // The model fills the holes at full resolution, in crops (inpaint_fill.h).
      const media::InpaintSettings settings = media::inpaintSettingsFor(render);
      media::HoleInpainter inpainter;
      pair = media::renderStereoInpainted(doc.image, doc.depth().values, render, inpainter, settings,
                                          withinRange(progressFn(), 0.05, 0.8), cancel);
      fill_record = media::inpaintRecord(
          settings, QFileInfo(QString::fromStdString(render.inpaint_model)).fileName().toStdString());
    } else {
      pair = media::renderStereo(doc.image, doc.depth().values, render);
    }
    const DepthMap& depth = doc.depth();
    const std::string depth_name = depth.origin == DepthOrigin::Estimated
                                       ? "estimated by " + QFileInfo(depth.model).fileName().toStdString()
                                       : QFileInfo(depth.path).fileName().toStdString();
    std::vector<std::pair<std::string, std::string>> record = {
        {"image", QFileInfo(doc.image_path).fileName().toStdString()}, {"depth_map", depth_name}};
    record.insert(record.end(), fill_record.begin(), fill_record.end());
    json = media::paramsToJson(render, record);
  }
  cancel.throwIfCancelled();

  Q_EMIT progress(0.8, QCoreApplication::translate("sds::ui::ExportJob", "Writing %1")
                           .arg(QFileInfo(target.path).fileName()));
  QStringList written;
  if (target.format == kDepth16Format) {
    if (pair.disparity_px.empty())
      throw sds::Error(QCoreApplication::translate("sds::ui::ExportJob", "This pair does not know the disparity it "
                                                   "was made with; export it in a stereo format.")
                           .toStdString());
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
