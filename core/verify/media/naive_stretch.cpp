#include "core/verify/media/naive_stretch.h"

#include "core/base/error.h"

namespace sds::verify {

StretchResult naiveStretch(const cv::Mat& left, const cv::Mat& disparity) {
  if (left.type() != CV_8UC3 || disparity.type() != CV_32FC1 || left.size() != disparity.size())
    throw Error("naiveStretch needs an 8-bit BGR image and a float disparity map of its size.");
  StretchResult r{cv::Mat::zeros(left.size(), CV_8UC3), cv::Mat(left.size(), CV_8UC1, cv::Scalar(255))};
  cv::Mat best(left.size(), CV_32FC1, cv::Scalar(-1));
  for (int y = 0; y < left.rows; ++y) {
    const float* d = disparity.ptr<float>(y);
    for (int x = 0; x < left.cols; ++x) {
      if (d[x] <= 0) continue;  // unknown: writes nothing
      const int t = x - int(d[x]);  // trunc, as StereoDiffusion's integer pixel shift
      if (t < 0 || d[x] <= best.at<float>(y, t)) continue;  // the larger disparity (nearer) wins
      best.at<float>(y, t) = d[x];
      r.image.at<cv::Vec3b>(y, t) = left.at<cv::Vec3b>(y, x);
      r.holes.at<uchar>(y, t) = 0;
    }
  }
  return r;
}

}  // namespace sds::verify
