// A stereo pair the studio made (Stable Diffusion from a prompt or from the
// source photo): both views, the disparity it was made with, how it was made,
// and its previews. Results sit beside the source in the history; they never
// replace it. Built off the GUI thread, then shared read-only.
#pragma once
#include <QDateTime>
#include <QImage>
#include <QMetaType>
#include <QString>
#include <memory>

#include <opencv2/core.hpp>

#include "core/media/generation.h"
#include "ui/document/preview_sources.h"
#include "ui/render/render_types.h"

namespace sds::ui {

struct PairResult {
  media::GenerationMode mode = media::GenerationMode::Prompt;
  QDateTime made;
  QString summary;        // the key parameters, one line
  QString params_json;    // how it was made (stored with every export)
  media::GenerationRequest request;  // what made it (without photo and depth), to re-run the right view
  cv::Mat left, right;    // CV_8UC3 BGR, full resolution
  cv::Mat disparity;      // CV_32FC1, relative, near = large
  cv::Mat disparity_px;   // CV_32FC1, the left-to-right disparity in pixels the right view was made with
  cv::Mat image_preview;  // CV_8UC3, the left view at preview size
  cv::Mat depth_preview;  // CV_8UC1, the disparity for display
  SharedSources sources;  // the pair at preview size: only composed, never rendered
  QImage thumbnail;       // for the history strip
  bool reused_left = false;  // prompt mode: only the right view was made again (pass 2)
};
using SharedResult = std::shared_ptr<const PairResult>;

// Builds the previews and the thumbnail too, so call it off the GUI thread.
SharedResult makePairResult(const media::GenerationResult& result, const media::GenerationRequest& request,
                            int preview_max_side = kDefaultPreviewMaxSide);

// "Prompt · 8 % · shift 1 · seed 7 · 4 steps": what a history entry shows.
QString resultSummary(const media::GenerationRequest& request);

}  // namespace sds::ui

Q_DECLARE_METATYPE(sds::ui::SharedResult)
