#include "ui/depth/depth_estimate_job.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "core/media/depth_model_discovery.h"
#include "core/media/exif_focal.h"
#include "ui/document/document_build.h"

namespace sds::ui {
DepthEstimateJob::DepthEstimateJob(DepthEstimateParams params)
    : Job(tr("Estimating depth")), params_(std::move(params)) {
  qRegisterMetaType<sds::ui::SharedDocument>();
}

void DepthEstimateJob::execute(const sds::CancelToken& cancel) {
  DepthModelCache& cache = *params_.cache;
  const std::string path = params_.model_path.toStdString(), device = params_.device.toStdString();
  // Metric models scale by the focal length: the photo's EXIF, else the field of
  // view. Other models ignore it, so they are not reloaded when it changes.
  const auto found = media::describeDepthModelAt(path);
  const bool metric = found && found->metric;
  const double focal_px = metric ? media::readPhotoFocal(params_.source->image_path.toStdString(), params_.source->image.cols,
                                                         params_.source->image.rows).focal_px
                                 : 0;
  const double fov = metric ? params_.fov_degrees : 60.0;
  if (!cache.model || cache.path != path || cache.device != device || cache.precision != params_.precision ||
      cache.focal_px != focal_px || cache.fov_degrees != fov) {
    Q_EMIT progress(0.05, tr("Loading the depth model"));
    cache.model.reset();
    media::DepthModelOptions options;
    options.device = device;
    options.precision = params_.precision;
    options.focal_px = focal_px;
    options.horizontal_fov_degrees = fov;
    cache.model = media::loadDepthModel(path, options);
    cache.focal_px = focal_px;
    cache.fov_degrees = fov;
    cache.path = path;
    cache.device = device;
    cache.precision = params_.precision;
  }
  cancel.throwIfCancelled();
  Q_EMIT progress(0.3, tr("Estimating depth"));
  const cv::Mat estimate = media::estimateDepth(cache.model, params_.source->image);
  cancel.throwIfCancelled();
  Q_EMIT progress(0.9, tr("Building the previews"));
  const QString name = QFileInfo(params_.model_path).fileName();
  SharedDocument out = withEstimate(*params_.source, estimate, name);
  Q_EMIT progress(1.0, title());
  Q_EMIT estimated(params_.source, out);
}

}  // namespace sds::ui
