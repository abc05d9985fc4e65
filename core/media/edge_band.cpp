#include "core/media/edge_band.h"

#include <opencv2/imgproc.hpp>

#include "core/media/image_metrics.h"
#include "core/base/error.h"

namespace sds::media {

cv::Mat edgeBand(const cv::Mat& disparity_px, int dilate_px) {
  if (disparity_px.empty() || disparity_px.channels() != 1) throw Error("The edge band needs a single-channel disparity map.");
  if (dilate_px < 0) throw Error("The edge band's dilation must not be negative.");
  cv::Mat d;
  disparity_px.convertTo(d, CV_32F);
  cv::Mat written(d.size(), CV_8UC1, cv::Scalar(0));
  for (int y = 0; y < d.rows; ++y) {
    const float* row = d.ptr<float>(y);
    uchar* out = written.ptr<uchar>(y);
    for (int x = 0; x < d.cols; ++x) {
      if (!(row[x] > 0)) continue;
      const int target = x - int(row[x]);  // trunc: d > 0
      if (target >= 0) out[target] = 255;
    }
  }
  cv::Mat band = 255 - written;
  if (dilate_px > 0)
    cv::dilate(band, band, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * dilate_px + 1, 2 * dilate_px + 1)));
  return band;
}

double psnrInMask(const cv::Mat& ref, const cv::Mat& img, const cv::Mat& mask) {
  if (ref.type() != CV_8UC3 || img.type() != CV_8UC3 || ref.size() != img.size() || mask.size() != ref.size() ||
      mask.type() != CV_8UC1)
    throw Error("The masked PSNR needs two 8-bit BGR images and an 8-bit mask of one size.");
  const int n = cv::countNonZero(mask);
  if (n == 0) throw Error("The masked PSNR's mask is empty.");
  cv::Mat a, b;
  ref.convertTo(a, CV_64F);
  img.convertTo(b, CV_64F);
  cv::Mat squared = (a - b).mul(a - b);
  squared.setTo(cv::Scalar::all(0), mask == 0);
  const cv::Scalar per_channel = cv::sum(squared);
  return psnrFromMse((per_channel[0] + per_channel[1] + per_channel[2]) / (3.0 * double(n)));
}

}  // namespace sds::media
