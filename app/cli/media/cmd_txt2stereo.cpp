// `sdstereo txt2stereo`: a stereo pair from a prompt by the StereoDiffusion
// method. Writes left/right views, side-by-side, anaglyph, the disparity map
// (16-bit PNG preview and exact float TIFF) and the parameters (PNG text chunk
// "parameters" in every image, and params.json), so any result can be made
// again with --params DIR/params.json.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/dtype_option.h"
#include "app/cli/generation_options.h"
#include "app/cli/media/generator_options.h"
#include "app/cli/media/inpaint_options.h"
#include "app/cli/media/stereo_outputs.h"
#include "core/media/generation.h"
#include "core/media/generation_record.h"
#include "core/media/image_io.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::cli {
namespace {

const OptionList& options() {
  static const OptionList list = OptionList(modelOptions())
      .add(depthModelOptions("the left image"))
      .add(OptionList{
          {"disparity", "FILE", "your disparity / inverse-depth map (near = bright; 8/16-bit PNG, float TIFF)"},
          {"params", "FILE", "start from a params.json written by an earlier run (options below override it)"},
          {"prompt", "TEXT", "what to draw"},
          {"negative", "TEXT", "what to avoid (default: empty)"},
          {"steps", "N", "DDIM steps (default 50)"},
          {"guidance", "S", "classifier-free guidance scale (default 7.5)"},
          {"seed", "N", "noise seed (default: random, printed and stored)"},
          {"width", "W", "image width in pixels, a multiple of 8 (default: the family's native size,\n"
                         "1024 for SDXL, 512 for SD 1.x / 2.x)"},
          {"height", "H", "image height in pixels, a multiple of 8 (default: as the width)"},
      })
      .add(stereoOptions())
      .add(OptionList{
          {"compose", "",
           "the right view made of the left view's own pixels wherever the right eye sees them\n"
           "(edge-aware warp by the disparity), the StereoDiffusion right view only where the left\n"
           "could not see (as img2stereo composes a photo); the plain pair goes to DIR/diffusion/,\n"
           "right_filled_mask.png shows where the diffusion view is used (not with --shift-both)"},
          {"fill", "MODE",
           "what fills the composition's holes: diffusion (default, with --compose) or inpaint\n"
           "(an inpainting model, --inpaint-model; composes as --compose does)"},
      })
      .add(inpaintOptions(InpaintSpelling::Prefixed))
      .add(colourMatchOption())
      .add(OptionList{
          {"no-kv-cache", "", "always denoise both views in one batch (no left-view K/V cache)"},
          {"kv-budget-mb", "N", "memory budget of the K/V cache (default: half the free memory, at most 8192)"},
          anaglyphOption(),
          deviceOption(),
      })
      .add(dtypeOptions())
      .add(OptionList{
          {"compare-mono", "N",
           "also time N mono txt2img runs of the same size and steps against N pairs and print\n"
           "the cost ratio (medians; pass 1 included, depth too when estimated)"},
          {"out", "DIR", "output folder (created)"},
      });
  return list;
}

const std::string kUsage =
    "Usage: sdstereo txt2stereo --model PATH (--depth-model PATH | --disparity FILE) --prompt TEXT --out DIR "
    "[options]\n\n"
    "Generates the left view with Stable Diffusion, estimates its depth (or takes yours) and denoises the right\n"
    "view by StereoDiffusion (latent stereo pixel shift, shift masking, coupled self-attention).\n\n" +
    options().help();

// --fill: diffusion (the plain pair, or with --compose the diffusion right
// view in the holes) or inpaint (composes, the model fills the holes).
bool readInpaintChoice(const Args& a) { return readFillIsInpaint(a, "diffusion", /*colour_match_also_own=*/false); }

media::GenerationRequest readRequest(const Args& a) {
  media::GenerationRequest r;
  if (a.has("params")) {
    const auto j = readUntrustedJson(a.get("params", ""), "The parameter file");
    if (!j.is_object()) throw Error("The parameter file " + a.get("params", "") + " is not a JSON object.");
    r = media::promptRequestFromRecord(j);
  } else {
    r.seed = randomSeed();
  }
  r.mode = media::GenerationMode::Prompt;
  r.prompt = a.has("params") && !a.has("prompt") ? r.prompt : a.required("prompt");
  r.negative_prompt = a.get("negative", r.negative_prompt);
  r.steps = a.integerIn("steps", r.steps, 1, 10000);
  r.guidance_scale = a.number("guidance", r.guidance_scale);
  r.seed = seedOption(a).value_or(r.seed);
  r.width = a.integerIn("width", r.width, 1, kMaxOptionSide);
  r.height = a.integerIn("height", r.height, 1, kMaxOptionSide);
  applyStereoOptions(a, r.stereo);
  if (a.has("kv-budget-mb"))
    r.stereo.kv_cache_budget_bytes = int64_t(a.integerIn("kv-budget-mb", 0, 0, 1 << 24)) * (int64_t(1) << 20);  // <= 16 TiB
  return r;
}

struct Took {
  double wall = 0, cpu = 0;  // seconds; cpu over all threads (robust on a busy machine)
};

Took timed(const std::function<void()>& f) {
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  f();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
          double(std::clock() - cpu_start) / CLOCKS_PER_SEC};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Times `runs` mono pictures and `runs` whole pairs (pass 1 made again each
// time) alternately, after one warm-up each, so a busy machine slows both alike.
void compareWithMono(media::Generator& generator, const media::GenerationRequest& pair, int runs) {
  media::PictureRequest mono;
  static_cast<pipelines::PromptControls&>(mono) = pair;  // the pair's left view, DDIM
  media::GenerationRequest plain = pair;                 // the StereoDiffusion pair itself
  plain.compose_right = false;
  plain.inpaint.reset();
  std::vector<double> mono_wall, mono_cpu, pair_wall, pair_cpu;
  for (int i = 0; i <= runs; ++i) {
    const Took m = timed([&] { generator.picture(mono); });
    generator.forgetLeftView();
    const Took p = timed([&] { generator.generate(plain); });
    if (i == 0) continue;  // warm-up
    mono_wall.push_back(m.wall);
    mono_cpu.push_back(m.cpu);
    pair_wall.push_back(p.wall);
    pair_cpu.push_back(p.cpu);
  }
  generator.forgetLeftView();
  std::cout << "median of " << runs << " (" << pair.steps << " steps, " << pair.width << "x" << pair.height
            << "): mono txt2img " << median(mono_wall) << " s wall / " << median(mono_cpu)
            << " s CPU, stereo pair " << median(pair_wall) << " s wall / " << median(pair_cpu)
            << " s CPU; ratio " << median(pair_wall) / median(mono_wall) << " wall, "
            << median(pair_cpu) / median(mono_cpu) << " CPU\n";
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  if (a.has("depth-model") == a.has("disparity"))
    throw Error("Give exactly one of --depth-model (estimate the depth of the left view) and --disparity FILE.");
  media::GenerationRequest request = readRequest(a);
  const bool inpainting = readInpaintChoice(a);
  // --fill inpaint composes too: the model fills the composition's holes.
  request.compose_right = a.flag("compose") || inpainting;
  request.inpaint = readGeneratedInpaintFill(a, inpainting);
  const std::string anaglyph = anaglyphChoice(a);
  const std::filesystem::path out = a.required("out");
  if (a.has("disparity")) {
    request.depth = media::loadDepthMap(a.get("disparity", ""));  // near = bright
    request.depth_source = a.get("disparity", "");
  }

  media::Generator generator;
  const media::LoadedModelSummary model = loadFor(generator, a, request);
  if (!a.has("params")) {  // the family's native size unless given
    if (!a.has("width")) request.width = model.native_size;
    if (!a.has("height")) request.height = model.native_size;
  }
  std::cout << "model: " << describeModel(model) << ", " << request.width << "x" << request.height << ", seed "
            << request.seed << "\n";
  if (a.has("compare-mono"))
    compareWithMono(generator, request, a.integerIn("compare-mono", 3, 1, 100));

  media::GenerationResult result;
  const Took took = timed([&] {
    result = generator.generate(request, [](const Progress& p) {
      if (p.total > 0 && p.step > 0)
        std::cerr << "\r" << p.stage << " " << p.step << "/" << p.total << "   " << std::flush;
      if (p.total > 0 && p.step == p.total) std::cerr << "\n";
    });
  });
  std::cout << "pair in " << took.wall << " s ("
            << (result.stats.used_kv_cache ? "left-view K/V cache" : "two-view batch") << ", shift at step "
            << result.stats.shift_step << ")\n";
  if (request.inpaint) printInpaintReport(result.stats.inpaint, *request.inpaint);
  writeGenerationOutputs(out, result, anaglyph);
  return 0;
}

const CommandRegistration reg{{"txt2stereo", "generate a stereo pair from a prompt (StereoDiffusion)", kUsage, &run}};

}  // namespace
}  // namespace sds::cli
