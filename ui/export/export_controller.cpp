#include "ui/export/export_controller.h"

#include <QThreadPool>

#include "ui/export/export_dialog.h"
#include "ui/jobs/export_job.h"

namespace sds::ui {

ExportController::ExportController(QThreadPool& pool, QObject* parent) : QObject(parent), pool_(pool) {}

ExportController::~ExportController() { cancel(); }

void ExportController::cancel() {
  if (running_) running_->cancel();
}

void ExportController::exportInteractively(QWidget* dialog_parent, const SharedDocument& source,
                                           const SharedResult& result, const media::RenderParams& params) {
  if (next_target_) {
    const ExportTarget target = *next_target_;
    next_target_.reset();
    start(target, source, result, params);
    return;
  }
  auto* dialog = new ExportDialog(defaults_, ask_, dialog_parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog, source, result, params] {
    start(dialog->target(), source, result, params);
  });
  dialog->open();
}

void ExportController::start(const ExportTarget& target, const SharedDocument& source, const SharedResult& result,
                             const media::RenderParams& params) {
  Q_EMIT started();
  if (!result && (!source || !source->sources)) {
    Q_EMIT failed(tr("Open a photo and a depth map before exporting."));
    return;
  }
  if (running_) {
    Q_EMIT failed(tr("An export is already running; wait for it or cancel it."));
    return;
  }
  defaults_ = target;
  Q_EMIT targetChosen(target);
  auto* job = new ExportJob(ExportParams{target, source, result, params});
  running_ = job;
  connect(job, &ExportJob::exported, this, [this, result](const QStringList& files) { Q_EMIT exported(files, result); });
  connect(job, &Job::failed, this, &ExportController::failed);
  Q_EMIT jobStarted(job);
  job->start(pool_);
}

}  // namespace sds::ui
