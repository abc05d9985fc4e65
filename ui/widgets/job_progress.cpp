#include "ui/widgets/job_progress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "ui/jobs/job.h"

namespace sds::ui {

JobProgress::JobProgress(QWidget* parent)
    : QWidget(parent), stage_(new QLabel), bar_(new QProgressBar), cancel_(new QToolButton) {
  setObjectName(QStringLiteral("jobProgress"));
  bar_->setObjectName(QStringLiteral("jobProgressBar"));
  bar_->setRange(0, 1000);
  bar_->setTextVisible(false);
  bar_->setMaximumWidth(180);
  cancel_->setObjectName(QStringLiteral("jobCancelButton"));
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(tr("Stop this job; nothing is written"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(stage_);
  layout->addWidget(bar_);
  layout->addWidget(cancel_);
  connect(cancel_, &QToolButton::clicked, this, [this] {
    if (job_) job_->cancel();
    stage_->setText(tr("Cancelling…"));
    cancel_->setEnabled(false);
  });
  hide();
}

void JobProgress::track(Job* job) {
  if (job_) disconnect(job_, nullptr, this, nullptr);
  job_ = job;
  stage_->setText(job->title());
  bar_->setValue(0);
  cancel_->setEnabled(true);
  connect(job, &Job::progress, this, &JobProgress::onProgress);
  connect(job, &Job::ended, this, &JobProgress::onEnded);
  show();
}

void JobProgress::onProgress(double overall, const QString& stage) {
  if (!job_ || job_->isCancelled()) return;
  bar_->setValue(int(overall * bar_->maximum()));
  stage_->setText(stage.isEmpty() ? job_->title() : stage);
}

void JobProgress::onEnded() {
  if (sender() != job_) return;
  job_ = nullptr;
  hide();
}

}  // namespace sds::ui
