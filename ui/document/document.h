// The studio's source: the photo and its depth map at full resolution, with
// where the depth came from, and the preview-resolution sources the live render
// works on. Generated pairs are not documents: they are results
// (ui/results/pair_result.h) made from a source or a prompt. Built once, then
// shared read-only (std::shared_ptr<const Document>).
#pragma once
#include <QMetaType>
#include <QString>
#include <memory>

#include <opencv2/core.hpp>

#include "core/media/exif_focal.h"
#include "core/media/render_params.h"
#include "ui/render/render_types.h"

namespace sds::ui {

enum class DepthOrigin { None, UserFile, Estimated };

// One depth map of the photo and its provenance.
struct DepthMap {
  cv::Mat values;          // full resolution, one channel (as loaded, or the CV_32FC1 estimate)
  DepthOrigin origin = DepthOrigin::None;
  QString path;            // UserFile: the file it was read from
  QString model;           // Estimated: the depth model that made it

  bool empty() const { return values.empty(); }
};

struct Document {
  QString image_path;
  cv::Mat image;             // full resolution as loaded (grey/BGR/BGRA, 8/16-bit or float)
  media::PhotoFocal focal;   // from the photo's EXIF, read once when it is opened (metric depth models use it)
  // Both are kept: an estimate never replaces the file the user opened, and
  // the user can switch back to it.
  DepthMap user_depth;
  DepthMap estimated_depth;
  DepthOrigin active = DepthOrigin::None;  // the depth the previews, the render and the export use
  cv::Mat image_preview;     // CV_8UC3 BGR, long side <= the preview limit
  cv::Mat depth_preview;     // CV_8UC1, normalised for display (near = bright per the file)
  SharedSources sources;     // null unless a photo and an active depth map are there

  bool hasImage() const { return !image.empty(); }
  bool hasDepth() const { return !depth().empty(); }
  const DepthMap& depth() const;  // the active one; empty for None
  // How the active depth map reads: the user's file as the user says
  // (`user_kind`), an estimate always as relative inverse depth (near = large).
  media::DepthKind depthKind(media::DepthKind user_kind) const;
};
using SharedDocument = std::shared_ptr<const Document>;

}  // namespace sds::ui

Q_DECLARE_METATYPE(sds::ui::SharedDocument)
