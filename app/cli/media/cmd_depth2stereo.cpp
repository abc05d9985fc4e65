// `sdstereo depth2stereo`: the classical renderer from the command line.
#include <algorithm>
#include <iomanip>
#include <iostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "core/media/image_io.h"
#include "core/media/image_metrics.h"
#include "core/media/stereo_export.h"
#include "core/media/stereo_render.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

const char* kUsage =
    "Usage: sdstereo depth2stereo --image IMG --depth MAP --depth-kind KIND --format FMT --out FILE [options]\n\n"
    "Renders a stereo pair from one photo and its depth map by forward warping, and writes it.\n\n"
    "  --image IMG          the photo (8/16-bit PNG, JPEG, TIFF, ...; EXIF orientation is applied)\n"
    "  --depth MAP          depth-like map (8/16-bit PNG, float TIFF); resized to the photo when sizes differ\n"
    "  --depth-kind KIND    inverse-depth (near = bright), depth (near = dark; <= 0 unknown), or\n"
    "                       disparity-px (the left view's disparity in pixels, 0 = unknown; --scale unused)\n"
    "  --depth-scale S      multiply the map's values by S first (e.g. 0.5 for a half-size image with a\n"
    "                       full-size disparity map's values, 1/256 for KITTI disparity PNGs)\n"
    "  --scale PCT          largest disparity in percent of the image width (default 3)\n"
    "  --exponent E         normalised disparity is raised to E (default 1)\n"
    "  --convergence C      0..1, the normalised disparity on the screen plane (default 0: all behind it)\n"
    "  --both               synthesise both views, half the disparity each way (default: right from left)\n"
    "  --fill MODE          background (default) or telea (OpenCV inpainting) for disoccluded holes\n"
    "  --format FMT         right, left, sbs, sbs-cross, hsbs, ou, hou, anaglyph-true, anaglyph-gray,\n"
    "                       anaglyph-color, anaglyph-half-color, anaglyph-dubois, separate, mpo\n"
    "  --out FILE           output (.png, .jpg, ...; .mpo for mpo; separate adds -left / -right)\n"
    "  --depth-out FILE     also write the applied disparity as a 16-bit PNG\n"
    "  --json               also write FILE.json with the parameters (PNGs carry them in a tEXt chunk)\n"
    "  --quality Q          JPEG quality 1..100 (default 95)\n"
    "  --device DEV         cpu (default) or cuda\n"
    "  --reference RIGHT    print PSNR / SSIM of the rendered right view against a real right view";

media::RenderParams readParams(const Args& a) {
  media::RenderParams p;
  p.depth_kind = media::parseDepthKind(a.required("depth-kind"));
  p.scale_percent = a.number("scale", p.scale_percent);
  p.exponent = a.number("exponent", p.exponent);
  p.convergence = a.number("convergence", p.convergence);
  p.view_mode = a.flag("both") ? media::ViewMode::BothHalf : media::ViewMode::RightFromLeft;
  p.fill = media::parseFillMode(a.get("fill", "background"));
  p.device = a.get("device", "cpu");
  return p;
}

void printComparison(const cv::Mat& right, const std::string& reference_path) {
  const cv::Mat ref = media::toBgr8(media::loadImage(reference_path));
  if (ref.size() != right.size())
    throw Error("The reference " + reference_path + " has another size than the rendered view.");
  const media::ImageMetrics m = media::compareImages(ref, right);
  std::cout << std::fixed << std::setprecision(6) << "psnr_rgb " << m.psnr_rgb << "\npsnr_gray " << m.psnr_gray
            << "\nssim_gauss_rgb " << m.ssim_gauss_rgb << "\nssim_gauss_gray " << m.ssim_gauss_gray
            << "\nssim_uniform7_rgb " << m.ssim_uniform7_rgb << "\nssim_uniform7_gray " << m.ssim_uniform7_gray
            << "\nmse_rgb " << m.mse_rgb << "\nmse_gray " << m.mse_gray << "\n";
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv,
               {"image", "depth", "depth-kind", "depth-scale", "scale", "exponent", "convergence", "fill", "format", "out",
                "depth-out", "quality", "device", "reference"},
               {"both", "json"});
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  const media::RenderParams params = readParams(a);
  media::ExportRequest request;
  request.format = a.required("format");
  request.path = a.required("out");
  request.side_json = a.flag("json");
  request.jpeg_quality = int(a.integer("quality", 95));
  if (request.jpeg_quality < 1 || request.jpeg_quality > 100) throw Error("--quality must be between 1 and 100.");
  const auto names = media::exportFormatNames();
  if (std::find(names.begin(), names.end(), request.format) == names.end()) {
    std::string all;
    for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
    throw Error("Unknown format '" + request.format + "' (use " + all + ").");
  }
  const std::string image_path = a.required("image"), depth_path = a.required("depth");

  const cv::Mat image = media::loadImage(image_path);
  cv::Mat depth = media::loadDepthMap(depth_path);
  if (a.has("depth-scale")) {
    const double s = a.number("depth-scale", 1.0);
    if (!(s > 0)) throw Error("--depth-scale must be a positive number.");
    depth.convertTo(depth, CV_32F, s);
  }
  const media::StereoPair pair = media::renderStereo(image, depth, params);
  request.params_json = media::paramsToJson(params, {{"image", image_path}, {"depth", depth_path}});
  for (const auto& path : media::exportStereo(pair.left, pair.right, request)) std::cout << "wrote " << path << "\n";
  if (a.has("depth-out")) {
    media::exportDepthPng16(a.get("depth-out", ""), pair.disparity_px, request.params_json);
    std::cout << "wrote " << a.get("depth-out", "") << "\n";
  }
  if (a.has("reference")) printComparison(pair.right, a.get("reference", ""));
  return 0;
}

const CommandRegistration reg{{"depth2stereo", "render a stereo pair from a photo and its depth map (classical)",
                               kUsage, &run}};

}  // namespace
}  // namespace sds::cli
