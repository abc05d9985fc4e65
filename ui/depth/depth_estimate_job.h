// Estimating the source photo's depth off the GUI thread with a Depth Anything
// model, loaded once and kept (in a cache the controller owns) until its path
// device or precision changes. The result is the source with the estimate as its active
// depth map, previews built here.
#pragma once
#include <memory>
#include <string>

#include "core/media/depth_estimation.h"
#include "ui/document/document.h"
#include "ui/jobs/job.h"

namespace sds::ui {

// The loaded model, used by one job at a time.
struct DepthModelCache {
  std::string path, device;
  Precision precision = kDefaultPrecision;
  double focal_px = 0, fov_degrees = 0;  // what a metric model was loaded with
  media::DepthModelHandle model;
};

struct DepthEstimateParams {
  std::shared_ptr<DepthModelCache> cache;
  QString model_path;
  QString device = QStringLiteral("cpu");
  Precision precision = kDefaultPrecision;
  double fov_degrees = 60.0;  // metric models: the photo's field of view when its EXIF has no focal length
  SharedDocument source;  // has a photo
};

class DepthEstimateJob : public Job {
  Q_OBJECT
 public:
  explicit DepthEstimateJob(DepthEstimateParams params);

 Q_SIGNALS:
  void estimated(const sds::ui::SharedDocument& base, const sds::ui::SharedDocument& with_estimate);

 protected:
  void execute(const sds::CancelToken& cancel) override;

 private:
  DepthEstimateParams params_;
};

}  // namespace sds::ui
