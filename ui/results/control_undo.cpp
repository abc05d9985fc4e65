#include "ui/results/control_undo.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSlider>
#include <QSpinBox>
#include <QUndoCommand>
#include <QUndoStack>

#include "ui/widgets/slider_field.h"

namespace sds::ui {
namespace {

constexpr int kCommandId = 2;  // RenderParamsCommand is 1

class ControlChangeCommand : public QUndoCommand {
 public:
  ControlChangeCommand(ControlUndo& owner, int control, const QString& name, QVariant before, QVariant after,
                       int gesture)
      : QUndoCommand(ControlUndo::changeText(name)),
        owner_(owner),
        control_(control),
        gesture_(gesture),
        before_(std::move(before)),
        after_(std::move(after)) {}

  void redo() override {
    if (!first_redo_) owner_.apply(control_, after_);
    first_redo_ = false;  // the control already shows `after` when it is pushed
  }
  void undo() override { owner_.apply(control_, before_); }
  int id() const override { return kCommandId; }
  bool mergeWith(const QUndoCommand* other) override {
    const auto* next = static_cast<const ControlChangeCommand*>(other);
    if (&next->owner_ != &owner_ || next->control_ != control_ || next->gesture_ != gesture_) return false;
    after_ = next->after_;
    setObsolete(before_ == after_);  // moved back where it started: no step at all
    return true;
  }

 private:
  ControlUndo& owner_;
  int control_, gesture_;
  QVariant before_, after_;
  bool first_redo_ = true;
};

QString labelText(QFormLayout* form, int row) {
  QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole);
  auto* label = item ? qobject_cast<QLabel*>(item->widget()) : nullptr;
  return label ? label->text().remove(QLatin1Char('&')) : QString();
}

QList<QWidget*> fieldWidgets(QFormLayout* form, int row) {
  QLayoutItem* item = form->itemAt(row, QFormLayout::FieldRole);
  if (!item) item = form->itemAt(row, QFormLayout::SpanningRole);
  if (!item) return {};
  if (item->widget()) return {item->widget()};
  QList<QWidget*> widgets;
  if (QLayout* row_layout = item->layout())
    for (int i = 0; i < row_layout->count(); ++i)
      if (QWidget* w = row_layout->itemAt(i)->widget()) widgets << w;
  return widgets;
}

}  // namespace

ControlUndo::ControlUndo(QUndoStack& stack, QObject* parent) : QObject(parent), stack_(stack) {}

QString ControlUndo::changeText(const QString& control_name) {
  return QCoreApplication::translate("sds::ui::ControlUndo", "Change %1").arg(control_name);
}

void ControlUndo::watchForms(QWidget* root, const QList<QWidget*>& except) {
  for (QFormLayout* form : root->findChildren<QFormLayout*>()) {
    for (int row = 0; row < form->rowCount(); ++row) {
      const QString label = labelText(form, row);
      for (QWidget* w : fieldWidgets(form, row)) {
        if (except.contains(w)) continue;
        auto* button = qobject_cast<QAbstractButton*>(w);
        const QString name = label.isEmpty() && button ? button->text().remove(QLatin1Char('&')) : label;
        if (name.isEmpty() || watch(w, name)) continue;
        // A composite field (a path edit with its browse button): its one edit.
        const auto edits = w->findChildren<QLineEdit*>();
        if (edits.size() == 1) watch(edits.first(), name);
      }
    }
  }
}

bool ControlUndo::watch(QWidget* w, const QString& name) {
  const int index = int(controls_.size());
  Control c{w, name, {}, {}, {}};
  const auto on_change = [this, index] { changed(index); };
  if (auto* field = qobject_cast<SliderField*>(w)) {
    c.get = [field] { return QVariant(field->value()); };
    c.set = [field](const QVariant& v) { field->setValue(v.toDouble()); };
    connect(field, &SliderField::valueChanged, this, on_change);
    connect(field->slider(), &QSlider::sliderReleased, this, [this] { ++gesture_; });
  } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
    c.get = [combo] { return QVariant(combo->currentIndex()); };
    c.set = [combo](const QVariant& v) { combo->setCurrentIndex(v.toInt()); };
    connect(combo, &QComboBox::currentIndexChanged, this, on_change);
  } else if (auto* spin = qobject_cast<QSpinBox*>(w)) {
    c.get = [spin] { return QVariant(spin->value()); };
    c.set = [spin](const QVariant& v) { spin->setValue(v.toInt()); };
    connect(spin, &QSpinBox::valueChanged, this, on_change);
  } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) {
    c.get = [dspin] { return QVariant(dspin->value()); };
    c.set = [dspin](const QVariant& v) { dspin->setValue(v.toDouble()); };
    connect(dspin, &QDoubleSpinBox::valueChanged, this, on_change);
  } else if (auto* button = qobject_cast<QAbstractButton*>(w); button && button->isCheckable()) {
    c.get = [button] { return QVariant(button->isChecked()); };
    c.set = [button](const QVariant& v) { button->setChecked(v.toBool()); };
    connect(button, &QAbstractButton::toggled, this, on_change);
  } else if (auto* line = qobject_cast<QLineEdit*>(w)) {
    c.get = [line] { return QVariant(line->text()); };
    c.set = [line](const QVariant& v) { line->setText(v.toString()); };
    connect(line, &QLineEdit::textChanged, this, on_change);
  } else if (auto* text = qobject_cast<QPlainTextEdit*>(w)) {
    c.get = [text] { return QVariant(text->toPlainText()); };
    c.set = [text](const QVariant& v) { text->setPlainText(v.toString()); };
    connect(text, &QPlainTextEdit::textChanged, this, on_change);
  } else {
    return false;
  }
  c.last = c.get();
  controls_.push_back(std::move(c));
  return true;
}

void ControlUndo::changed(int index) {
  Control& c = controls_[size_t(index)];
  QVariant before = c.last;
  c.last = c.get();
  if (applying_ || before == c.last) return;
  stack_.push(new ControlChangeCommand(*this, index, c.name, std::move(before), c.last, gesture_));
}

void ControlUndo::apply(int index, const QVariant& value) {
  Control& c = controls_[size_t(index)];
  if (!c.widget) return;
  applying_ = true;
  c.set(value);
  applying_ = false;
  c.last = c.get();
}

}  // namespace sds::ui
