// What the studio has open: the photo and the depth map at full resolution, and
// the preview-resolution sources the live render works on. Built once by a load
// job, then shared read-only (std::shared_ptr<const Document>).
#pragma once
#include <QMetaType>
#include <QString>
#include <memory>

#include <opencv2/core.hpp>

#include "ui/render/render_types.h"

namespace sds::ui {

struct Document {
  QString image_path, depth_path;
  cv::Mat image;             // full resolution as loaded (grey/BGR/BGRA, 8/16-bit or float)
  cv::Mat depth;             // full resolution, one channel as loaded
  cv::Mat right;             // a finished pair's right view (generated), CV_8UC3; empty: render it
  QString params_json;       // how a finished pair was made (stored with its exports)
  cv::Mat image_preview;     // CV_8UC3 BGR, long side <= the preview limit
  cv::Mat depth_preview;     // CV_8UC1, normalised for display (near = bright per the file)
  SharedSources sources;     // null unless both files are loaded

  bool hasImage() const { return !image.empty(); }
  bool hasDepth() const { return !depth.empty(); }
  bool isFinishedPair() const { return !right.empty(); }
};
using SharedDocument = std::shared_ptr<const Document>;

}  // namespace sds::ui

Q_DECLARE_METATYPE(sds::ui::SharedDocument)
