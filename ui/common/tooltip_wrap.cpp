#include "ui/common/tooltip_wrap.h"

#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>
#include <QWidget>

namespace sds::ui {
namespace {
constexpr int kLongTip = 70;  // characters; shorter tips fit on one line anyway
}  // namespace

QString wrappedToolTip(const QString& text) {
  if (text.size() <= kLongTip || Qt::mightBeRichText(text)) return text;
  return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

bool ToolTipWrapper::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::ToolTip || !watched->isWidgetType()) return false;
  auto* widget = static_cast<QWidget*>(watched);
  const QString tip = widget->toolTip();
  const QString wrapped = wrappedToolTip(tip);
  if (wrapped == tip) return false;  // Qt shows it (or passes the event to the parent when empty)
  QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), wrapped, widget, {}, widget->toolTipDuration());
  return true;
}

}  // namespace sds::ui
