// Telling a dropped photo from a dropped depth map by name.
#pragma once
#include <QStringList>

#include "ui/common/studio_settings.h"

namespace sds::ui {

// A file whose name mentions depth or disparity is the depth map; of two others
// the first is the photo and the second the depth map. Non-image files are
// ignored. Paths that stay empty were not dropped.
RecentPair classifyDroppedFiles(const QStringList& paths);

bool looksLikeDepthMap(const QString& path);

}  // namespace sds::ui
