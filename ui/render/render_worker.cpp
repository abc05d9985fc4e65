#include "ui/render/render_worker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <exception>
#include <tuple>
#include <utility>

#include <opencv2/imgproc.hpp>

#include "ui/render/disparity_stats.h"

namespace sds::ui {
namespace {

// Both views shrunk so that `across` of them side by side fit into `limit`.
std::pair<cv::Mat, cv::Mat> fitted(const media::StereoPair& pair, cv::Size limit, int across) {
  if (limit.empty()) return {pair.left, pair.right};
  const double f = std::min({1.0, double(limit.width) / (across * pair.left.cols), double(limit.height) / pair.left.rows});
  if (f >= 1.0) return {pair.left, pair.right};
  const cv::Size size(std::max(1, int(pair.left.cols * f)), std::max(1, int(pair.left.rows * f)));
  cv::Mat l, r;
  cv::resize(pair.left, l, size, 0, 0, cv::INTER_AREA);
  cv::resize(pair.right, r, size, 0, 0, cv::INTER_AREA);
  return {l, r};
}

int viewsAcross(media::StereoFormat f) {
  return f == media::StereoFormat::SbsParallel || f == media::StereoFormat::SbsCross ? 2 : 1;
}

// A slider move must stay fast: the preview renders without the costly
// texture fill (media::RenderParams::texture_fill); the export uses it.
media::RenderParams previewParams(const media::RenderParams& params) {
  media::RenderParams preview = params;
  preview.texture_fill = false;
  return preview;
}

}  // namespace

RenderWorker::RenderWorker(RenderFn render) : render_(std::move(render)) {
  if (!render_) render_ = &media::renderStereo;
}

void RenderWorker::render(const RenderRequest& request, const sds::CancelToken& cancel) {
  try {
    renderOrThrow(request, cancel);
  } catch (const sds::Cancelled&) {
    Q_EMIT cancelled(request.id);
  } catch (const std::exception& e) {
    Q_EMIT failed(request.id, QCoreApplication::translate("sds::ui::RenderWorker", "Rendering failed: %1")
                                  .arg(QString::fromStdString(e.what())));
  }
}

bool RenderWorker::cached(const RenderRequest& request) const {
  return request.sources == cached_sources_ && request.params == cached_params_;
}

void RenderWorker::renderOrThrow(const RenderRequest& request, const sds::CancelToken& cancel) {
  QElapsedTimer timer;
  timer.start();
  cancel.throwIfCancelled();
  const bool fresh = !cached(request);
  if (fresh) renderFast(request, cancel);
  const bool inpaint = request.inpaint && request.params.fill == media::FillMode::Inpaint &&
                       request.sources->right.empty() && !cached_inpainted_;
  if (inpaint) {
    // The fast fill shows at once; the model's result replaces it when done.
    // A cancel or a failure keeps the fast pair (cached) on screen.
    if (fresh) {
      RenderResult first = composed(request, true, double(timer.nsecsElapsed()) / 1e6);
      first.partial = true;
      Q_EMIT rendered(first);
    }
    inpaintCached(request, cancel);
  }
  Q_EMIT rendered(composed(request, fresh || inpaint, double(timer.nsecsElapsed()) / 1e6));
}

void RenderWorker::renderFast(const RenderRequest& request, const sds::CancelToken& cancel) {
  const RenderSources& src = *request.sources;
  cached_sources_.reset();  // a failed or cancelled render leaves no stale cache
  media::StereoPair pair;
  if (src.right.empty()) {
    // The inpainting fill starts from the background fill (inpaintCached).
    media::RenderParams preview = previewParams(request.params);
    if (preview.fill == media::FillMode::Inpaint) preview.fill = media::FillMode::Background;
    pair = render_(src.image, src.depthFor(request.params.depth_kind), preview);
  } else {
    pair.left = src.image;
    pair.right = src.right;
    pair.disparity_px = src.disparity_px;  // what the finished pair was made with, when known
  }
  cancel.throwIfCancelled();
  cached_histogram_ = disparityHistogram(pair.disparity_px, src.preview_to_full);
  cached_pair_ = pair;
  cached_inpainted_ = false;
  cached_params_ = request.params;
  cached_sources_ = request.sources;
}

// The preview's holes filled by the inpainting model (HoleInpainter keeps it
// loaded); progress and cancel at every denoising step.
void RenderWorker::inpaintCached(const RenderRequest& request, const sds::CancelToken& cancel) {
  const RenderSources& src = *request.sources;
  Q_EMIT inpaintStarted(request.id);
  const media::InpaintSettings settings = media::inpaintSettingsFor(request.params);
  if (!inpainter_) inpainter_ = std::make_unique<media::HoleInpainter>();
  const quint64 id = request.id;
  const auto progress = [this, id](const sds::Progress& p) { Q_EMIT inpaintProgress(id, p.overall); };
  media::StereoPair pair =
      media::renderStereoInpainted(src.image, src.depthFor(request.params.depth_kind), previewParams(request.params),
                                   *inpainter_, settings, progress, cancel);
  cancel.throwIfCancelled();
  cached_pair_ = pair;
  cached_inpainted_ = true;
}

RenderResult RenderWorker::composed(const RenderRequest& request, bool rendered, double render_ms) const {
  RenderResult r;
  r.rendered = rendered;
  r.inpainted = cached_inpainted_;
  r.id = request.id;
  r.params = request.params;
  r.formats = request.formats;
  r.preview_size = cached_pair_.left.size();
  const PreviewDisplay& d = request.display;
  media::StereoPair shown = cached_pair_;
  if (request.formats.swap_eyes) std::swap(shown.left, shown.right);
  if (d.side_by_side) {
    const auto [l, rr] = fitted(shown, d.limit, viewsAcross(request.formats.side_by_side));
    r.side_by_side = media::composeStereo(l, rr, request.formats.side_by_side);
  }
  if (d.anaglyph) {
    const auto [l, rr] = fitted(shown, d.limit, 1);
    r.anaglyph = media::composeStereo(l, rr, request.formats.anaglyph);
  }
  if (d.wiggle) std::tie(r.left, r.right) = fitted(shown, d.limit, 1);
  r.histogram = cached_histogram_;
  r.render_ms = render_ms;
  return r;
}

}  // namespace sds::ui
