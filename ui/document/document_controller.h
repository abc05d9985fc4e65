// Owns the open document and loads files into it off the GUI thread. Requests
// made while a load runs are merged and started when it ends, each on top of the
// document the previous one produced.
#pragma once
#include <QObject>
#include <QPointer>

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
  // Replaces the document with one made elsewhere (a generated pair).
  void setDocument(SharedDocument document);

  const SharedDocument& document() const { return document_; }
  bool isLoading() const { return !running_.isNull(); }

 Q_SIGNALS:
  void documentChanged(const sds::ui::SharedDocument& document);
  void loadFailed(const QString& message);
  void jobStarted(sds::ui::Job* job);

 private:
  void startIfIdle();
  void onEnded();

  QThreadPool& pool_;
  SharedDocument document_;
  QString wanted_image_, wanted_depth_;
  QPointer<LoadJob> running_;
  int preview_max_side_ = 1024;
};

}  // namespace sds::ui
