// `sdstereo compare`: how close a synthesised view is to a real one (PSNR and
// both SSIM variants of shared/fixtures/metrics, on 8-bit BGR), e.g. a rendered
// right view against the camera's right view; with the source view's
// disparity, also the PSNR in the edge band (core/media/edge_band.h).
#include <iomanip>
#include <iostream>

#include <opencv2/imgcodecs.hpp>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "core/media/edge_band.h"
#include "core/media/image_io.h"
#include "core/media/image_metrics.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

const OptionList& options() {
  static const OptionList list = {
      {"disparity", "MAP",
       "the source (left) view's disparity in pixels (8/16-bit PNG or float TIFF, 0 = unknown,\n"
       "at the images' size): also prints psnr_edge_band, the colour PSNR over the edge band,\n"
       "where halos and hole fills live. The band is the set of pixels that a plain forward\n"
       "warp of the source view leaves empty (every pixel with d > 0 lands on column\n"
       "x - trunc(d), nearest wins; d <= 0 writes nothing), dilated by 3 px (a 7x7 square),\n"
       "and edge_band_fraction, its share of the image."},
      {"disparity-scale", "S", "multiply the map's values by S first (0.5 for a half-size pair with full-size values)"},
  };
  return list;
}

const std::string kUsage =
    "Usage: sdstereo compare CANDIDATE REFERENCE [--disparity MAP [--disparity-scale S]]\n\n"
    "Prints PSNR (dB) and SSIM (Gaussian 11-tap and 7x7 uniform, scikit-image conventions) of CANDIDATE against\n"
    "REFERENCE, in colour and in grey. Both must be images of the same size; they are read as 8-bit colour.\n\n" +
    options().help(23);

// As the metrics references read them: OpenCV's 8-bit colour decode.
cv::Mat readColour(const std::string& path) { return media::readImageFile(path, cv::IMREAD_COLOR); }

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (a.positional().size() != 2) throw Error("compare needs two images: CANDIDATE REFERENCE (see --help).");
  if (a.has("disparity-scale") && !a.has("disparity")) throw Error("--disparity-scale needs --disparity.");
  const cv::Mat candidate = readColour(a.positional()[0]), reference = readColour(a.positional()[1]);
  if (candidate.size() != reference.size())
    throw Error("The images differ in size: " + std::to_string(candidate.cols) + "x" + std::to_string(candidate.rows) +
                " and " + std::to_string(reference.cols) + "x" + std::to_string(reference.rows) + ".");
  const auto m = media::compareImages(reference, candidate);
  std::cout << std::fixed << std::setprecision(4) << "psnr_rgb " << m.psnr_rgb << "\npsnr_gray " << m.psnr_gray
            << "\nssim_gauss_rgb " << m.ssim_gauss_rgb << "\nssim_gauss_gray " << m.ssim_gauss_gray
            << "\nssim_uniform7_rgb " << m.ssim_uniform7_rgb << "\nssim_uniform7_gray " << m.ssim_uniform7_gray
            << "\n";
  if (a.has("disparity")) {
    cv::Mat d = media::loadDepthMap(a.get("disparity", ""));
    const double scale = a.number("disparity-scale", 1.0);
    if (!(scale > 0)) throw Error("--disparity-scale must be a positive number.");
    d.convertTo(d, CV_32F, scale);
    if (d.size() != reference.size()) throw Error("The disparity map must have the images' size.");
    const cv::Mat band = media::edgeBand(d, 3);
    std::cout << "psnr_edge_band " << media::psnrInMask(reference, candidate, band) << "\nedge_band_fraction "
              << double(cv::countNonZero(band)) / double(band.total()) << "\n";
  }
  return 0;
}

const CommandRegistration reg{{"compare", "PSNR and SSIM of a synthesised view against a real one", kUsage, &run}};

}  // namespace
}  // namespace sds::cli
