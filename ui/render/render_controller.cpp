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
  thread_.start();
}

RenderController::~RenderController() {
  in_flight_cancel_.cancel();
  thread_.quit();
  thread_.wait();
}

void RenderController::setSources(SharedSources sources) {
  sources_ = std::move(sources);
  requestRender();
}

void RenderController::setParams(const media::RenderParams& params) {
  params_ = params;
  requestRender();
}

void RenderController::setFormats(const PreviewFormats& formats) {
  formats_ = formats;
  requestRender();
}

void RenderController::setDisplay(const PreviewDisplay& display) {
  display_ = display;
  requestRender();
}

void RenderController::cancel() {
  pending_ = false;
  ++latest_id_;  // whatever is running now is stale
  in_flight_cancel_.cancel();
}

void RenderController::requestRender() {
  ++latest_id_;
  if (!sources_) {
    pending_ = false;
    in_flight_cancel_.cancel();
    return;
  }
  if (isBusy()) {
    pending_ = true;
    in_flight_cancel_.cancel();  // its result would be dropped anyway
    return;
  }
  dispatch();
}

void RenderController::dispatch() {
  const bool was_busy = isBusy();
  pending_ = false;
  RenderRequest request{latest_id_, sources_, params_, formats_, display_};
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
  if (pending_ && sources_) {
    dispatch();
    return;
  }
  pending_ = false;
  Q_EMIT busyChanged(false);
}

void RenderController::onRendered(const RenderResult& result) {
  if (result.id == latest_id_) Q_EMIT rendered(result);
  workerDone(result.id);
}

void RenderController::onFailed(quint64 id, const QString& message) {
  if (id == latest_id_) Q_EMIT failed(message);
  workerDone(id);
}

}  // namespace sds::ui
