#include "ui/render/render_worker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <exception>

#include "ui/render/disparity_stats.h"

namespace sds::ui {

RenderWorker::RenderWorker(RenderFn render) : render_(std::move(render)) {
  if (!render_) render_ = &media::renderStereo;
}

void RenderWorker::render(const RenderRequest& request, const sds::CancelToken& cancel) {
  try {
    Q_EMIT rendered(renderOrThrow(request, cancel));
  } catch (const sds::Cancelled&) {
    Q_EMIT cancelled(request.id);
  } catch (const std::exception& e) {
    Q_EMIT failed(request.id, QCoreApplication::translate("sds::ui::RenderWorker", "Rendering failed: %1")
                                  .arg(QString::fromStdString(e.what())));
  }
}

RenderResult RenderWorker::renderOrThrow(const RenderRequest& request, const sds::CancelToken& cancel) const {
  QElapsedTimer timer;
  timer.start();
  cancel.throwIfCancelled();
  const RenderSources& src = *request.sources;
  media::StereoPair pair;
  if (src.right.empty()) {
    pair = render_(src.image, src.depthFor(request.params.depth_kind), request.params);
  } else {
    pair.left = src.image;
    pair.right = src.right;
  }
  cancel.throwIfCancelled();

  RenderResult r;
  r.id = request.id;
  r.params = request.params;
  r.formats = request.formats;
  r.left = pair.left;
  r.right = pair.right;
  r.side_by_side = media::composeStereo(pair.left, pair.right, request.formats.side_by_side);
  r.anaglyph = media::composeStereo(pair.left, pair.right, request.formats.anaglyph);
  cancel.throwIfCancelled();
  r.histogram = disparityHistogram(pair.disparity_px, src.preview_to_full);
  r.render_ms = double(timer.nsecsElapsed()) / 1e6;
  return r;
}

}  // namespace sds::ui
