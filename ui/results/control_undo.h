// Puts the changes a user makes to a panel's controls on the undo stack. Each
// change is one step named after its control ("Change Guidance"); consecutive
// changes of the same control merge into one (a slider drag, typing a value),
// and a slider's release ends its step. Undo and redo set the control itself
// back, so whatever follows its value (the preview, a re-run) follows too.
#pragma once
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <functional>
#include <vector>

class QUndoStack;
class QWidget;

namespace sds::ui {

class ControlUndo : public QObject {
  Q_OBJECT
 public:
  ControlUndo(QUndoStack& stack, QObject* parent = nullptr);

  // Every value control in the form layouts under `root`, named by its row's
  // label (a check box without one by its own text); `except` are left out.
  // Supported: combo and spin boxes, check boxes, SliderField, line and plain
  // text edits (also as the one edit inside a composite field).
  void watchForms(QWidget* root, const QList<QWidget*>& except = {});
  // One control; false when its kind is not supported.
  bool watch(QWidget* control, const QString& name);

  // The undo step's text for a control (also used by the Stereo panel's).
  static QString changeText(const QString& control_name);

  // Sets a control to a value without recording it (the commands call it).
  void apply(int control, const QVariant& value);

 private:
  struct Control {
    QPointer<QWidget> widget;
    QString name;
    QVariant last;
    std::function<QVariant()> get;
    std::function<void(const QVariant&)> set;
  };
  void changed(int control);

  QUndoStack& stack_;
  std::vector<Control> controls_;
  int gesture_ = 0;  // a slider's release starts a new one: the next drag is its own step
  bool applying_ = false;
};

}  // namespace sds::ui
