// Live preview rendering without blocking the GUI: the GUI thread states what it
// wants (sources, parameters, preview formats) and the controller keeps one
// request at a time on the worker thread. Requests made while the worker is busy
// are coalesced into one, the newest; results of superseded requests are
// dropped, so the latest slider value always wins.
#pragma once
#include <QObject>
#include <QThread>

#include "core/base/progress.h"
#include "ui/render/render_types.h"
#include "ui/render/render_worker.h"

namespace sds::ui {

class RenderController : public QObject {
  Q_OBJECT
 public:
  explicit RenderController(RenderFn render = {}, QObject* parent = nullptr);
  ~RenderController() override;

  void setSources(SharedSources sources);  // null: nothing to render
  void setParams(const media::RenderParams& params);
  void setFormats(const PreviewFormats& formats);
  void setDisplay(const PreviewDisplay& display);  // a change only composes again
  const media::RenderParams& params() const { return params_; }
  const PreviewFormats& formats() const { return formats_; }
  bool hasSources() const { return sources_ != nullptr; }

  // Drops the waiting request and stops the running one at its next check;
  // nothing is rendered until the next change.
  void cancel();
  bool isBusy() const { return in_flight_id_ != 0; }
  // Stops the inpainting model (fill Inpaint) and keeps the fast fill on
  // screen; the model runs again when the sources or the parameters change.
  void cancelInpaint();
  bool isInpainting() const { return inpainting_; }

 Q_SIGNALS:
  void rendered(const sds::ui::RenderResult& result);  // the newest request's result only
  void failed(const QString& message);
  void busyChanged(bool busy);
  void inpaintRunning(bool running);
  void inpaintProgress(double overall);  // 0..1

 private:
  // pair_changed: the sources or the parameters changed (not only the display).
  void requestRender(bool pair_changed);
  void dispatch();
  void workerDone(quint64 id);
  void onRendered(const sds::ui::RenderResult& result);
  void onFailed(quint64 id, const QString& message);
  void onInpaintStarted(quint64 id);
  void setInpainting(bool running);

  QThread thread_;
  RenderWorker* worker_ = nullptr;  // lives in thread_, deleted when it finishes
  SharedSources sources_;
  media::RenderParams params_;
  PreviewFormats formats_;
  PreviewDisplay display_;
  quint64 latest_id_ = 0;     // id of the newest request
  quint64 in_flight_id_ = 0;  // the worker's current request, 0 when idle
  bool pending_ = false;      // a newer request waits for the worker
  bool inpaint_wanted_ = true;  // fill Inpaint: run the model (not after a cancel or failure, until a change)
  bool inpainting_ = false;     // the worker's current request runs the model
  sds::CancelToken in_flight_cancel_;
};

}  // namespace sds::ui
