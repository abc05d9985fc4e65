// Full-reference image quality metrics exactly as shared/fixtures/metrics/README.md
// defines them (scikit-image 0.19 conventions), on 8-bit images.
#pragma once
#include <array>

#include <opencv2/core.hpp>

namespace sds::media {

// Single-channel 8-bit (or any depth, read as float64) SSIM of img against ref.
double ssimGaussian(const cv::Mat& ref, const cv::Mat& img);  // sigma 1.5, 11 taps, population covariance, crop 5
double ssimUniform7(const cv::Mat& ref, const cv::Mat& img);  // 7x7 box, sample covariance (49/48), crop 3

// Mean over every pixel and channel of (ref - img)^2 in float64.
double meanSquaredError(const cv::Mat& ref, const cv::Mat& img);
// 10 log10(255^2 / mse); +infinity for identical images.
double psnrFromMse(double mse);

struct ImageMetrics {
  double mse_rgb = 0, psnr_rgb = 0, mse_gray = 0, psnr_gray = 0;
  double ssim_gauss_rgb = 0, ssim_gauss_gray = 0, ssim_uniform7_rgb = 0, ssim_uniform7_gray = 0;
  std::array<double, 3> ssim_gauss_per_channel_bgr{}, ssim_uniform7_per_channel_bgr{};
};

// ref, img: CV_8UC3 BGR of the same size ("rgb" = the 3 channels, "gray" = cv::cvtColor
// BGR2GRAY on the 8-bit images). Throws sds::Error on other inputs.
ImageMetrics compareImages(const cv::Mat& ref, const cv::Mat& img);

}  // namespace sds::media
