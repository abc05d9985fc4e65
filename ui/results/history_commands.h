// Undoable edits: adding or removing a result, and changing the render
// parameters (consecutive moves of the same control merge into one step).
#pragma once
#include <QUndoCommand>
#include <functional>

#include "core/media/render_params.h"
#include "ui/results/result_history.h"

namespace sds::ui {

// Adding a result and removing one are the same edit in opposite directions:
// one command, told which way redo goes.
class ResultListCommand : public QUndoCommand {
 public:
  // Adds `result` after the last one.
  static ResultListCommand* adding(ResultHistory& history, SharedResult result);
  // Removes the result at `index`.
  static ResultListCommand* removing(ResultHistory& history, int index);
  void redo() override;
  void undo() override;

 private:
  ResultListCommand(const QString& text, ResultHistory& history, SharedResult result, int index, bool adds);
  void apply(bool add);

  ResultHistory& history_;
  SharedResult result_;
  int index_;
  bool adds_;
};

class RenderParamsCommand : public QUndoCommand {
 public:
  using Apply = std::function<void(const media::RenderParams&)>;
  // gesture: changes of one drag share it; the next drag of the same slider is its own step.
  RenderParamsCommand(media::RenderParams before, media::RenderParams after, int gesture, Apply apply);
  void redo() override;
  void undo() override;
  int id() const override { return 1; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  media::RenderParams before_, after_;
  Apply apply_;
  int gesture_;
  bool first_redo_ = true;  // the controls already show `after` when it is pushed
};

}  // namespace sds::ui
