#include "ui/widgets/image_view.h"

#include <QGestureEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/widgets/view_zoom.h"

namespace sds::ui {

ImageView::ImageView(QWidget* parent) : QAbstractScrollArea(parent), own_zoom_(new ViewZoom(this)) {
  setMinimumSize(160, 120);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setFrameShape(QFrame::NoFrame);
  viewport()->setBackgroundRole(QPalette::Dark);
  viewport()->setAutoFillBackground(true);
  viewport()->grabGesture(Qt::PinchGesture);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  setZoom(own_zoom_);
}

void ImageView::setZoom(ViewZoom* zoom) {
  if (zoom_) disconnect(zoom_, nullptr, this, nullptr);
  zoom_ = zoom ? zoom : own_zoom_;
  connect(zoom_, &ViewZoom::changed, this, [this] {
    syncScrollBars();
    viewport()->update();
  });
  syncScrollBars();
  viewport()->update();
}

void ImageView::setImage(const QImage& image) {
  image_ = image;
  fitted_ = QPixmap();
  syncScrollBars();
  viewport()->update();
}

void ImageView::setPlaceholderText(const QString& text) {
  placeholder_ = text;
  viewport()->update();
}

double ImageView::fitScale() const {
  if (image_.isNull()) return 1;
  const double dpr = devicePixelRatioF();
  const QSizeF view = QSizeF(viewport()->size()) * dpr;
  return std::min(view.width() / image_.width(), view.height() / image_.height());
}

double ImageView::currentScale() const { return zoom_->isFit() ? fitScale() : zoom_->scale(); }

QRectF ImageView::pictureRect() const {
  if (image_.isNull()) return {};
  const double dpr = devicePixelRatioF();
  const QSizeF size = QSizeF(image_.size()) * (currentScale() / dpr);
  const QSizeF view = viewport()->size();
  auto axis = [](double picture, double viewLen, double centre) {
    if (picture <= viewLen) return (viewLen - picture) / 2;  // smaller than the view: centred
    const double offset = viewLen / 2 - centre * picture;
    return std::clamp(offset, viewLen - picture, 0.0);      // never a gap at an edge
  };
  const QPointF c = zoom_->isFit() ? QPointF(0.5, 0.5) : zoom_->center();
  QPointF top_left(axis(size.width(), view.width(), c.x()), axis(size.height(), view.height(), c.y()));
  // Whole device pixels, so a scale of 1 maps each picture pixel to one device pixel.
  top_left = QPointF(std::round(top_left.x() * dpr) / dpr, std::round(top_left.y() * dpr) / dpr);
  return {top_left, size};
}

void ImageView::resizeEvent(QResizeEvent* event) {
  QAbstractScrollArea::resizeEvent(event);
  fitted_ = QPixmap();
  syncScrollBars();
  Q_EMIT resized();
}

void ImageView::paintEvent(QPaintEvent*) {
  QPainter painter(viewport());
  if (image_.isNull()) {
    painter.setPen(palette().color(QPalette::BrightText));
    painter.drawText(viewport()->rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
    return;
  }
  const QRectF target = pictureRect();
  if (zoom_->isFit()) {
    if (fitted_.isNull()) {
      const QSize fit = (target.size() * devicePixelRatioF()).toSize();
      fitted_ = QPixmap::fromImage(fit.width() < image_.width()
                                       ? image_.scaled(fit, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                       : image_);
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawPixmap(target, fitted_, QRectF(fitted_.rect()));
    return;
  }
  // Only the visible part, mapped back to picture pixels (one pixel of margin so
  // partly visible pixels are drawn whole).
  const QRectF visible = target.intersected(QRectF(viewport()->rect()));
  if (visible.isEmpty()) return;
  const double k = image_.width() / target.width();
  QRectF source((visible.left() - target.left()) * k, (visible.top() - target.top()) * k, visible.width() * k,
                visible.height() * k);
  const QRect whole = source.toAlignedRect().intersected(image_.rect());
  const QRectF drawn(target.left() + whole.left() / k, target.top() + whole.top() / k, whole.width() / k,
                     whole.height() / k);
  // Magnified pictures show their pixels as blocks (nothing invented); shrunk
  // ones are smoothed.
  painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom_->scale() < 1);
  painter.drawImage(drawn, image_, QRectF(whole));
}

void ImageView::zoomAtViewportPoint(double factor, QPointF pos) {
  if (image_.isNull()) return;
  const QRectF picture = pictureRect();
  const QPointF anchor((pos.x() - picture.left()) / picture.width(), (pos.y() - picture.top()) / picture.height());
  const QPointF centre = QRectF(viewport()->rect()).center();
  const double dpr = devicePixelRatioF();
  const QPointF offset((pos.x() - centre.x()) * dpr / image_.width(), (pos.y() - centre.y()) * dpr / image_.height());
  zoom_->zoomAt(factor, QPointF(std::clamp(anchor.x(), 0.0, 1.0), std::clamp(anchor.y(), 0.0, 1.0)), offset,
                fitScale());
}

void ImageView::wheelEvent(QWheelEvent* event) {
  const int delta = event->angleDelta().y();
  if (delta == 0 || image_.isNull()) return QAbstractScrollArea::wheelEvent(event);
  zoomAtViewportPoint(std::pow(ViewZoom::kStep, delta / 120.0), event->position());
  event->accept();
}

void ImageView::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || zoom_->isFit()) return QAbstractScrollArea::mousePressEvent(event);
  dragging_ = true;
  drag_from_ = event->position().toPoint();
  viewport()->setCursor(Qt::ClosedHandCursor);
}

void ImageView::mouseMoveEvent(QMouseEvent* event) {
  if (!dragging_) return QAbstractScrollArea::mouseMoveEvent(event);
  const QPoint now = event->position().toPoint();
  const QSizeF picture = pictureRect().size();
  const QPoint moved = now - drag_from_;
  drag_from_ = now;
  const QPointF c = zoom_->center();
  zoom_->setCenter(QPointF(c.x() - moved.x() / picture.width(), c.y() - moved.y() / picture.height()));
}

void ImageView::mouseReleaseEvent(QMouseEvent* event) {
  if (!dragging_) return QAbstractScrollArea::mouseReleaseEvent(event);
  dragging_ = false;
  viewport()->unsetCursor();
}

// Double click: actual pixels at that point, or back to fit.
void ImageView::mouseDoubleClickEvent(QMouseEvent* event) {
  if (image_.isNull()) return;
  if (!zoom_->isFit()) {
    zoom_->setFit();
    return;
  }
  zoomAtViewportPoint(1.0 / fitScale(), event->position());
}

bool ImageView::viewportEvent(QEvent* event) {
  if (event->type() == QEvent::NativeGesture) {  // trackpad pinch
    auto* gesture = static_cast<QNativeGestureEvent*>(event);
    if (gesture->gestureType() == Qt::ZoomNativeGesture) {
      zoomAtViewportPoint(1 + gesture->value(), viewport()->mapFromGlobal(gesture->globalPosition()));
      return true;
    }
  }
  if (event->type() == QEvent::Gesture) {  // touch screen pinch
    auto* gestures = static_cast<QGestureEvent*>(event);
    if (auto* pinch = static_cast<QPinchGesture*>(gestures->gesture(Qt::PinchGesture))) {
      if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
        zoomAtViewportPoint(pinch->scaleFactor(), viewport()->mapFromGlobal(pinch->centerPoint()));
      return true;
    }
  }
  return QAbstractScrollArea::viewportEvent(event);
}

// Scroll bars mirror the zoom state; moving one moves the shared centre.
void ImageView::syncScrollBars() {
  syncing_ = true;
  const QRectF picture = pictureRect();
  const QSize view = viewport()->size();
  const bool zoomed = !zoom_->isFit() && !image_.isNull();
  const int h_range = zoomed ? std::max(0, int(std::ceil(picture.width())) - view.width()) : 0;
  const int v_range = zoomed ? std::max(0, int(std::ceil(picture.height())) - view.height()) : 0;
  horizontalScrollBar()->setRange(0, h_range);
  verticalScrollBar()->setRange(0, v_range);
  horizontalScrollBar()->setPageStep(view.width());
  verticalScrollBar()->setPageStep(view.height());
  horizontalScrollBar()->setValue(int(std::round(-picture.left())));
  verticalScrollBar()->setValue(int(std::round(-picture.top())));
  syncing_ = false;
}

void ImageView::scrollContentsBy(int, int) {
  if (syncing_ || zoom_->isFit() || image_.isNull()) return;
  const QSizeF picture = pictureRect().size();
  const QSize view = viewport()->size();
  QPointF c = zoom_->center();
  if (horizontalScrollBar()->maximum() > 0)
    c.setX((horizontalScrollBar()->value() + view.width() / 2.0) / picture.width());
  if (verticalScrollBar()->maximum() > 0)
    c.setY((verticalScrollBar()->value() + view.height() / 2.0) / picture.height());
  zoom_->setCenter(c);
}

}  // namespace sds::ui
