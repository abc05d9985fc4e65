// `sdstereo txt2img`: one picture from a prompt with Stable Diffusion, written
// atomically as PNG (or by extension) with the generation parameters in a PNG
// text chunk "parameters".
#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>

#include <torch/cuda.h>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/dtype_option.h"
#include "app/cli/generation_options.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/media/image_io.h"
#include "core/media/internal/tensor_bridge.h"
#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

namespace sds::cli {
namespace {

const OptionList& options() {
  static const OptionList list = OptionList(modelOptions())
      .add(OptionList{
          {"prompt", "TEXT", "what to draw"},
          {"negative", "TEXT", "what to avoid (default: none; SDXL then uses zero uncond embeddings as diffusers)"},
          {"steps", "N", "denoising steps (default 50)"},
          {"guidance", "S", "classifier-free guidance scale (default 7.5; <= 1 disables guidance)"},
          {"seed", "N", "noise seed (default: random, printed)"},
          {"width", "W", "image width in pixels, a multiple of 8 (default: the family's native size,\n"
                         "1024 for SDXL, 512 for SD 1.x / 2.x)"},
          {"height", "H", "image height in pixels, a multiple of 8 (default: as --width)"},
          {"scheduler", "NAME", "ddim (default), dpmpp-2m or dpmpp-2m-karras"},
          deviceOption(),
      })
      .add(dtypeOptions())
      .add(Option{"out", "FILE", "output image (.png keeps the parameters in a text chunk)"});
  return list;
}

const std::string kUsage =
    "Usage: sdstereo txt2img --model PATH --prompt TEXT --out FILE.png [options]\n\n"
    "Generates one image with classifier-free guidance. The same seed gives the same picture on every device\n"
    "(the initial noise is drawn on the CPU).\n\n" +
    options().help();

std::string parametersText(const pipelines::Txt2ImgParams& p, const std::string& model) {
  std::ostringstream o;
  o << p.prompt << "\nNegative prompt: " << p.negative_prompt << "\nSteps: " << p.steps
    << ", Sampler: " << schedulers::schedulerKindName(p.scheduler) << ", CFG scale: " << p.guidance_scale
    << ", Seed: " << p.seed << ", Size: " << p.width << "x" << p.height << ", Model: " << model;
  return o.str();
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  pipelines::Txt2ImgParams p;
  p.prompt = a.required("prompt");
  p.negative_prompt = a.get("negative", "");
  p.sdxl.no_negative_prompt = !a.has("negative");
  p.steps = a.integerIn("steps", p.steps, 1, 10000);
  p.guidance_scale = a.number("guidance", p.guidance_scale);
  const std::optional<uint64_t> seed = seedOption(a);
  p.seed = seed ? *seed : randomSeed();  // the random device is read only when no seed is given
  p.scheduler = schedulers::parseSchedulerKind(a.get("scheduler", "ddim"));
  const std::string out = a.required("out");
  if (!pipelines::controls::kSteps.contains(p.steps)) throw Error("--steps must be between 1 and 1000.");
  // Sizes given are checked before the (slow) model load; the others come from its family.
  for (const std::string side : {"width", "height"}) {
    const long v = a.has(side) ? a.integer(side, 0) : 8;
    if (v <= 0 || v % 8) throw Error("--" + side + " must be a positive multiple of 8, got " + std::to_string(v) + ".");
  }

  const sd::SdLoadOptions options = sdLoadOptions(a);
  const std::string model_path = a.required("model");
  const auto model = sd::loadStableDiffusion(model_path, options);
  p.width = a.has("width") ? a.integerIn("width", 0, 1, kMaxOptionSide) : sd::nativeImageSize(model.version);
  p.height = a.has("height") ? a.integerIn("height", 0, 1, kMaxOptionSide) : sd::nativeImageSize(model.version);
  std::cout << "model: " << sd::versionName(model.version) << " (" << sd::layoutName(model.layout) << ") on "
            << options.device.str() << ", " << p.width << "x" << p.height << ", seed " << p.seed << "\n";

  pipelines::RunControl control;
  control.progress = [](const Progress& pr) {
    if (pr.stage == "denoising" && pr.step > 0) std::cerr << "\rstep " << pr.step << "/" << pr.total << std::flush;
    if (pr.stage == "denoising" && pr.step == pr.total) std::cerr << "\n";
  };
  const auto result = pipelines::txt2img(model, p, control);
  const std::string name = std::filesystem::path(model_path).filename().string();
  media::writeImageAtomic(out, media::tensor01ToImage8(result.image01), {{"parameters", parametersText(p, name)}});
  std::cout << "wrote " << out << "\n";
  return 0;
}

const CommandRegistration reg{{"txt2img", "generate an image from a prompt with Stable Diffusion", kUsage, &run}};

}  // namespace
}  // namespace sds::cli
