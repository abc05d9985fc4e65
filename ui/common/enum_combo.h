// A combo box whose items stand for the values of an enum: each item's data
// is the value as an int. Header-only.
#pragma once
#include <QComboBox>
#include <QString>
#include <algorithm>

namespace sds::ui {

template <typename Enum>
void addComboItem(QComboBox* box, Enum value, const QString& text) {
  box->addItem(text, int(value));
}

template <typename Enum>
Enum comboValue(const QComboBox* box) {
  return Enum(box->currentData().toInt());
}

// Selects `value`'s item, or the first item when the box has none for it.
template <typename Enum>
void selectComboValue(QComboBox* box, Enum value) {
  box->setCurrentIndex(std::max(0, box->findData(int(value))));
}

}  // namespace sds::ui
