// Puts every change of the render controls on the undo stack (steps on the
// same control merge into one), and applies undo/redo back to the controls.
#pragma once
#include <QObject>

#include "core/media/render_params.h"

class QUndoStack;

namespace sds::ui {

class RenderControls;

class ParamsUndo : public QObject {
  Q_OBJECT
 public:
  ParamsUndo(RenderControls& controls, QUndoStack& stack, QObject* parent = nullptr);

 private:
  void onChanged(const media::RenderParams& params);

  RenderControls& controls_;
  QUndoStack& stack_;
  media::RenderParams last_;
  int gesture_ = 0;  // a slider's release ends its step
  bool applying_ = false;
};

}  // namespace sds::ui
