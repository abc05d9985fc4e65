#include "ui/render/disparity_stats.h"

#include <opencv2/imgproc.hpp>

namespace sds::ui {

DisparityHistogram disparityHistogram(const cv::Mat& disparity_px, double to_full, int bins) {
  DisparityHistogram h;
  if (disparity_px.empty() || disparity_px.type() != CV_32FC1 || bins < 1) return h;
  double lo = 0, hi = 0;
  cv::minMaxLoc(disparity_px, &lo, &hi);
  h.lowest_px = lo * to_full;
  h.highest_px = hi * to_full;
  h.image_width_px = disparity_px.cols * to_full;
  if (!(hi - lo > 1e-9)) {  // flat: one bin around the value
    h.min_px = lo * to_full - 0.5;
    h.counts = {1.0};
    return h;
  }
  // calcHist's upper bound is exclusive: widen it a hair so the maximum counts.
  const float range[] = {float(lo), float(hi + (hi - lo) * 1e-6)};
  const float* ranges[] = {range};
  const int channels[] = {0};
  cv::Mat hist;
  cv::calcHist(&disparity_px, 1, channels, cv::Mat(), hist, 1, &bins, ranges);
  h.min_px = lo * to_full;
  h.bin_width_px = (hi - lo) * to_full / bins;
  const double total = double(disparity_px.total());
  h.counts.resize(size_t(bins));
  for (int i = 0; i < bins; ++i) h.counts[size_t(i)] = hist.at<float>(i) / total;
  return h;
}

}  // namespace sds::ui
