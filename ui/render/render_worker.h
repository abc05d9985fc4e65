// The studio's render worker: lives in its own QThread, renders one request at a
// time at preview resolution and composes the preview formats. It never touches
// a widget; results travel back as value structs.
#pragma once
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "core/media/inpaint_fill.h"
#include "core/media/stereo_render.h"
#include "core/base/progress.h"
#include "ui/render/render_types.h"

namespace sds::ui {

// The renderer itself; a seam so tests can stand in a slow or gated one.
using RenderFn = std::function<media::StereoPair(const cv::Mat& image, const cv::Mat& depth,
                                                 const media::RenderParams& params)>;

class RenderWorker : public QObject {
  Q_OBJECT
 public:
  explicit RenderWorker(RenderFn render);

  // Runs on the worker thread. Checks `cancel` between stages.
  void render(const RenderRequest& request, const sds::CancelToken& cancel);

 Q_SIGNALS:
  void rendered(const sds::ui::RenderResult& result);  // result.partial: more follows for this id
  void inpaintStarted(quint64 id);
  void inpaintProgress(quint64 id, double overall);
  void cancelled(quint64 id);
  void failed(quint64 id, const QString& message);

 private:
  void renderOrThrow(const RenderRequest& request, const sds::CancelToken& cancel);
  void renderFast(const RenderRequest& request, const sds::CancelToken& cancel);
  void inpaintCached(const RenderRequest& request, const sds::CancelToken& cancel);
  RenderResult composed(const RenderRequest& request, bool rendered, double render_ms) const;
  bool cached(const RenderRequest& request) const;

  RenderFn render_;
  // The last rendered pair: a request that changes only what is displayed is
  // composed from it without rendering again. Worker-thread only.
  SharedSources cached_sources_;
  media::RenderParams cached_params_;
  media::StereoPair cached_pair_;
  bool cached_inpainted_ = false;  // cached_pair_'s holes were filled by the model
  DisparityHistogram cached_histogram_;
  // Keeps the inpainting model loaded between runs (worker-thread only).
  std::unique_ptr<media::HoleInpainter> inpainter_;
};

}  // namespace sds::ui
