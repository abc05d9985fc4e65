// The classical renderer's parameters as sliders and choices. Emits the whole
// parameter set whenever any of them changes (every slider step while dragging).
// The fill "Inpainting model" shows a model field and, while the model fills
// the preview's holes on the render worker, its progress and a Cancel button.
#pragma once
#include <QWidget>

#include "core/media/render_params.h"

class QComboBox;
class QFormLayout;
class QProgressBar;
class QPushButton;

namespace sds::ui {

class ModelPathField;
class SliderField;

class RenderControls : public QWidget {
  Q_OBJECT
 public:
  explicit RenderControls(QWidget* parent = nullptr);

  media::RenderParams params() const;
  void setParams(const media::RenderParams& params);  // emits paramsChanged once

  // Controls that cannot act on what is shown are disabled, the reason as
  // their tooltip. locked: all of them (a generated pair is shown); empty: none.
  void setLockedReason(const QString& reason);
  // The depth map's convention is known (an estimate is near = bright).
  void setDepthKindFixed(const QString& reason);

  // The inpainting pass of the preview: running or not, how far (0..1).
  void setInpaintRunning(bool running);
  void setInpaintProgress(double overall);

 Q_SIGNALS:
  void paramsChanged(const sds::media::RenderParams& params);
  void inpaintCancelRequested();

 private:
  void emitChanged();
  void updateEnabled();

  QComboBox* depth_kind_;
  SliderField* scale_;
  SliderField* convergence_;
  SliderField* exponent_;
  QComboBox* view_mode_;
  QComboBox* fill_;
  ModelPathField* inpaint_model_;
  QWidget* inpaint_run_;  // progress bar and Cancel, shown while the model runs
  QProgressBar* inpaint_progress_;
  QPushButton* inpaint_cancel_;
  QPushButton* reset_;
  QFormLayout* form_;
  bool setting_ = false;
  QString locked_, kind_fixed_;
};

}  // namespace sds::ui
