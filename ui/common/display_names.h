// Translated names of core's enums, as the studio shows them.
#pragma once
#include <QCoreApplication>
#include <QString>

#include "core/media/render_params.h"
#include "core/media/stereo_formats.h"

namespace sds::ui {

class DisplayNames {
  Q_DECLARE_TR_FUNCTIONS(sds::ui::DisplayNames)
 public:
  static QString depthKind(media::DepthKind kind);
  static QString fillMode(media::FillMode mode);
  static QString viewMode(media::ViewMode mode);
  static QString stereoFormat(media::StereoFormat format);
};

}  // namespace sds::ui
