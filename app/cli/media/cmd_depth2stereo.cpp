// `sdstereo depth2stereo`: the classical renderer from the command line.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/dtype_option.h"
#include "app/cli/media/inpaint_options.h"
#include "core/engine/compute_device.h"
#include "core/media/image_io.h"
#include "core/media/image_metrics.h"
#include "core/media/inpaint_fill.h"
#include "core/media/stereo_export.h"
#include "core/media/stereo_render.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

namespace controls = render::controls;

// An option from the engine's one definition of the control: its name, and its
// help with "(default V, MIN..MAX)"; `more` adds lines under it.
Option option(const render::Control& c, const std::string& arg, const std::string& more = "") {
  std::ostringstream o;
  o << c.help << " (default " << c.value << ", " << c.min << ".." << c.max << ")";
  if (!more.empty()) o << "\n" << more;
  return {c.name, arg, o.str()};
}

const OptionList& options() {
  static const OptionList list =
      OptionList{
          {"image", "IMG", "the photo (8/16-bit PNG, JPEG, TIFF, ...; EXIF orientation is applied)"},
          {"depth", "MAP", "depth-like map (8/16-bit PNG, float TIFF); resized to the photo when sizes differ"},
          {"depth-kind", "KIND",
           "inverse-depth (near = bright), depth (near = dark; <= 0 unknown), or\n"
           "disparity-px (the left view's disparity in pixels, 0 = unknown; --scale unused)"},
          {"depth-scale", "S",
           "multiply the map's values by S first (e.g. 0.5 for a half-size image with a\n"
           "full-size disparity map's values, 1/256 for KITTI disparity PNGs)"},
          option(controls::kScalePercent, "PCT"),
          option(controls::kExponent, "E"),
      }
          .note("  Convergence (the screen plane). Relative maps (inverse-depth, depth) by default put the disparity at "
                "the\n"
                "  --converge-at percentile on the screen: the scene behind it, the nearest few percent in front. A\n"
                "  disparity-px map is used as given unless --converge-at or --convergence is given.")
          .add(OptionList{
              option(controls::kConvergePercentile, "P"),
              option(controls::kConvergence, "C", "(fixed; for disparity-px the offset is C x the largest disparity)"),
              option(controls::kMaxDisparityPercent, "PCT"),
          })
          .note("  Depth edges (against halos: outline pixels of near objects move with them, the fill sees only the "
                "far side):")
          .add(OptionList{
              option(controls::kEdgeBandPx, "PX"),
              option(controls::kEdgeSmoothingPx, "PX"),
              {"both", "", "synthesise both views, half the disparity each way (default: right from left)"},
              {"fill", "MODE",
               "background (default), telea (OpenCV inpainting) or inpaint (a Stable Diffusion\n"
               "inpainting model, --inpaint-model) for disoccluded holes"},
              option(controls::kTextureFill, "0|1", "(--fill background only; the studio's preview renders without it)"),
          })
          .add(inpaintOptions(InpaintSpelling::AlsoShort))
          .add(colourMatchOption())
          .add(dtypeOptions())
          .add(OptionList{
              {"format", "FMT",
               "right, left, sbs, sbs-cross, hsbs, ou, hou, anaglyph-true, anaglyph-gray,\n"
               "anaglyph-color, anaglyph-half-color, anaglyph-dubois, separate, mpo"},
              {"out", "FILE", "output (.png, .jpg, ...; .mpo for mpo; separate adds -left / -right)"},
              {"depth-out", "FILE", "also write the applied disparity as a 16-bit PNG"},
              {"json", "", "also write FILE.json with the parameters (PNGs carry them in a tEXt chunk)"},
              {"quality", "Q", "JPEG quality 1..100 (default 95)"},
              {"device", "DEV", "cpu (default) or cuda"},
              {"reference", "RIGHT", "print PSNR / SSIM of the rendered right view against a real right view"},
          });
  return list;
}

std::string usage() {
  return "Usage: sdstereo depth2stereo --image IMG --depth MAP --depth-kind KIND --format FMT --out FILE "
         "[options]\n\n"
         "Renders a stereo pair from one photo and its depth map by forward warping, and writes it.\n\n" +
         options().help(23);
}

