#include "ui/generate/sd_model_detector.h"

#include <QPromise>
#include <QThreadPool>
#include <memory>

namespace sds::ui {

SdModelDetector::SdModelDetector(QObject* parent) : QObject(parent) {
  delay_.setSingleShot(true);
  connect(&delay_, &QTimer::timeout, this, &SdModelDetector::start);
  connect(&watcher_, &QFutureWatcher<media::SdModelSummary>::finished, this, &SdModelDetector::finished);
}

void SdModelDetector::detect(const QString& path, int delay_ms) {
  path_ = path;
  delay_.stop();
  if (path_.isEmpty()) return;
  delay_.start(delay_ms);
}

bool SdModelDetector::isPending() const { return delay_.isActive() || watcher_.isRunning(); }

void SdModelDetector::start() {
  if (watcher_.isRunning()) return;  // finished() starts the newest path once this read ends
  running_ = path_;
  // The pool thread owns the promise; the watcher (a member) only reads its
  // future, so a dock closed mid-read drops the answer safely.
  auto promise = std::make_shared<QPromise<media::SdModelSummary>>();
  watcher_.setFuture(promise->future());
  promise->start();
  const std::string path = running_.toStdString();
  QThreadPool::globalInstance()->start([promise, path] {
    promise->addResult(media::describeSdModel(path));
    promise->finish();
  });
}

void SdModelDetector::finished() {
  if (running_ != path_) {  // the user moved on while it read: read the newest path
    if (!path_.isEmpty() && !delay_.isActive()) start();
    return;
  }
  if (watcher_.future().resultCount() > 0) Q_EMIT detected(running_, watcher_.result());
}

QString describeModel(const media::SdModelSummary& s) {
  using Kind = media::SdModelKind;
  if (!s.readable)
    return SdModelDetector::tr("Not a usable Stable Diffusion model: %1").arg(QString::fromStdString(s.problem));
  switch (s.kind) {
    case Kind::SdxlRefiner:
      return SdModelDetector::tr("An SDXL refiner: not supported; choose an SDXL base model.");
    case Kind::SdxlInpainting:
      return SdModelDetector::tr("An SDXL inpainting checkpoint: not supported; choose an SDXL base model.");
    case Kind::Inpainting:
      return SdModelDetector::tr("An inpainting checkpoint (%1): choose it as the Fill's inpainting model, not to "
                                 "generate.")
          .arg(QString::fromStdString(s.family_name));
    case Kind::TextToImage: break;
  }
  const QString layout = s.layout == media::SdModelLayout::SingleFile ? SdModelDetector::tr("single file")
                                                                       : SdModelDetector::tr("diffusers folder");
  return SdModelDetector::tr("%1 · %2 · text-to-image · native %3 px")
      .arg(QString::fromStdString(s.family_name), layout)
      .arg(s.native_size);
}

}  // namespace sds::ui
