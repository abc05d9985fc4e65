#include "ui/document/document_controller.h"

#include <QThreadPool>

#include "ui/document/document_build.h"
#include "ui/jobs/load_job.h"

namespace sds::ui {
namespace {

QSize qsize(cv::Size s) { return {s.width, s.height}; }

}  // namespace

DocumentController::DocumentController(QThreadPool& pool, QObject* parent) : QObject(parent), pool_(pool) {}

DocumentController::~DocumentController() { cancel(); }

void DocumentController::cancel() {
  wanted_image_.clear();
  wanted_depth_.clear();
  if (running_) running_->cancel();
}

void DocumentController::openImage(const QString& path) {
  wanted_image_ = path;
  startIfIdle();
}

void DocumentController::openDepth(const QString& path) {
  wanted_depth_ = path;
  startIfIdle();
}

void DocumentController::openPair(const QString& image_path, const QString& depth_path) {
  wanted_image_ = image_path;
  wanted_depth_ = depth_path;
  startIfIdle();
}

void DocumentController::acceptEstimate(const SharedDocument& base, const SharedDocument& with_estimate) {
  if (!document_ || !base || document_->image.data != base->image.data) return;  // another photo by now
  if (document_ == base) return publish(with_estimate, false);
  const DepthMap& e = with_estimate->estimated_depth;
  publish(withEstimate(*document_, e.values, e.model, preview_max_side_), false);
}

void DocumentController::useDepth(DepthOrigin origin) {
  SharedDocument doc = withActiveDepth(document_, origin, preview_max_side_);
  if (doc != document_) publish(doc, false);
}

void DocumentController::resolveDepthMismatch(std::optional<DepthFit> how) {
  if (!pending_) return;
  auto doc = std::make_shared<Document>(*pending_);
  const bool new_photo = pending_new_photo_;
  pending_ = nullptr;
  if (how) {
    doc->user_depth.values = fitDepth(doc->user_depth.values, doc->image.size(), *how);
  } else {  // cancel: the depth map is not opened; what the photo had before stays
    const bool same_photo = document_ && document_->image.data == doc->image.data;
    doc->user_depth = same_photo ? document_->user_depth : DepthMap{};
    if (doc->active == DepthOrigin::UserFile && doc->user_depth.empty())
      doc->active = doc->estimated_depth.empty() ? DepthOrigin::None : DepthOrigin::Estimated;
  }
  buildPreviews(*doc, preview_max_side_);
  publish(doc, new_photo);
  startIfIdle();
}

void DocumentController::startIfIdle() {
  if (running_ || pending_ || (wanted_image_.isEmpty() && wanted_depth_.isEmpty())) return;
  auto* job = new LoadJob(LoadParams{wanted_image_, wanted_depth_, document_, preview_max_side_});
  wanted_image_.clear();
  wanted_depth_.clear();
  running_ = job;
  // The job may be gone (it deletes itself) by the time this queued call runs.
  connect(job, &LoadJob::loaded, this, [this, guard = QPointer<LoadJob>(job)](const SharedDocument& doc) {
    if (!guard || !guard->isCancelled()) onLoaded(doc);
  });
  connect(job, &Job::failed, this, &DocumentController::loadFailed);
  connect(job, &Job::ended, this, &DocumentController::onEnded);
  Q_EMIT jobStarted(job);
  job->start(pool_);
}

void DocumentController::onLoaded(const SharedDocument& doc) {
  const bool new_photo = doc->hasImage() && (!document_ || document_->image.data != doc->image.data);
  const bool new_depth = !doc->user_depth.empty() && (!document_ || document_->user_depth.values.data !=
                                                                         doc->user_depth.values.data);
  if (doc->hasImage() && !doc->user_depth.empty() && (new_photo || new_depth) &&
      !aspectMatches(doc->image.size(), doc->user_depth.values.size())) {
    pending_ = doc;
    pending_new_photo_ = new_photo;
    Q_EMIT depthMismatch(qsize(doc->image.size()), qsize(doc->user_depth.values.size()));
    return;
  }
  publish(doc, new_photo);
}

void DocumentController::publish(SharedDocument doc, bool new_photo) {
  document_ = std::move(doc);
  Q_EMIT documentChanged(document_);
  if (new_photo) Q_EMIT photoOpened();
}

void DocumentController::onEnded() {
  running_ = nullptr;
  startIfIdle();
}

}  // namespace sds::ui
