// Depth > Estimate Depth: runs the chosen depth model on the source photo on a
// thread of its own (progress and cancel through the job), and lets the user
// choose which depth map the render uses: their own file or the estimate (the
// estimate never replaces the file). Optionally estimates every opened photo.
#pragma once
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <functional>
#include <memory>

#include "ui/depth/depth_estimate_job.h"
#include "ui/document/document.h"

class QAction;
class QActionGroup;
class QSettings;

namespace sds::ui {

class DocumentController;

struct DepthModelChoice {
  QString path;    // Depth Anything folder or .safetensors; empty: none chosen
  QString device = QStringLiteral("cpu");
  Precision precision = kDefaultPrecision;
  double fov_degrees = 60.0;  // metric models, when the photo's EXIF gives no focal length
};

class DepthEstimateController : public QObject {
  Q_OBJECT
 public:
  DepthEstimateController(DocumentController& documents, QSettings& settings, QObject* parent = nullptr);
  ~DepthEstimateController() override;  // cancels a run and waits for it

  void setModelChoice(std::function<DepthModelChoice()> choice) { choice_ = std::move(choice); }

  QAction* estimateAction() const { return estimate_; }
  QAction* useFileAction() const { return use_file_; }
  QAction* useEstimateAction() const { return use_estimate_; }
  QAction* estimateOnOpenAction() const { return on_open_; }

  void estimate();  // on the open photo; failed() says why when it cannot start
  void cancel();
  bool isBusy() const { return !running_.isNull(); }

 Q_SIGNALS:
  void started();
  void jobStarted(sds::ui::Job* job);
  void estimated(const QString& message);
  void failed(const QString& message);

 private:
  void onPhotoOpened();
  void updateActions();
  QString cancelledMessage() const;

  DocumentController& documents_;
  QSettings& settings_;
  QThreadPool pool_;  // one thread: the model is used by one run at a time
  std::shared_ptr<DepthModelCache> cache_ = std::make_shared<DepthModelCache>();
  std::function<DepthModelChoice()> choice_;
  QPointer<DepthEstimateJob> running_;
  bool cancel_requested_ = false;
  QAction* estimate_;
  QAction* use_file_;
  QAction* use_estimate_;
  QAction* on_open_;
  QActionGroup* which_;
};

}  // namespace sds::ui
