#include "ui/files/sample_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace sds::ui {

RecentPair bundledSample() {
  const QStringList folders = {
      QCoreApplication::applicationDirPath() + QStringLiteral("/../share/sdstereo/sample"),
      QStringLiteral(SDSTEREO_SOURCE_DIR "/resources/sample"),
  };
  for (const QString& folder : folders) {
    const QDir dir(folder);
    const QString image = dir.filePath(QStringLiteral("image.png"));
    const QString depth = dir.filePath(QStringLiteral("depth.png"));
    if (QFileInfo::exists(image) && QFileInfo::exists(depth))
      return {QDir::cleanPath(image), QDir::cleanPath(depth)};
  }
  return {};
}

}  // namespace sds::ui
