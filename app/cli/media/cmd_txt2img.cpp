// `sdstereo txt2img`: one picture from a prompt with Stable Diffusion, written
// atomically as PNG (or by extension) with the generation parameters in a PNG
// text chunk "parameters".
#include <iostream>
#include <optional>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/dtype_option.h"
#include "app/cli/generation_options.h"
#include "app/cli/media/generator_options.h"
#include "core/media/generation.h"
#include "core/media/image_io.h"
#include "core/base/error.h"

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

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  media::PictureRequest p;
  p.prompt = a.required("prompt");
  p.negative_prompt = a.get("negative", "");
  p.no_negative_prompt = !a.has("negative");
  p.steps = a.integerIn("steps", p.steps, 1, 10000);
  p.guidance_scale = a.number("guidance", p.guidance_scale);
  const std::optional<uint64_t> seed = seedOption(a);
  p.seed = seed ? *seed : randomSeed();  // the random device is read only when no seed is given
  p.scheduler = a.get("scheduler", p.scheduler);
  // Sizes given are checked before the (slow) model load; the others come from its family.
  p.width = a.integerIn("width", p.width, 1, kMaxOptionSide);
  p.height = a.integerIn("height", p.height, 1, kMaxOptionSide);
  const std::string out = a.required("out");

  media::Generator generator;
  generator.setModels(generatorModels(a));
  generator.check(p);
  const media::LoadedModelSummary model = generator.load(false);
  if (!a.has("width")) p.width = model.native_size;
  if (!a.has("height")) p.height = model.native_size;
  std::cout << "model: " << describeModel(model, false) << ", " << p.width << "x" << p.height << ", seed " << p.seed
            << "\n";

  const auto result = generator.picture(p, [](const Progress& pr) {
    if (pr.stage == "denoising" && pr.step > 0) std::cerr << "\rstep " << pr.step << "/" << pr.total << std::flush;
    if (pr.stage == "denoising" && pr.step == pr.total) std::cerr << "\n";
  });
  media::writeImageAtomic(out, result.image, {{"parameters", result.parameters}});
  std::cout << "wrote " << out << "\n";
  return 0;
}

const CommandRegistration reg{{"txt2img", "generate an image from a prompt with Stable Diffusion", kUsage, &run}};

}  // namespace
}  // namespace sds::cli
