#include "ui/widgets/image_view.h"

#include <QPainter>

namespace sds::ui {

ImageView::ImageView(QWidget* parent) : QWidget(parent) {
  setMinimumSize(160, 120);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setBackgroundRole(QPalette::Dark);
  setAutoFillBackground(true);
}

void ImageView::setImage(const QImage& image) {
  image_ = image;
  scaled_ = QPixmap();
  update();
}

void ImageView::setPlaceholderText(const QString& text) {
  placeholder_ = text;
  update();
}

void ImageView::resizeEvent(QResizeEvent*) {
  scaled_ = QPixmap();
  Q_EMIT resized();
}

void ImageView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  if (image_.isNull()) {
    painter.setPen(palette().color(QPalette::BrightText));
    painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
    return;
  }
  if (scaled_.isNull()) {
    const QSize fit = image_.size().scaled(size(), Qt::KeepAspectRatio);
    scaled_ = QPixmap::fromImage(fit.width() < image_.width()
                                     ? image_.scaled(fit, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                     : image_);
  }
  QRect target(QPoint(), scaled_.size().scaled(size(), Qt::KeepAspectRatio));
  target.moveCenter(rect().center());
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.drawPixmap(target, scaled_);
}

}  // namespace sds::ui
