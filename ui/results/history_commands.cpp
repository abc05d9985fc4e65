#include "ui/results/history_commands.h"

#include <QCoreApplication>
#include <iterator>

#include "ui/results/control_undo.h"

namespace sds::ui {
namespace {

// Which fields differ, as a bit mask: steps on the same control merge.
int changedFields(const media::RenderParams& a, const media::RenderParams& b) {
  return (a.depth_kind != b.depth_kind) << 0 | (a.scale_percent != b.scale_percent) << 1 |
         (a.exponent != b.exponent) << 2 | (a.convergence != b.convergence) << 3 |
         (a.view_mode != b.view_mode) << 4 | (a.fill != b.fill) << 5 | (a.inpaint_model != b.inpaint_model) << 6;
}

// The Stereo panel's own row labels (RenderControls' form), in changedFields'
// bit order, so the Edit menu names the control the user moved.
const char* const kFieldLabels[] = {
    QT_TRANSLATE_NOOP("sds::ui::RenderControls", "Depth map"),
    QT_TRANSLATE_NOOP("sds::ui::RenderControls", "Render disparity"),
    QT_TRANSLATE_NOOP("sds::ui::RenderControls", "Exponent"),
    QT_TRANSLATE_NOOP("sds::ui::RenderControls", "Convergence"),
    QT_TRANSLATE_NOOP("sds::ui::RenderControls", "Views"),
    QT_TRANSLATE_NOOP("sds::ui::RenderControls", "Fill"),
    QT_TRANSLATE_NOOP("sds::ui::RenderControls", "Inpainting model"),
};

QString stepText(int fields) {
  for (int bit = 0; bit < int(std::size(kFieldLabels)); ++bit)
    if (fields == 1 << bit)
      return ControlUndo::changeText(QCoreApplication::translate("sds::ui::RenderControls", kFieldLabels[bit]));
  return QCoreApplication::translate("sds::ui::HistoryCommands", "Change stereo settings");  // Reset: several at once
}

}  // namespace

ResultListCommand::ResultListCommand(const QString& text, ResultHistory& history, SharedResult result, int index,
                                     bool adds)
    : QUndoCommand(text), history_(history), result_(std::move(result)), index_(index), adds_(adds) {}

ResultListCommand* ResultListCommand::adding(ResultHistory& history, SharedResult result) {
  return new ResultListCommand(QCoreApplication::translate("sds::ui::HistoryCommands", "New pair"), history,
                               std::move(result), history.count(), true);
}

ResultListCommand* ResultListCommand::removing(ResultHistory& history, int index) {
  return new ResultListCommand(QCoreApplication::translate("sds::ui::HistoryCommands", "Remove pair"), history,
                               history.at(index), index, false);
}

void ResultListCommand::apply(bool add) {
  if (add)
    history_.insert(index_, result_);
  else
    history_.removeAt(index_);
}

void ResultListCommand::redo() { apply(adds_); }

void ResultListCommand::undo() { apply(!adds_); }

RenderParamsCommand::RenderParamsCommand(media::RenderParams before, media::RenderParams after, int gesture,
                                         Apply apply)
    : before_(before), after_(after), apply_(std::move(apply)), gesture_(gesture) {
  setText(stepText(changedFields(before_, after_)));
  setObsolete(changedFields(before_, after_) == 0);
}

void RenderParamsCommand::redo() {
  if (!first_redo_) apply_(after_);
  first_redo_ = false;
}

void RenderParamsCommand::undo() { apply_(before_); }

bool RenderParamsCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const RenderParamsCommand*>(other);
  const int mine = changedFields(before_, after_), theirs = changedFields(next->before_, next->after_);
  if (mine != theirs || next->gesture_ != gesture_ || changedFields(after_, next->before_) != 0) return false;
  after_ = next->after_;
  setObsolete(changedFields(before_, after_) == 0);  // moved back where it started
  return true;
}

}  // namespace sds::ui
