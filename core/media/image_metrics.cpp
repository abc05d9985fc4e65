#include "core/media/image_metrics.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <limits>

#include "core/base/error.h"

namespace sds::media {
namespace {

constexpr double kC1 = (0.01 * 255) * (0.01 * 255);
constexpr double kC2 = (0.03 * 255) * (0.03 * 255);

void requireSameSingleChannel(const cv::Mat& a, const cv::Mat& b) {
  if (a.empty() || a.size() != b.size() || a.channels() != 1 || b.channels() != 1)
    throw Error("SSIM needs two single-channel images of the same size.");
}

// The local-window filter of one SSIM variant (weights sum to 1).
using WindowFilter = void (*)(const cv::Mat& src, cv::Mat& dst);

void gaussianWindow(const cv::Mat& src, cv::Mat& dst) {
  static const cv::Mat g = cv::getGaussianKernel(11, 1.5, CV_64F);
  cv::sepFilter2D(src, dst, CV_64F, g, g, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
}

void boxWindow7(const cv::Mat& src, cv::Mat& dst) {
  cv::boxFilter(src, dst, CV_64F, cv::Size(7, 7), cv::Point(-1, -1), true, cv::BORDER_REFLECT);
}

// Wang et al. 2004 with the windowed moments; the mean is taken only over pixels
// whose whole window lies inside the image (skimage crops (win - 1) / 2).
double ssim(const cv::Mat& ref, const cv::Mat& img, WindowFilter filter, double cov_norm, int crop) {
  requireSameSingleChannel(ref, img);
  if (ref.rows <= 2 * crop || ref.cols <= 2 * crop) throw Error("The image is too small for SSIM.");
  cv::Mat x, y;
  ref.convertTo(x, CV_64F);
  img.convertTo(y, CV_64F);
  cv::Mat mx, my, mxx, myy, mxy;
  filter(x, mx);
  filter(y, my);
  filter(x.mul(x), mxx);
  filter(y.mul(y), myy);
  filter(x.mul(y), mxy);
  const cv::Mat vx = (mxx - mx.mul(mx)) * cov_norm;
  const cv::Mat vy = (myy - my.mul(my)) * cov_norm;
  const cv::Mat cxy = (mxy - mx.mul(my)) * cov_norm;
  const cv::Mat num = (2 * mx.mul(my) + kC1).mul(2 * cxy + kC2);
  const cv::Mat den = (mx.mul(mx) + my.mul(my) + kC1).mul(vx + vy + kC2);
  cv::Mat s;
  cv::divide(num, den, s);
  const cv::Rect inner(crop, crop, s.cols - 2 * crop, s.rows - 2 * crop);
  return cv::mean(s(inner))[0];
}

}  // namespace

double ssimGaussian(const cv::Mat& ref, const cv::Mat& img) { return ssim(ref, img, &gaussianWindow, 1.0, 5); }

double ssimUniform7(const cv::Mat& ref, const cv::Mat& img) {
  return ssim(ref, img, &boxWindow7, 49.0 / 48.0, 3);
}

double meanSquaredError(const cv::Mat& ref, const cv::Mat& img) {
  if (ref.empty() || ref.size() != img.size() || ref.type() != img.type())
    throw Error("MSE needs two images of the same size and type.");
  cv::Mat a, b;
  ref.convertTo(a, CV_64F);
  img.convertTo(b, CV_64F);
  const cv::Mat diff = a - b;
  const cv::Scalar per_channel = cv::sum(diff.mul(diff));
  double total = 0;
  for (int c = 0; c < ref.channels(); ++c) total += per_channel[c];
  return total / (double(ref.total()) * ref.channels());
}

double psnrFromMse(double mse) {
  if (mse <= 0) return std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(255.0 * 255.0 / mse);
}

ImageMetrics compareImages(const cv::Mat& ref, const cv::Mat& img) {
  if (ref.type() != CV_8UC3 || img.type() != CV_8UC3 || ref.size() != img.size())
    throw Error("Image metrics need two 8-bit BGR images of the same size.");
  ImageMetrics m;
  m.mse_rgb = meanSquaredError(ref, img);
  m.psnr_rgb = psnrFromMse(m.mse_rgb);
  cv::Mat gr, gi;
  cv::cvtColor(ref, gr, cv::COLOR_BGR2GRAY);
  cv::cvtColor(img, gi, cv::COLOR_BGR2GRAY);
  m.mse_gray = meanSquaredError(gr, gi);
  m.psnr_gray = psnrFromMse(m.mse_gray);
  cv::Mat rc[3], ic[3];
  cv::split(ref, rc);
  cv::split(img, ic);
  for (int c = 0; c < 3; ++c) {
    m.ssim_gauss_per_channel_bgr[c] = ssimGaussian(rc[c], ic[c]);
    m.ssim_uniform7_per_channel_bgr[c] = ssimUniform7(rc[c], ic[c]);
  }
  m.ssim_gauss_rgb = (m.ssim_gauss_per_channel_bgr[0] + m.ssim_gauss_per_channel_bgr[1] +
                      m.ssim_gauss_per_channel_bgr[2]) / 3.0;
  m.ssim_uniform7_rgb = (m.ssim_uniform7_per_channel_bgr[0] + m.ssim_uniform7_per_channel_bgr[1] +
                         m.ssim_uniform7_per_channel_bgr[2]) / 3.0;
  m.ssim_gauss_gray = ssimGaussian(gr, gi);
  m.ssim_uniform7_gray = ssimUniform7(gr, gi);
  return m;
}

}  // namespace sds::media
