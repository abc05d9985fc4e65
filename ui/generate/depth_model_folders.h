// Where the studio looks for depth models: its own models folder (one place,
// AppDataLocation/models, e.g. ~/.local/share/<org>/<app>/models), the folders
// the user added (settings generate/modelFolders), and the Hugging Face cache.
#pragma once
#include <QStringList>
#include <vector>

#include "core/media/depth_model_discovery.h"

class QSettings;

namespace sds::ui {

QString studioModelsFolder();
QStringList depthModelFolders(const QSettings& settings);
// Every depth model in `folders` (depthModelFolders) and the Hugging Face
// cache. Reads no QSettings, so it may run on a pool thread.
std::vector<media::FoundDepthModel> findStudioDepthModels(const QStringList& folders);

}  // namespace sds::ui
