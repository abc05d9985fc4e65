// Shows one picture: fitted to the view, or zoomed and panned (wheel or pinch to
// zoom at the cursor, drag or scroll bars to pan). The zoom state can be shared
// between views (ViewZoom). At a scale of 1 each picture pixel is one device
// pixel, drawn without smoothing, so what is shown is exactly what is there.
#pragma once
#include <QAbstractScrollArea>
#include <QImage>
#include <QPixmap>
#include <QPointer>

#include "ui/widgets/view_zoom.h"

namespace sds::ui {


class ImageView : public QAbstractScrollArea {
  Q_OBJECT
 public:
  explicit ImageView(QWidget* parent = nullptr);

  void setImage(const QImage& image);
  const QImage& image() const { return image_; }
  void setPlaceholderText(const QString& text);

  // Shares `zoom` (not owned) instead of the view's own.
  void setZoom(ViewZoom* zoom);
  ViewZoom* zoom() const { return zoom_; }
  // Device pixels per picture pixel as drawn now (fit or zoomed), and in fit mode.
  double currentScale() const;
  double fitScale() const;
  // The picture rectangle in viewport coordinates (logical pixels).
  QRectF pictureRect() const;

 Q_SIGNALS:
  void resized();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  bool viewportEvent(QEvent* event) override;
  void scrollContentsBy(int dx, int dy) override;

 private:
  void zoomAtViewportPoint(double factor, QPointF viewport_pos);
  void syncScrollBars();

  QImage image_;
  QPixmap fitted_;  // image_ smoothed down to the fit size, made on demand
  QString placeholder_;
  ViewZoom* own_zoom_;
  QPointer<ViewZoom> zoom_;
  QPoint drag_from_;
  bool dragging_ = false;
  bool syncing_ = false;  // scroll bars being set from the zoom state
};

}  // namespace sds::ui
