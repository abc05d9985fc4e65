#include "ui/results/params_undo.h"

#include <QSlider>
#include <QUndoStack>

#include "ui/results/history_commands.h"
#include "ui/widgets/render_controls.h"

namespace sds::ui {

ParamsUndo::ParamsUndo(RenderControls& controls, QUndoStack& stack, QObject* parent)
    : QObject(parent), controls_(controls), stack_(stack), last_(controls.params()) {
  connect(&controls_, &RenderControls::paramsChanged, this, &ParamsUndo::onChanged);
  for (QSlider* slider : controls_.findChildren<QSlider*>())
    connect(slider, &QSlider::sliderReleased, this, [this] { ++gesture_; });
}

void ParamsUndo::onChanged(const media::RenderParams& params) {
  const media::RenderParams before = last_;
  last_ = params;
  if (applying_) return;
  stack_.push(new RenderParamsCommand(before, params, gesture_, [this](const media::RenderParams& p) {
    applying_ = true;
    controls_.setParams(p);
    applying_ = false;
  }));
}

}  // namespace sds::ui
