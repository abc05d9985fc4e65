// Says which Stable Diffusion family a model path holds as soon as it is
// chosen or typed, without loading its weights (core/media/sd_model_info.h):
// the probe runs on a pool thread (a header read is quick, a model on a slow
// drive may not be), and only the answer for the newest path is delivered.
#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include "core/media/sd_model_info.h"

namespace sds::ui {

class SdModelDetector : public QObject {
  Q_OBJECT
 public:
  explicit SdModelDetector(QObject* parent = nullptr);

  // Detects `path` once typing pauses (`delay_ms`; 0: at the next event loop
  // turn). An empty path cancels any pending answer.
  void detect(const QString& path, int delay_ms = 0);
  QString path() const { return path_; }
  bool isPending() const;

 Q_SIGNALS:
  void detected(const QString& path, const sds::media::SdModelSummary& summary);

 private:
  void start();
  void finished();

  QString path_;        // the newest path asked for
  QString running_;     // the path the pool thread is reading
  QTimer delay_;
  QFutureWatcher<media::SdModelSummary> watcher_;
};

// The note line for a detected model, in the user's language: "SDXL ·
// diffusers folder · text-to-image · native 1024 px", or why it cannot make pairs.
QString describeModel(const media::SdModelSummary& summary);

}  // namespace sds::ui
