// The previews: photo, depth map, side by side and anaglyph, one tab each. The
// stereo tabs choose their own variant (parallel/cross, anaglyph kind).
#pragma once
#include <QTabWidget>

#include <opencv2/core.hpp>

#include "ui/render/render_types.h"

class QComboBox;

namespace sds::ui {

class ImageView;

class PreviewTabs : public QTabWidget {
  Q_OBJECT
 public:
  enum Tab { PhotoTab, DepthTab, SideBySideTab, AnaglyphTab };

  explicit PreviewTabs(QWidget* parent = nullptr);

  // The inputs' previews: the source's photo and depth map, or a result's left
  // view and the disparity it was made with (the tabs say which). `has_pair`:
  // the stereo tabs will get results; otherwise they are cleared.
  void showInputs(const cv::Mat& image, const cv::Mat& depth, bool has_pair, bool is_result);
  void showResult(const RenderResult& result);
  ImageView* view(Tab tab) const;

  // The stereo view on screen and its size in device pixels.
  PreviewDisplay display() const;
  PreviewFormats formats() const;
  void setFormats(const PreviewFormats& formats);  // emits formatsChanged when it changes

 Q_SIGNALS:
  void formatsChanged(const sds::ui::PreviewFormats& formats);
  void displayChanged(const sds::ui::PreviewDisplay& display);

 private:
  QWidget* stereoPage(ImageView* view, QComboBox* variant, const QString& label);
  void emitFormats();
  void emitDisplay();

  ImageView* photo_;
  ImageView* depth_;
  ImageView* side_by_side_;
  ImageView* anaglyph_;
  QComboBox* sbs_variant_;
  QComboBox* anaglyph_variant_;
};

}  // namespace sds::ui
