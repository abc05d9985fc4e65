// Wiggle stereoscopy: the left and right views shown in turn, a few times a
// second. Depth reads from the motion without glasses; the usual way to judge a
// pair on any screen. The timer runs only while the view is visible.
#pragma once
#include <QImage>
#include <QTimer>
#include <QWidget>

class QSpinBox;

namespace sds::ui {

class ImageView;
class ViewZoom;

class WiggleView : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kDefaultIntervalMs = 140;  // about 3.5 full cycles a second

  explicit WiggleView(QWidget* parent = nullptr);

  void setViews(const QImage& left, const QImage& right);
  void setZoom(ViewZoom* zoom);
  void setPlaceholderText(const QString& text);
  int intervalMs() const;
  void setIntervalMs(int ms);
  bool isRunning() const { return timer_.isActive(); }
  bool showsLeft() const { return showing_left_; }
  ImageView* view() const { return view_; }

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  void toggle();
  void startIfReady();

  ImageView* view_;
  QSpinBox* interval_;
  QTimer timer_;
  QImage left_, right_;
  bool showing_left_ = true;
};

}  // namespace sds::ui
