#include "ui/jobs/job.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <exception>

#include "ui/common/stage_names.h"

namespace sds::ui {

Job::Job(QString title) : title_(std::move(title)) {}

void Job::start(QThreadPool& pool) {
  pool.start([this] { run(); });
}

void Job::run() {
  try {
    cancel_.throwIfCancelled();
    execute(cancel_);
  } catch (const sds::Cancelled&) {
    Q_EMIT cancelled();
  } catch (const sds::Error& e) {
    // Core's sentence names the file or value in English; the translated lead
    // says which job it stopped.
    Q_EMIT failed(QCoreApplication::translate("sds::ui::Job", "%1 failed: %2")
                      .arg(title_, QString::fromStdString(e.what())));
  } catch (const std::exception& e) {
    Q_EMIT failed(QCoreApplication::translate("sds::ui::Job", "%1 failed unexpectedly: %2")
                      .arg(title_, QString::fromStdString(e.what())));
  }
  Q_EMIT ended();
  deleteLater();
}

sds::ProgressFn Job::progressFn() {
  return [this](const sds::Progress& p) {
    Q_EMIT progress(p.overall, StageNames::label(p.stage));
  };
}

}  // namespace sds::ui
