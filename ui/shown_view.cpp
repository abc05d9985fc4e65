#include "ui/shown_view.h"

#include <QFileInfo>
#include <QLabel>

#include "ui/common/display_names.h"
#include "ui/render/render_controller.h"
#include "ui/widgets/disparity_plot.h"
#include "ui/widgets/preview_tabs.h"
#include "ui/widgets/render_controls.h"

namespace sds::ui {

ShownView::ShownView(PreviewTabs* previews, RenderController* renderer, RenderControls* controls,
                     DisparityPlot* plot, QLabel* caption, QObject* parent)
    : QObject(parent), previews_(previews), renderer_(renderer), controls_(controls), plot_(plot), caption_(caption) {}

void ShownView::setSource(const SharedDocument& source) {
  source_ = source;
  if (!result_) apply();
  else caption_->setText(sourceCaption());
}

void ShownView::setResult(const SharedResult& result) {
  result_ = result;
  apply();
}

void ShownView::setParams(const media::RenderParams& params) {
  params_ = params;
  media::RenderParams p = params;
  if (source_) p.depth_kind = source_->depthKind(p.depth_kind);
  renderer_->setParams(p);
}

void ShownView::apply() {
  if (result_) {
    previews_->showInputs(result_->image_preview, result_->depth_preview, true, true);
    renderer_->setSources(result_->sources);
    controls_->setLockedReason(
        tr("A generated pair is shown: Stable Diffusion made its right view, so these render settings do not "
           "apply. Change it with the Generate dock's \"Right view (AI)\" fields, or show the source."));
    caption_->setText(tr("Shown: generated pair (%1)").arg(result_->summary));
  } else {
    const Document* d = source_.get();
    previews_->showInputs(d ? d->image_preview : cv::Mat(), d ? d->depth_preview : cv::Mat(), d && d->sources, false);
    renderer_->setSources(d ? d->sources : nullptr);
    controls_->setLockedReason(d && d->sources ? QString()
                                               : tr("Open a photo and a depth map (or estimate one) to render."));
    caption_->setText(sourceCaption());
    if (!d || !d->sources) plot_->clear();
  }
  controls_->setDepthKindFixed(source_ && source_->active == DepthOrigin::Estimated && !result_
                                   ? tr("An estimated depth map is always relative inverse depth (near is bright).")
                                   : QString());
  setParams(params_);
  // Show the stereo result rather than the inputs once there is one.
  if (canExport() && previews_->currentIndex() <= PreviewTabs::DepthTab)
    previews_->setCurrentIndex(PreviewTabs::SideBySideTab);
  Q_EMIT changed();
}

QString ShownView::sourceCaption() const {
  if (!source_ || !source_->hasImage())
    return source_ && source_->hasDepth() ? tr("Source: a depth map without a photo; open the photo.")
                                          : tr("Source: none; open a photo.");
  const QString photo = QFileInfo(source_->image_path).fileName();
  const DepthMap& depth = source_->depth();
  switch (depth.origin) {
    case DepthOrigin::UserFile:
      return tr("Source: %1 · depth: your file %2 (%3)")
          .arg(photo, QFileInfo(depth.path).fileName(), DisplayNames::depthKind(params_.depth_kind));
    case DepthOrigin::Estimated:
      return tr("Source: %1 · depth: estimated by %2 (near is bright)").arg(photo, depth.model);
    case DepthOrigin::None: break;
  }
  return tr("Source: %1 · no depth map: open one or estimate it (Depth menu).").arg(photo);
}

}  // namespace sds::ui
