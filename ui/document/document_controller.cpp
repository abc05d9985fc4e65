#include "ui/document/document_controller.h"

#include <QThreadPool>

#include "ui/jobs/load_job.h"

namespace sds::ui {

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

void DocumentController::setDocument(SharedDocument document) {
  cancel();
  document_ = std::move(document);
  Q_EMIT documentChanged(document_);
}

void DocumentController::startIfIdle() {
  if (running_ || (wanted_image_.isEmpty() && wanted_depth_.isEmpty())) return;
  auto* job = new LoadJob(LoadParams{wanted_image_, wanted_depth_, document_, preview_max_side_});
  wanted_image_.clear();
  wanted_depth_.clear();
  running_ = job;
  connect(job, &LoadJob::loaded, this, [this, job](const SharedDocument& doc) {
    if (job->isCancelled()) return;  // superseded by setDocument()
    document_ = doc;
    Q_EMIT documentChanged(document_);
  });
  connect(job, &Job::failed, this, &DocumentController::loadFailed);
  connect(job, &Job::ended, this, &DocumentController::onEnded);
  Q_EMIT jobStarted(job);
  job->start(pool_);
}

void DocumentController::onEnded() {
  running_ = nullptr;
  startIfIdle();
}

}  // namespace sds::ui
