// `sdstereo depth`: the depth of one photo with Depth Anything V2 or 3.
#include <iostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/dtype_option.h"
#include "app/cli/media/focal_option.h"
#include "core/media/depth_estimation.h"
#include "core/media/image_io.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

const OptionList& options() {
  static const OptionList list = OptionList{
      {"model", "PATH",
       "Depth Anything V2: folder with config.json + model.safetensors (transformers layout),\n"
       "or a .safetensors file in the official layout (depth_anything_v2_vit*.pth converted);\n"
       "Depth Anything 3 (DA3Mono-Large, DA3Metric-Large): its folder or model.safetensors"},
      {"image", "IMG", "the photo (8/16-bit, grey, colour or with alpha; EXIF orientation is applied)"},
      {"out", "DEPTH.png", "16-bit PNG of the normalised inverse depth"},
      {"input-size", "N", "network input: V2 short side (default 518), DA3 long side (default 504); 14..4096"},
      {"raw-out", "FILE.tif",
       "also write the model's own output as a float TIFF (V2 inverse depth, DA3 relative depth,\n"
       "DA3 metric: metres)"},
      {"sky-out", "FILE", "also write the sky mask (8-bit, 255 = sky; models with a sky branch)"},
  }
      .add(focalOptions())
      .add(OptionList{
          {"preview", "FILE", "also write a colour-mapped preview (8-bit)"},
          deviceOption(),
      })
      .add(dtypeOptions())
      .add(Option{"no-size-limit", "",
                  "V2: apply the reference size rule even to panoramas (default: the long side of the\n"
                  "network input is kept within 4 x input size)"});
  return list;
}

const std::string kUsage =
    "Usage: sdstereo depth --model PATH --image IMG --out DEPTH.png [options]\n\n"
    "Estimates relative inverse depth (near = bright) with Depth Anything V2 or 3 and writes it as a 16-bit PNG,\n"
    "normalised to 0..65535 over the map's own range, at the photo's size. Depth Anything 3 outputs depth, which\n"
    "is inverted here, with the sky put at the far plane.\n\n" +
    options().help(22);

media::DepthModelOptions readOptions(const Args& a) {
  media::DepthModelOptions options;
  if (a.has("input-size")) {
    options.input_size = a.integer("input-size", 0);
    if (options.input_size < 14 || options.input_size > 4096) throw Error("--input-size must be between 14 and 4096.");
  }
  options.device = a.get("device", "cpu");
  options.precision = dtypeOption(a);
  if (a.flag("no-size-limit")) options.max_long_side_factor = 0;
  return options;
}

void write(const std::string& path, const cv::Mat& image, const media::TextChunks& text = {}) {
  media::writeImageAtomic(path, image, text);
  std::cout << "wrote " << path << "\n";
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  media::DepthModelOptions options = readOptions(a);
  const std::string out = a.required("out");
  const std::string image_path = a.required("image");
  const cv::Mat image = media::loadImage(image_path);
  const FocalChoice focal = chooseFocal(a, image_path, image.cols, image.rows);
  options.focal_px = focal.focal_px;
  options.horizontal_fov_degrees = focal.fov_degrees;
  const auto model = media::loadDepthModel(a.required("model"), options);
  std::cout << media::describeDepthModel(model) << "\n";
  const media::DepthEstimate estimate = media::estimateDepthMaps(model, image);
  if (a.has("sky-out") && estimate.sky.empty()) throw Error("--sky-out: this depth model has no sky branch.");
  write(out, media::mapTo16Bit(estimate.disparity), {{"sdstereo", "relative inverse depth, normalised"}});
  if (a.has("raw-out")) write(a.get("raw-out", ""), estimate.raw);
  if (a.has("sky-out")) write(a.get("sky-out", ""), estimate.sky);
  if (estimate.raw_kind == "metric depth (m)") std::cout << "focal length: " << focal.origin << "\n";
  if (estimate.raw_is_depth) {
    double lo = 0, hi = 0;
    cv::minMaxLoc(estimate.raw, &lo, &hi);
    std::cout << estimate.raw_kind << ": " << lo << " .. " << hi << "\n";
  }
  if (a.has("preview")) write(a.get("preview", ""), media::depthPreview(estimate.disparity));
  return 0;
}

const CommandRegistration reg{{"depth", "estimate depth of a photo with Depth Anything V2 or 3", kUsage, &run}};

}  // namespace
}  // namespace sds::cli
