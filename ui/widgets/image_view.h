// Shows one image scaled to fit, centred, with a hint when there is none.
#pragma once
#include <QImage>
#include <QPixmap>
#include <QWidget>

namespace sds::ui {

class ImageView : public QWidget {
  Q_OBJECT
 public:
  explicit ImageView(QWidget* parent = nullptr);

  void setImage(const QImage& image);
  const QImage& image() const { return image_; }
  void setPlaceholderText(const QString& text);

 Q_SIGNALS:
  void resized();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  QImage image_;
  QPixmap scaled_;  // image_ at the current fit size, made on demand
  QString placeholder_;
};

}  // namespace sds::ui
