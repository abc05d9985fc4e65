// The zoom and pan that every preview tab shares, so switching between the
// photo, the depth map and the stereo views keeps the same part of the picture
// on screen. State: "fit" (the whole picture in the view), or a scale in device
// pixels per picture pixel (1 = actual pixels) with the picture point shown at
// the view's centre, in picture coordinates normalised to [0, 1].
#pragma once
#include <QObject>
#include <QPointF>

namespace sds::ui {

class ViewZoom : public QObject {
  Q_OBJECT
 public:
  static constexpr double kMinScale = 1.0 / 32;
  static constexpr double kMaxScale = 32;
  static constexpr double kStep = 1.25;  // one wheel notch or one Zoom In

  explicit ViewZoom(QObject* parent = nullptr) : QObject(parent) {}

  bool isFit() const { return fit_; }
  // Device pixels per picture pixel; meaningful when !isFit().
  double scale() const { return scale_; }
  QPointF center() const { return center_; }

  void setFit();
  // Clamped to [kMinScale, kMaxScale]; keeps the centre.
  void setScale(double scale);
  // Zooms by `factor` keeping the picture point `anchor` (normalised) under the
  // same place of the view: `anchor_offset` is that place minus the view's
  // centre in device pixels, divided by the picture's size in pixels (per axis).
  // `fit_scale` is the scale fit mode shows now; zooming out below it fits.
  void zoomAt(double factor, QPointF anchor, QPointF anchor_offset, double fit_scale);
  void setCenter(QPointF center);  // clamped to [0, 1]

 Q_SIGNALS:
  void changed();
  void fitChanged(bool fit);  // the render resolution depends on it

 private:
  void setState(bool fit, double scale, QPointF center);

  bool fit_ = true;
  double scale_ = 1;
  QPointF center_{0.5, 0.5};
};

}  // namespace sds::ui
