// Owns the open source document (photo + depth) and loads files into it off
// the GUI thread. Requests made while a load runs are merged and started when
// it ends, each on top of the document the previous one produced. A depth map
// of another aspect than the photo is held back until the user answers
// depthMismatch() through resolveDepthMismatch() (fit, crop, or cancel).
#pragma once
#include <QObject>
#include <QPointer>
#include <QSize>
#include <optional>

#include "ui/document/depth_fit.h"
#include "ui/document/document.h"

class QThreadPool;

namespace sds::ui {

class Job;
class LoadJob;

class DocumentController : public QObject {
  Q_OBJECT
 public:
  explicit DocumentController(QThreadPool& pool, QObject* parent = nullptr);
  ~DocumentController() override;

  void openImage(const QString& path);
  void openDepth(const QString& path);
  void openPair(const QString& image_path, const QString& depth_path);
  void setPreviewMaxSide(int pixels) { preview_max_side_ = pixels; }
  void cancel();  // drops waiting requests and stops the running load

  // A depth estimate made for `base`: `with_estimate` is base with it, made
  // active. Dropped when another photo is open by now; merged into the
  // document when only its depth choice changed meanwhile.
  void acceptEstimate(const SharedDocument& base, const SharedDocument& with_estimate);
  // Which depth map the render uses: the user's file, the estimate, or none.
  void useDepth(DepthOrigin origin);
  // The answer to depthMismatch(): how to fit the depth map, or nothing (cancel).
  void resolveDepthMismatch(std::optional<DepthFit> how);
  bool awaitsDepthFit() const { return pending_ != nullptr; }

  const SharedDocument& document() const { return document_; }
  bool isLoading() const { return !running_.isNull(); }

 Q_SIGNALS:
  void documentChanged(const sds::ui::SharedDocument& document);
  void photoOpened();  // after documentChanged, when the change brought another photo
  void depthMismatch(QSize photo, QSize depth);
  void loadFailed(const QString& message);
  void jobStarted(sds::ui::Job* job);

 private:
  void startIfIdle();
  void onLoaded(const SharedDocument& doc);
  void publish(SharedDocument doc, bool new_photo);
  void onEnded();

  QThreadPool& pool_;
  SharedDocument document_;
  SharedDocument pending_;  // loaded, waiting for the user's answer on fitting its depth map
  bool pending_new_photo_ = false;
  QString wanted_image_, wanted_depth_;
  QPointer<LoadJob> running_;
  int preview_max_side_ = 1024;
};

}  // namespace sds::ui
