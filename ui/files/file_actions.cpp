#include "ui/files/file_actions.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QWidget>

#include "ui/document/document_controller.h"
#include "ui/files/dropped_files.h"
#include "ui/files/sample_files.h"

namespace sds::ui {

FileActions::FileActions(DocumentController& documents, StudioSettings& settings, QWidget* dialog_parent)
    : QObject(dialog_parent),
      documents_(documents),
      settings_(settings),
      dialog_parent_(dialog_parent),
      open_image_(new QAction(tr("Open &Photo…"), this)),
      open_depth_(new QAction(tr("Open &Depth Map…"), this)),
      open_sample_(new QAction(tr("Open &Sample"), this)),
      recent_(new QMenu(tr("Open &Recent"), dialog_parent)) {
  open_image_->setObjectName(QStringLiteral("actionOpenImage"));
  open_image_->setShortcut(QKeySequence::Open);
  open_depth_->setObjectName(QStringLiteral("actionOpenDepth"));
  open_depth_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  open_sample_->setObjectName(QStringLiteral("actionOpenSample"));
  open_sample_->setEnabled(!bundledSample().image.isEmpty());
  open_image_->setToolTip(tr("Open the photo to turn into 3D"));
  open_depth_->setToolTip(tr("Open the depth map that belongs to the photo: a greyscale image, "
                             "read as the Depth map setting says"));
  open_sample_->setToolTip(tr("Open the bundled sample photo and its depth map"));
  recent_->setObjectName(QStringLiteral("recentMenu"));
  connect(open_image_, &QAction::triggered, this, [this] { chooseFile(false); });
  connect(open_depth_, &QAction::triggered, this, [this] { chooseFile(true); });
  connect(open_sample_, &QAction::triggered, this, &FileActions::openSample);
  rebuildRecentMenu();
}

void FileActions::open(const RecentPair& pair) {
  if (!pair.image.isEmpty() && !pair.depth.isEmpty())
    documents_.openPair(pair.image, pair.depth);
  else if (!pair.image.isEmpty())
    documents_.openImage(pair.image);
  else if (!pair.depth.isEmpty())
    documents_.openDepth(pair.depth);
}

bool FileActions::openSample() {
  const RecentPair sample = bundledSample();
  if (sample.image.isEmpty()) return false;
  open(sample);
  return true;
}

void FileActions::openDropped(const QStringList& paths) { open(classifyDroppedFiles(paths)); }

void FileActions::remember(const SharedDocument& document) {
  if (!document || document->image_path.isEmpty() || document->user_depth.path.isEmpty()) return;
  const RecentPair pair{document->image_path, document->user_depth.path};
  settings_.addRecent(pair);
  settings_.setLastSession(pair);
  rebuildRecentMenu();
}

void FileActions::chooseFile(bool depth) {
  auto* dialog = new QFileDialog(dialog_parent_, depth ? tr("Open Depth Map") : tr("Open Photo"),
                                 settings_.lastDirectory(),
                                 tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;All files (*)"));
  dialog->setObjectName(depth ? QStringLiteral("openDepthDialog") : QStringLiteral("openImageDialog"));
  dialog->setFileMode(QFileDialog::ExistingFile);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QFileDialog::fileSelected, this, [this, depth](const QString& file) {
    settings_.setLastDirectory(QFileInfo(file).absolutePath());
    if (depth)
      documents_.openDepth(file);
    else
      documents_.openImage(file);
  });
  dialog->open();
}

void FileActions::rebuildRecentMenu() {
  recent_->clear();
  const QList<RecentPair> list = settings_.recent();
  for (const RecentPair& pair : list) {
    const QString text = tr("%1 + %2").arg(QFileInfo(pair.image).fileName(), QFileInfo(pair.depth).fileName());
    QAction* action = recent_->addAction(text);
    action->setToolTip(QDir::toNativeSeparators(pair.image) + QLatin1Char('\n') + QDir::toNativeSeparators(pair.depth));
    connect(action, &QAction::triggered, this, [this, pair] { open(pair); });
  }
  if (!list.isEmpty()) recent_->addSeparator();
  QAction* clear = recent_->addAction(tr("Clear List"));
  clear->setEnabled(!list.isEmpty());
  connect(clear, &QAction::triggered, this, [this] {
    settings_.clearRecent();
    rebuildRecentMenu();
  });
  recent_->setEnabled(!list.isEmpty());
}

}  // namespace sds::ui
