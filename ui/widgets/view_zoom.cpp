#include "ui/widgets/view_zoom.h"

#include <algorithm>

namespace sds::ui {

namespace {
QPointF clamped(QPointF p) { return {std::clamp(p.x(), 0.0, 1.0), std::clamp(p.y(), 0.0, 1.0)}; }
}  // namespace

void ViewZoom::setState(bool fit, double scale, QPointF center) {
  scale = std::clamp(scale, kMinScale, kMaxScale);
  center = clamped(center);
  if (fit == fit_ && scale == scale_ && center == center_) return;
  const bool fit_changed = fit != fit_;
  fit_ = fit;
  scale_ = scale;
  center_ = center;
  Q_EMIT changed();
  if (fit_changed) Q_EMIT fitChanged(fit_);
}

void ViewZoom::setFit() { setState(true, scale_, {0.5, 0.5}); }

void ViewZoom::setScale(double scale) { setState(false, scale, center_); }

void ViewZoom::setCenter(QPointF center) { setState(fit_, scale_, center); }

void ViewZoom::zoomAt(double factor, QPointF anchor, QPointF anchor_offset, double fit_scale) {
  const double from = fit_ ? fit_scale : scale_;
  const double to = std::clamp(from * factor, kMinScale, kMaxScale);
  // Zooming out past the fitting scale returns to fit: nothing is gained by a
  // picture smaller than the view.
  if (factor < 1 && to <= fit_scale) {
    setFit();
    return;
  }
  // The anchor stays under the cursor: cursor - centre = (anchor - center) x
  // picture size x scale, and anchor_offset is (cursor - centre) / picture size.
  const QPointF center = anchor - anchor_offset / to;
  setState(false, to, center);
}

}  // namespace sds::ui
