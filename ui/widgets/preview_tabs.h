// The previews: photo, depth map, side by side, anaglyph, wiggle, and photo and
// depth side by side, one tab each. Every tab shares one zoom and pan
// (ViewZoom), so switching tabs keeps the same part of the picture on screen.
// The stereo tabs choose their own variant (parallel/cross, anaglyph kind);
// "Swap eyes" exchanges the views in every stereo preview.
#pragma once
#include <QList>
#include <QTabWidget>

#include <opencv2/core.hpp>

#include "ui/render/render_types.h"

class QAction;
class QCheckBox;
class QComboBox;

namespace sds::ui {

class ImageView;
class ViewZoom;
class WiggleView;

class PreviewTabs : public QTabWidget {
  Q_OBJECT
 public:
  enum Tab { PhotoTab, DepthTab, SideBySideTab, AnaglyphTab, WiggleTab, SplitTab };

  explicit PreviewTabs(QWidget* parent = nullptr);

  // The inputs' previews: the source's photo and depth map, or a result's left
  // view and the disparity it was made with (the tabs say which). `has_pair`:
  // the stereo tabs will get results; otherwise they are cleared.
  void showInputs(const cv::Mat& image, const cv::Mat& depth, bool has_pair, bool is_result);
  void showResult(const RenderResult& result);
  ImageView* view(Tab tab) const;
  WiggleView* wiggle() const { return wiggle_; }
  ViewZoom* zoom() const { return zoom_; }
  // Zoom in, zoom out, fit, actual pixels: window-wide shortcuts, for the View menu.
  QList<QAction*> zoomActions() const { return zoom_actions_; }

  // The stereo views on screen and their size in device pixels.
  PreviewDisplay display() const;
  PreviewFormats formats() const;
  void setFormats(const PreviewFormats& formats);  // emits formatsChanged when it changes

 Q_SIGNALS:
  void formatsChanged(const sds::ui::PreviewFormats& formats);
  void displayChanged(const sds::ui::PreviewDisplay& display);

 private:
  QWidget* stereoPage(ImageView* view, QComboBox* variant, const QString& label);
  QWidget* splitPage();
  QWidget* cornerBar();
  void makeZoomActions();
  void describeAnaglyphs();
  void zoomBy(double factor);
  void emitFormats();
  void emitDisplay();

  ViewZoom* zoom_;
  ImageView* photo_;
  ImageView* depth_;
  ImageView* side_by_side_;
  ImageView* anaglyph_;
  WiggleView* wiggle_;
  ImageView* split_photo_;
  ImageView* split_depth_;
  QComboBox* sbs_variant_;
  QComboBox* anaglyph_variant_;
  QCheckBox* swap_eyes_;
  QList<QAction*> zoom_actions_;
};

}  // namespace sds::ui
