// `sdstereo depth`: relative inverse depth of one photo with Depth Anything V2.
#include <iostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "core/media/depth_estimation.h"
#include "core/media/image_io.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

const char* kUsage =
    "Usage: sdstereo depth --model PATH --image IMG --out DEPTH.png [options]\n\n"
    "Estimates relative inverse depth (near = bright) with Depth Anything V2 and writes it as a 16-bit PNG,\n"
    "normalised to 0..65535 over the map's own range, at the photo's size.\n\n"
    "  --model PATH        folder with config.json + model.safetensors (transformers layout), or a .safetensors\n"
    "                      file in the official layout (depth_anything_v2_vit*.pth converted to safetensors)\n"
    "  --image IMG         the photo (8/16-bit, grey, colour or with alpha; EXIF orientation is applied)\n"
    "  --out DEPTH.png     16-bit PNG of the normalised inverse depth\n"
    "  --input-size N      short side of the network input, a multiple of 14 (default 518)\n"
    "  --preview FILE      also write a colour-mapped preview (8-bit)\n"
    "  --device DEV        cpu (default), cuda or cuda:N\n"
    "  --half              float16 on CUDA\n"
    "  --no-size-limit     apply the reference size rule even to panoramas (default: the long side of the\n"
    "                      network input is kept within 4 x input size)";

int run(const std::vector<std::string>& argv) {
  const Args a(argv, {"model", "image", "out", "input-size", "preview", "device"}, {"half", "no-size-limit"});
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  media::DepthModelOptions options;
  options.input_size = int(a.integer("input-size", 518));
  if (options.input_size < 14 || options.input_size > 4096) throw Error("--input-size must be between 14 and 4096.");
  options.device = a.get("device", "cpu");
  options.half = a.flag("half");
  if (a.flag("no-size-limit")) options.max_long_side_factor = 0;
  const std::string out = a.required("out");
  const cv::Mat image = media::loadImage(a.required("image"));
  const auto model = media::loadDepthModel(a.required("model"), options);
  std::cout << media::describeDepthModel(model) << "\n";
  const cv::Mat depth = media::estimateDepth(model, image);
  media::writeImageAtomic(out, media::mapTo16Bit(depth), {{"sdstereo", "relative inverse depth, normalised"}});
  std::cout << "wrote " << out << "\n";
  if (a.has("preview")) {
    media::writeImageAtomic(a.get("preview", ""), media::depthPreview(depth));
    std::cout << "wrote " << a.get("preview", "") << "\n";
  }
  return 0;
}

const CommandRegistration reg{{"depth", "estimate depth of a photo with Depth Anything V2", kUsage, &run}};

}  // namespace
}  // namespace sds::cli
