// The File menu's opening side: Open Photo, Open Depth Map, Open Recent, Open
// Sample and dropped files, all handed to the DocumentController. Dialogs are
// opened asynchronously (never a nested event loop).
#pragma once
#include <QObject>

#include "ui/common/studio_settings.h"
#include "ui/document/document.h"

class QAction;
class QMenu;
class QWidget;

namespace sds::ui {

class DocumentController;

class FileActions : public QObject {
  Q_OBJECT
 public:
  FileActions(DocumentController& documents, StudioSettings& settings, QWidget* dialog_parent);

  QAction* openImageAction() const { return open_image_; }
  QAction* openDepthAction() const { return open_depth_; }
  QAction* openSampleAction() const { return open_sample_; }
  QMenu* recentMenu() const { return recent_; }

  // Opens whatever of the pair is non-empty.
  void open(const RecentPair& pair);
  bool openSample();  // false when no sample is installed
  void openDropped(const QStringList& paths);

  // Remembers a fully loaded document in the recent list and the session.
  void remember(const SharedDocument& document);

 private:
  void chooseFile(bool depth);
  void rebuildRecentMenu();

  DocumentController& documents_;
  StudioSettings& settings_;
  QWidget* dialog_parent_;
  QAction* open_image_;
  QAction* open_depth_;
  QAction* open_sample_;
  QMenu* recent_;
};

}  // namespace sds::ui
