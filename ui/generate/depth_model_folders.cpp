#include "ui/generate/depth_model_folders.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace sds::ui {

QString studioModelsFolder() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("models"));
}

QStringList depthModelFolders(const QSettings& settings) {
  QStringList folders{studioModelsFolder()};
  for (const QString& f : settings.value(QStringLiteral("generate/modelFolders")).toStringList())
    if (!f.trimmed().isEmpty() && !folders.contains(f)) folders << f;
  return folders;
}

std::vector<media::FoundDepthModel> findStudioDepthModels(const QStringList& folders) {
  std::vector<std::string> paths;
  for (const QString& f : folders) paths.push_back(f.toStdString());
  return media::findDepthModels(paths, media::huggingFaceHubFolder());
}

}  // namespace sds::ui
