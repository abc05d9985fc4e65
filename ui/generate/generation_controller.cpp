#include "ui/generate/generation_controller.h"

#include "ui/generate/generation_job.h"

namespace sds::ui {

GenerationController::GenerationController(QObject* parent)
    : QObject(parent), generator_(std::make_shared<media::Generator>()) {
  pool_.setMaxThreadCount(1);
  pool_.setObjectName(QStringLiteral("sds-generate"));
}

GenerationController::~GenerationController() {
  cancel();
  pool_.waitForDone();
}

bool GenerationController::start(const media::GeneratorModels& models, const media::GenerationRequest& request) {
  if (isBusy()) return false;
  auto* job = new GenerationJob(GenerationJobParams{generator_, models, request});
  running_ = job;
  // The job deletes itself and may be gone when this queued call runs.
  connect(job, &GenerationJob::generated, this, [this, guard = QPointer<GenerationJob>(job)](const SharedResult& result) {
    // Cancelled after the last step but before the result got here: the user
    // asked for no new result.
    if (guard && guard->isCancelled())
      Q_EMIT cancelled();
    else
      Q_EMIT generated(result);
  });
  connect(job, &Job::progress, this, &GenerationController::progressed);
  connect(job, &GenerationJob::stepped, this, &GenerationController::stepped);
  connect(job, &GenerationJob::previewed, this, &GenerationController::previewed);
  connect(job, &Job::failed, this, &GenerationController::failed);
  connect(job, &Job::cancelled, this, &GenerationController::cancelled);
  connect(job, &Job::ended, this, &GenerationController::onEnded);
  Q_EMIT jobStarted(job);
  Q_EMIT busyChanged(true);
  job->start(pool_);
  return true;
}

void GenerationController::cancel() {
  if (running_) running_->cancel();
}

void GenerationController::onEnded() {
  running_ = nullptr;
  Q_EMIT busyChanged(false);
}

}  // namespace sds::ui
