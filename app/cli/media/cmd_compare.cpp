// `sdstereo compare`: how close a synthesised view is to a real one (PSNR and
// both SSIM variants of shared/fixtures/metrics, on 8-bit BGR), e.g. a rendered
// right view against the camera's right view.
#include <iomanip>
#include <iostream>

#include <opencv2/imgcodecs.hpp>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "core/media/image_metrics.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

const char* kUsage =
    "Usage: sdstereo compare CANDIDATE REFERENCE\n\n"
    "Prints PSNR (dB) and SSIM (Gaussian 11-tap and 7x7 uniform, scikit-image conventions) of CANDIDATE against\n"
    "REFERENCE, in colour and in grey. Both must be images of the same size; they are read as 8-bit colour.";

cv::Mat readColour(const std::string& path) {
  cv::Mat m = cv::imread(path, cv::IMREAD_COLOR);
  if (m.empty()) throw Error("Cannot read the image " + path + ".");
  return m;
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, {}, {});
  if (a.positional().size() != 2) throw Error("compare needs two images: CANDIDATE REFERENCE (see --help).");
  const cv::Mat candidate = readColour(a.positional()[0]), reference = readColour(a.positional()[1]);
  if (candidate.size() != reference.size())
    throw Error("The images differ in size: " + std::to_string(candidate.cols) + "x" + std::to_string(candidate.rows) +
                " and " + std::to_string(reference.cols) + "x" + std::to_string(reference.rows) + ".");
  const auto m = media::compareImages(reference, candidate);
  std::cout << std::fixed << std::setprecision(4) << "psnr_rgb " << m.psnr_rgb << "\npsnr_gray " << m.psnr_gray
            << "\nssim_gauss_rgb " << m.ssim_gauss_rgb << "\nssim_gauss_gray " << m.ssim_gauss_gray
            << "\nssim_uniform7_rgb " << m.ssim_uniform7_rgb << "\nssim_uniform7_gray " << m.ssim_uniform7_gray
            << "\n";
  return 0;
}

const CommandRegistration reg{{"compare", "PSNR and SSIM of a synthesised view against a real one", kUsage, &run}};

}  // namespace
}  // namespace sds::cli
