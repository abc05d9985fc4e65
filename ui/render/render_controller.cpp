#include "ui/render/render_controller.h"

namespace sds::ui {

RenderController::RenderController(RenderFn render, QObject* parent)
    : QObject(parent), worker_(new RenderWorker(std::move(render))) {
  qRegisterMetaType<sds::ui::RenderResult>();
  thread_.setObjectName(QStringLiteral("sds-render"));
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &RenderWorker::rendered, this, &RenderController::onRendered);
  connect(worker_, &RenderWorker::cancelled, this, &RenderController::workerDone);
  connect(worker_, &RenderWorker::failed, this, &RenderController::onFailed);
  connect(worker_, &RenderWorker::inpaintStarted, this, &RenderController::onInpaintStarted);
  connect(worker_, &RenderWorker::inpaintProgress, this, [this](quint64 id, double overall) {
    if (id == in_flight_id_ && inpainting_) Q_EMIT inpaintProgress(overall);
  });
  thread_.start();
}

RenderController::~RenderController() {
  in_flight_cancel_.cancel();
  thread_.quit();
  thread_.wait();
}

void RenderController::setSources(SharedSources sources) {
  sources_ = std::move(sources);
  inpaint_wanted_ = true;
  requestRender(true);
}

void RenderController::setParams(const media::RenderParams& params) {
  const bool changed = !(params == params_);
  if (changed) inpaint_wanted_ = true;
  params_ = params;
  requestRender(changed);
}

void RenderController::setFormats(const PreviewFormats& formats) {
  formats_ = formats;
  requestRender(false);
}

void RenderController::setDisplay(const PreviewDisplay& display) {
  display_ = display;
  requestRender(false);
}

void RenderController::cancel() {
  pending_ = false;
  ++latest_id_;  // whatever is running now is stale
  in_flight_cancel_.cancel();
}

void RenderController::cancelInpaint() {
  inpaint_wanted_ = false;
  if (inpainting_) in_flight_cancel_.cancel();
}

void RenderController::requestRender(bool pair_changed) {
  ++latest_id_;
  if (!sources_) {
    pending_ = false;
    in_flight_cancel_.cancel();
    return;
  }
  if (isBusy()) {
    pending_ = true;
    // Its result would be dropped anyway; but minutes of inpainting are kept
    // when only the display changed: the next request composes them again.
    if (pair_changed || !inpainting_) in_flight_cancel_.cancel();
    return;
  }
  dispatch();
}

void RenderController::dispatch() {
  const bool was_busy = isBusy();
  pending_ = false;
  RenderRequest request{latest_id_, sources_, params_, formats_, display_, inpaint_wanted_};
  in_flight_id_ = request.id;
  in_flight_cancel_ = sds::CancelToken();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, request, cancel = in_flight_cancel_] { w->render(request, cancel); },
      Qt::QueuedConnection);
  if (!was_busy) Q_EMIT busyChanged(true);
}

// Called once per request the worker finished, whatever the outcome.
void RenderController::workerDone(quint64 id) {
  if (id != in_flight_id_) return;
  in_flight_id_ = 0;
  setInpainting(false);
  if (pending_ && sources_) {
    dispatch();
    return;
  }
  pending_ = false;
  Q_EMIT busyChanged(false);
}

void RenderController::onRendered(const RenderResult& result) {
  if (result.id == latest_id_) Q_EMIT rendered(result);
  if (!result.partial) workerDone(result.id);
}

void RenderController::onFailed(quint64 id, const QString& message) {
  // A model that cannot inpaint fails once, not on every later redisplay.
  if (inpainting_ && id == in_flight_id_) inpaint_wanted_ = false;
  if (id == latest_id_) Q_EMIT failed(message);
  workerDone(id);
}

void RenderController::onInpaintStarted(quint64 id) {
  if (id == in_flight_id_) setInpainting(true);
}

void RenderController::setInpainting(bool running) {
  if (inpainting_ == running) return;
  inpainting_ = running;
  Q_EMIT inpaintRunning(running);
}

}  // namespace sds::ui