media::RenderParams readParams(const Args& a) {
  media::RenderParams p;
  p.depth_kind = media::parseDepthKind(a.required("depth-kind"));
  p.scale_percent = a.number("scale", p.scale_percent);
  p.exponent = a.number("exponent", p.exponent);
  if (a.has("convergence") && a.has("converge-at"))
    throw Error("Give either --convergence (fixed) or --converge-at (percentile), not both.");
  if (a.has("convergence")) {
    p.convergence_mode = render::ConvergenceMode::Fixed;
    p.convergence = a.number("convergence", p.convergence);
  }
  if (a.has("converge-at")) {
    p.convergence_mode = render::ConvergenceMode::Percentile;
    p.converge_percentile = a.number("converge-at", p.converge_percentile);
  }
  p.max_disparity_percent = a.number("max-disparity", p.max_disparity_percent);
  p.edge_band_px = a.number("edge-band", p.edge_band_px);
  p.edge_smoothing_px = a.number("edge-smoothing", p.edge_smoothing_px);
  p.view_mode = a.flag("both") ? media::ViewMode::BothHalf : media::ViewMode::RightFromLeft;
  p.fill = media::parseFillMode(a.get("fill", "background"));
  if (a.has("texture-fill")) {
    const double t = a.number("texture-fill", 1);
    if (t != 0 && t != 1) throw Error("--texture-fill must be 0 or 1.");
    if (p.fill != media::FillMode::Background) throw Error("--texture-fill needs --fill background.");
    p.texture_fill = t == 1;
  }
  p.device = a.get("device", "cpu");
  return p;
}

media::StereoPair renderWithInpainting(const cv::Mat& image, const cv::Mat& depth, const media::RenderParams& params,
                                       const media::InpaintSettings& settings) {
  media::HoleInpainter inpainter;
  media::InpaintReport report;
  auto pair = media::renderStereoInpainted(image, depth, params, inpainter, settings, inpaintProgressPrinter(), {},
                                           &report);
  printInpaintReport(report, settings);
  return pair;
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
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  const media::RenderParams params = readParams(a);
  const bool inpainting = params.fill == media::FillMode::Inpaint;
  if (!inpainting && a.flag("no-colour-match")) throw Error("--no-colour-match needs --fill inpaint.");
  if (!inpainting && a.has("dtype")) throw Error("--dtype needs --fill inpaint (the warp itself has no network).");
  const media::InpaintSettings inpaint = readInpaintOptions(a, inpainting, InpaintSpelling::AlsoShort, params.device);
  if (inpainting) reportDtype(inpaint.precision, parseDevice(inpaint.device));
  media::ExportRequest request;
  request.format = a.required("format");
  request.path = a.required("out");
  request.side_json = a.flag("json");
  request.jpeg_quality = a.integer("quality", 95);
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
    // A units factor (0.5 for a half-size pair); 1e300 would turn every value into inf.
    if (!(s > 0) || s > 1e6) throw Error("--depth-scale must be above 0 and at most 1000000.");
    depth.convertTo(depth, CV_32F, s);
  }
  const media::StereoPair pair =
      inpainting ? renderWithInpainting(image, depth, params, inpaint) : media::renderStereo(image, depth, params);
  std::vector<std::pair<std::string, std::string>> record = {{"image", image_path}, {"depth", depth_path}};
  if (inpainting)
    for (auto& field : media::inpaintRecord(inpaint, inpaint.model_path)) record.push_back(std::move(field));
  request.params_json = media::paramsToJson(params, record);
  for (const auto& path : media::exportStereo(pair.left, pair.right, request)) std::cout << "wrote " << path << "\n";
  if (a.has("depth-out")) {
    media::exportDepthPng16(a.get("depth-out", ""), pair.disparity_px, request.params_json);
    std::cout << "wrote " << a.get("depth-out", "") << "\n";
  }
  if (a.has("reference")) printComparison(pair.right, a.get("reference", ""));
  return 0;
}

const CommandRegistration reg{{"depth2stereo", "render a stereo pair from a photo and its depth map (classical)",
                               usage(), &run}};

}  // namespace
}  // namespace sds::cli
