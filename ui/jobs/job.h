// A long job on a QThreadPool: Params in, a Result out through the subclass's
// own signal, progress/failed/cancelled signals, and an atomic cancel flag the
// work checks between steps. Exceptions never leave the pool thread: they turn
// into failed() with a translated lead naming the job ("Generating failed: ")
// before the exception's own sentence (core's are English).
//
// Lifetime: a Job has no parent and deletes itself (deleteLater) after its last
// signal; keep a QPointer to it. Never delete a started job yourself.
#pragma once
#include <QObject>
#include <QString>

#include "core/base/progress.h"

class QThreadPool;

namespace sds::ui {

class Job : public QObject {
  Q_OBJECT
 public:
  explicit Job(QString title);
  QString title() const { return title_; }

  void start(QThreadPool& pool);  // once
  void cancel() { cancel_.cancel(); }
  bool isCancelled() const { return cancel_.cancelled(); }

 Q_SIGNALS:
  void progress(double overall, const QString& stage);  // overall in 0..1
  void failed(const QString& message);
  void cancelled();
  void ended();  // after succeeded (the subclass's signal), failed or cancelled

 protected:
  // Runs on a pool thread; emits the subclass's result signal at its end.
  // Throws sds::Error (user-caused), sds::Cancelled, or anything else.
  virtual void execute(const sds::CancelToken& cancel) = 0;
  // A ProgressFn for core calls, forwarding to progress() with the stage's
  // translated label (ui/common/stage_names.h).
  sds::ProgressFn progressFn();

 private:
  void run();

  QString title_;
  sds::CancelToken cancel_;
};

}  // namespace sds::ui
