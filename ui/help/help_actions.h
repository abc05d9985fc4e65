// The Help menu's actions: User Guide (F1) and About. Both open non-modal
// windows owned by `parent`; a second trigger raises the open one.
#pragma once

class QMenu;
class QWidget;

namespace sds::ui {

// Adds "User Guide" (objectName actionUserGuide) and "About" (actionAbout) to `help`.
void addHelpActions(QMenu* help, QWidget* parent);

}  // namespace sds::ui
