// Value types that travel between the studio's GUI thread and its render
// worker. cv::Mat buffers in them are written by exactly one thread and then
// handed over: nobody writes a Mat after it was put into one of these.
#pragma once
#include <QMetaType>
#include <QtGlobal>
#include <memory>
#include <vector>

#include <opencv2/core.hpp>

#include "core/media/render_params.h"
#include "core/media/stereo_formats.h"

namespace sds::ui {

// The loaded photo and depth map at preview resolution. Immutable once built,
// shared read-only between the GUI thread and the worker.
struct RenderSources {
  cv::Mat image;                // CV_8UC3 BGR, long side <= the preview limit
  cv::Mat depth;                // CV_32FC1, same size, area-averaged, values as in the file
  cv::Mat disparity_px;         // CV_32FC1, same size, for DepthKind::DisparityPx: resampled
                                // without blending (0 = unknown) and in preview pixels
  double preview_to_full = 1.0; // full-resolution width / preview width
  cv::Mat right;                // non-empty: a finished pair (CV_8UC3, same size); only composed, and
                                // disparity_px (when set) is the disparity it was made with

  const cv::Mat& depthFor(media::DepthKind kind) const {
    return kind == media::DepthKind::DisparityPx ? disparity_px : depth;
  }
};
using SharedSources = std::shared_ptr<const RenderSources>;

// What the previews show besides the pair itself.
struct PreviewFormats {
  media::StereoFormat side_by_side = media::StereoFormat::SbsParallel;
  media::StereoFormat anaglyph = media::StereoFormat::AnaglyphDubois;
  bool swap_eyes = false;  // left and right exchanged in every stereo preview (a check, not an export setting)
};

// Which stereo views are on screen and how big: only those are composed, shrunk
// to fit, so the GUI thread converts no more pixels than it shows.
struct PreviewDisplay {
  bool side_by_side = true;
  bool anaglyph = true;
  bool wiggle = false;  // the two views on their own, for the wiggle view
  cv::Size limit;  // device pixels; empty: the preview resolution (a zoomed view shows its pixels)
};

struct RenderRequest {
  quint64 id = 0;
  SharedSources sources;
  media::RenderParams params;
  PreviewFormats formats;
  PreviewDisplay display;
  // params.fill is Inpaint: fill the preview's holes with the model now (after
  // the fast fill) unless the last pair already is inpainted. False after a
  // cancel or a failure, until the sources or the parameters change.
  bool inpaint = false;
};

struct DisparityHistogram {
  double min_px = 0;             // left edge of the first bin, full-resolution pixels
  double bin_width_px = 1;
  std::vector<double> counts;    // fraction of pixels per bin
  double lowest_px = 0, highest_px = 0;  // the farthest and nearest disparity, full-resolution pixels
  double image_width_px = 0;             // full-resolution width the disparity is measured on
};

struct RenderResult {
  quint64 id = 0;
  media::RenderParams params;
  PreviewFormats formats;
  cv::Size preview_size;         // of each view, before fitting to the display
  cv::Mat side_by_side;          // composed in formats.side_by_side; empty when not displayed
  cv::Mat anaglyph;              // composed in formats.anaglyph; empty when not displayed
  cv::Mat left, right;           // the views one at a time (swap_eyes applied); empty unless display.wiggle
  DisparityHistogram histogram;
  bool rendered = false;         // false: the last pair was only composed again
  bool partial = false;          // the fast fill: the inpainting model works on, a final result follows
  bool inpainted = false;        // the holes were filled by the inpainting model
  double render_ms = 0;          // time the worker spent on this request
};

}  // namespace sds::ui

Q_DECLARE_METATYPE(sds::ui::RenderResult)
