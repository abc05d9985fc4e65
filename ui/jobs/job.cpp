#include "ui/jobs/job.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <exception>

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
    Q_EMIT failed(QString::fromStdString(e.what()));
  } catch (const std::exception& e) {
    Q_EMIT failed(QCoreApplication::translate("sds::ui::Job", "%1 failed unexpectedly: %2")
                      .arg(title_, QString::fromStdString(e.what())));
  }
  Q_EMIT ended();
  deleteLater();
}

sds::ProgressFn Job::progressFn() {
  return [this](const sds::Progress& p) {
    Q_EMIT progress(p.overall, QCoreApplication::translate("sds::ui::stage", p.stage.c_str()));
  };
}

}  // namespace sds::ui
