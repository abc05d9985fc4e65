#include "ui/render/disparity_stats.h"

#include <algorithm>
#include <cmath>

namespace sds::ui {

DisparityHistogram disparityHistogram(const cv::Mat& disparity_px, double to_full, int bins) {
  DisparityHistogram h;
  if (disparity_px.empty() || disparity_px.type() != CV_32FC1 || bins < 1) return h;
  double lo = 0, hi = 0;
  cv::minMaxLoc(disparity_px, &lo, &hi);
  lo *= to_full;
  hi *= to_full;
  const bool flat = !(hi - lo > 1e-9);
  h.min_px = flat ? lo - 0.5 : lo;
  h.bin_width_px = flat ? 1.0 : (hi - lo) / bins;
  h.counts.assign(flat ? 1 : bins, 0.0);
  const int last = int(h.counts.size()) - 1;
  for (int y = 0; y < disparity_px.rows; ++y) {
    const float* row = disparity_px.ptr<float>(y);
    for (int x = 0; x < disparity_px.cols; ++x) {
      const int bin = int(std::floor((row[x] * to_full - h.min_px) / h.bin_width_px));
      h.counts[std::clamp(bin, 0, last)] += 1.0;
    }
  }
  const double total = double(disparity_px.total());
  for (double& c : h.counts) c /= total;
  return h;
}

}  // namespace sds::ui
