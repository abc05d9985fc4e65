// Runs generations one at a time on a thread of its own, never blocking the GUI
// thread. It owns the Generator (and so the loaded models, kept between runs),
// hands each run to a GenerationJob, and reports the outcome: a new result,
// a failure sentence, or the cancellation.
#pragma once
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <memory>

#include "core/media/generation.h"
#include "ui/results/pair_result.h"
#include "ui/jobs/job.h"

namespace sds::ui {

class GenerationJob;

class GenerationController : public QObject {
  Q_OBJECT
 public:
  explicit GenerationController(QObject* parent = nullptr);
  ~GenerationController() override;  // cancels a run and waits for it

  // Starts a run; false (and nothing happens) while one is running.
  bool start(const media::GeneratorModels& models, const media::GenerationRequest& request);
  void cancel();  // the run stops at its next step and reports cancelled()
  bool isBusy() const { return !running_.isNull(); }

 Q_SIGNALS:
  void jobStarted(sds::ui::Job* job);
  void progressed(double overall, const QString& stage);  // overall in 0..1
  void stepped(const sds::Progress& progress);            // the full record (GenerationJob::stepped)
  void previewed(const QImage& image);                    // the work in progress
  void generated(const sds::ui::SharedResult& result);
  void failed(const QString& message);
  void cancelled();
  void busyChanged(bool busy);

 private:
  void onEnded();

  QThreadPool pool_;  // one thread: the Generator is used by one run at a time
  std::shared_ptr<media::Generator> generator_;
  QPointer<GenerationJob> running_;
};

}  // namespace sds::ui
