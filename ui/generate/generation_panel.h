// The Generate panel's widgets: models, what to make (from a prompt or from the
// open photo), sampling and stereo settings, Generate and Cancel. It only
// shows and edits GenerationOptions; running is the controller's job.
#pragma once
#include <QWidget>
#include <optional>

#include "core/media/compute_devices.h"
#include "core/media/depth_model_discovery.h"
#include "core/media/exif_focal.h"
#include "core/media/sd_model_info.h"
#include "ui/generate/generation_options.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace sds::ui {

class DepthModelField;
class ModelPathField;
class SdModelDetector;
class SliderField;

class GenerationPanel : public QWidget {
  Q_OBJECT
 public:
  explicit GenerationPanel(QWidget* parent = nullptr);

  GenerationOptions options() const;
  void setOptions(const GenerationOptions& options);

  // CUDA is offered only where LibTorch reports a device; else it is shown
  // disabled with the reason, and a remembered "cuda" falls back to the CPU.
  void setDevices(const media::ComputeDevices& devices);

  // The depth models found on this computer (the list's default is the best of them).
  void setFoundDepthModels(const std::vector<media::FoundDepthModel>& found);
  // True once setFoundDepthModels was called.
  bool depthModelsListed() const;
  // The open photo's focal length, for metric depth models.
  void setPhotoFocal(const media::PhotoFocal& focal);

  void setRunning(bool running);  // Generate off and Cancel on while a run goes
  void setStatus(const QString& text);  // cleared when a model or the device changes

 Q_SIGNALS:
  void generateRequested();
  void cancelRequested();
  void stereoChanged();  // a field of the Stereo group (the right view's) changed
  void computeChanged();  // the Device or the Precision choice changed

 private:
  QWidget* buildModels();
  QWidget* buildInput();
  QWidget* buildSampling();
  QWidget* buildStereo();
  void updateEnabled();
  void updatePrecisionNote();
  void wireChanges();
  // The detected Stable Diffusion family (sd_model_detector.h) and the size
  // that follows it while the user has not typed one.
  void wireModelDetection();
  void onModelPathEdited();
  void onModelDetected(const QString& path, const media::SdModelSummary& summary);
  void useNativeSize();
  int nativeSize() const;  // of the detected model when it makes pairs, else 0
  void updateModelNote();

  ModelPathField* sd_model_;
  QLabel* model_note_;  // the detected family, or why the model cannot make pairs
  SdModelDetector* detector_;
  std::optional<media::SdModelSummary> detected_;  // of the path shown; none while it is read
  bool size_from_model_ = false;  // the size follows the detected family (the user typed none)
  bool setting_size_ = false;     // the panel itself sets the size spin boxes
  DepthModelField* depth_model_;
  QComboBox* device_;
  QComboBox* precision_;
  QLabel* precision_note_;  // what the choice becomes on the chosen device, and why
  QComboBox* mode_;
  QPlainTextEdit* prompt_;
  QLineEdit* negative_;
  QCheckBox* use_open_depth_;
  QSpinBox* steps_;
  QDoubleSpinBox* guidance_;
  QSpinBox* seed_;
  QToolButton* random_seed_;
  QSpinBox* width_;
  QSpinBox* height_;
  QToolButton* native_size_;
  QComboBox* inversion_;
  QSpinBox* working_size_;
  SliderField* scale_;
  QSpinBox* shift_step_;
  QSpinBox* mask_interval_;
  QComboBox* direction_;
  QCheckBox* deblur_;
  QCheckBox* compose_;  // prompt mode: the right view from the left's own pixels where visible
  QPushButton* generate_;
  QPushButton* cancel_;
  QLabel* status_;
};

}  // namespace sds::ui
