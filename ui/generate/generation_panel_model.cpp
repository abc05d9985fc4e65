// The Generate panel's model detection: a note under the Stable Diffusion
// path says which family it holds (or why it cannot make pairs) as soon as the
// path is chosen or typed, and the size follows the family's native size until
// the user types a size. A typed size is never replaced silently: the note
// says it is kept, and the Native button brings the model's size back.
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

#include "ui/generate/generation_panel.h"
#include "ui/generate/model_path_field.h"
#include "ui/generate/sd_model_detector.h"

namespace sds::ui {

namespace {
constexpr int kTypingPauseMs = 400;  // detect once typing pauses, not at every key
}

void GenerationPanel::wireModelDetection() {
  connect(sd_model_->edit(), &QLineEdit::textChanged, this, &GenerationPanel::onModelPathEdited);
  connect(detector_, &SdModelDetector::detected, this, &GenerationPanel::onModelDetected);
  connect(native_size_, &QToolButton::clicked, this, [this] {
    size_from_model_ = true;
    useNativeSize();
    updateModelNote();
  });
  for (QSpinBox* side : {width_, height_})
    connect(side, &QSpinBox::valueChanged, this, [this] {
      if (setting_size_) return;
      size_from_model_ = false;  // the user's size from now on
      updateModelNote();
    });
  onModelPathEdited();  // the path setOptions() put there before this was wired
}

void GenerationPanel::onModelPathEdited() {
  detected_.reset();
  detector_->detect(sd_model_->path(), kTypingPauseMs);
  updateModelNote();
  updateEnabled();
}

void GenerationPanel::onModelDetected(const QString& path, const media::SdModelSummary& summary) {
  if (path != sd_model_->path()) return;  // an answer for a path no longer shown
  detected_ = summary;
  if (size_from_model_) useNativeSize();
  updateModelNote();
  updateEnabled();
}

int GenerationPanel::nativeSize() const {
  return detected_ && detected_->readable && detected_->kind == media::SdModelKind::TextToImage
             ? detected_->native_size
             : 0;
}

void GenerationPanel::useNativeSize() {
  const int side = nativeSize();
  if (side <= 0) return;
  setting_size_ = true;
  width_->setValue(side);
  height_->setValue(side);
  setting_size_ = false;
}

void GenerationPanel::updateModelNote() {
  if (sd_model_->path().isEmpty()) {
    model_note_->clear();
    return;
  }
  if (!detected_) {
    model_note_->setText(tr("Reading the model…"));
    return;
  }
  QString text = describeModel(*detected_);
  const int side = nativeSize();
  if (side > 0) {
    if (size_from_model_)
      text += QLatin1Char('\n') + tr("Size: its native %1 × %2 px.").arg(width_->value()).arg(height_->value());
    else if (width_->value() != side || height_->value() != side)
      text += QLatin1Char('\n') + tr("Size: %1 × %2 px as you set it (Native uses %3 px).")
                                      .arg(width_->value())
                                      .arg(height_->value())
                                      .arg(side);
  }
  model_note_->setText(text);
}

}  // namespace sds::ui
