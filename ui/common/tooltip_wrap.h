// Long tool tips wrapped to a readable width. Qt shows a plain-text tool tip
// on one line however long it is (a translated one is often longer still), but
// wraps rich text; the filter shows a long plain tip as wrapped rich text,
// leaving the widget's toolTip() as it was. Install once on the application.
#pragma once
#include <QObject>
#include <QString>

namespace sds::ui {

// `text` as rich text that wraps, or unchanged when short or already rich.
QString wrappedToolTip(const QString& text);

class ToolTipWrapper : public QObject {
 public:
  using QObject::QObject;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace sds::ui
