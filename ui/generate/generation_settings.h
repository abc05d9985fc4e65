// The Generate panel's choices remembered between runs (model paths, prompt,
// steps, stereo fields), under "generate/" in the studio's QSettings.
#pragma once
#include "ui/generate/generation_options.h"

class QSettings;

namespace sds::ui {

GenerationOptions loadGenerationOptions(const QSettings& settings);
void saveGenerationOptions(QSettings& settings, const GenerationOptions& options);

}  // namespace sds::ui
