// `sdstereo txt2stereo`: a stereo pair from a prompt by the StereoDiffusion
// method. Writes left/right views, side-by-side, anaglyph, the disparity map
// (16-bit PNG preview and exact float TIFF) and the parameters (PNG text chunk
// "parameters" in every image, and params.json), so any result can be made
// again with --params DIR/params.json.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/dtype_option.h"
#include "app/cli/generation_options.h"
#include "app/cli/media/inpaint_options.h"
#include "app/cli/media/stereo_outputs.h"
#include "core/engine/compute_device.h"
#include "core/engine/depth/depth_estimator.h"
#include "core/engine/pipelines/compose_views.h"
#include "core/engine/pipelines/txt2stereo.h"
#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/media/image_io.h"
#include "core/media/internal/generated_inpaint.h"
#include "core/media/internal/tensor_bridge.h"
#include "core/base/atomic_file.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/sd/stable_diffusion.h"

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

pipelines::Txt2StereoParams readParams(const Args& a) {
  pipelines::Txt2StereoParams p;
  if (a.has("params")) {
    const auto j = readUntrustedJson(a.get("params", ""), "The parameter file");
    if (!j.is_object()) throw Error("The parameter file " + a.get("params", "") + " is not a JSON object.");
    p = pipelines::txt2stereoParamsFromJson(j);
  } else {
    p.seed = randomSeed();
  }
  p.prompt = a.has("params") && !a.has("prompt") ? p.prompt : a.required("prompt");
  p.negative_prompt = a.get("negative", p.negative_prompt);
  p.steps = a.integerIn("steps", p.steps, 1, 10000);
  p.guidance_scale = a.number("guidance", p.guidance_scale);
  p.seed = seedOption(a).value_or(p.seed);
  p.width = a.integerIn("width", p.width, 1, kMaxOptionSide);
  p.height = a.integerIn("height", p.height, 1, kMaxOptionSide);
  applyStereoOptions(a, p);
  if (a.has("kv-budget-mb")) p.kv_cache_budget_bytes = int64_t(a.integer("kv-budget-mb", 0)) << 20;
  if (!pipelines::controls::kSteps.contains(p.steps)) throw Error("--steps must be between 1 and 1000.");
  if (p.width % 8 || p.height % 8 || p.width <= 0 || p.height <= 0)
    throw Error("--width and --height must be positive multiples of 8, got " + std::to_string(p.width) + "x" +
                std::to_string(p.height) + ".");
  p.validate();
  return p;
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

// Times `runs` mono pictures and `runs` pairs alternately (after one warm-up
// each), so a busy machine slows both alike.
void compareWithMono(const sd::StableDiffusion& model, const pipelines::Txt2StereoParams& params,
                     const std::shared_ptr<depth::DepthEstimator>& depth, int runs) {
  const pipelines::Txt2ImgParams mono = pipelines::leftViewParams(params);
  std::vector<double> mono_wall, mono_cpu, pair_wall, pair_cpu;
  for (int i = 0; i <= runs; ++i) {
    const Took m = timed([&] { pipelines::txt2img(model, mono); });
    const Took p = timed([&] { pipelines::txt2stereo(model, params, {}, depth); });
    if (i == 0) continue;  // warm-up
    mono_wall.push_back(m.wall);
    mono_cpu.push_back(m.cpu);
    pair_wall.push_back(p.wall);
    pair_cpu.push_back(p.cpu);
  }
  std::cout << "median of " << runs << " (" << params.steps << " steps, " << params.width << "x" << params.height
            << "): mono txt2img " << median(mono_wall) << " s wall / " << median(mono_cpu)
            << " s CPU, stereo pair " << median(pair_wall) << " s wall / " << median(pair_cpu)
            << " s CPU; ratio " << median(pair_wall) / median(mono_wall) << " wall, "
            << median(pair_cpu) / median(mono_cpu) << " CPU\n";
}

// The plain StereoDiffusion pair as the pipeline made it.
StereoOutputs pairOutputs(const pipelines::Txt2StereoResult& r, const std::string& json, const std::string& anaglyph) {
  StereoOutputs o;
  o.left = media::tensor01ToImage8(r.image01[0]);
  o.right = media::tensor01ToImage8(r.image01[1]);
  o.disparity = media::tensorToMap(r.disparity);
  o.params_json = json;
  o.anaglyph = anaglyph;
  return o;
}

// --compose: the left view's pixels wherever the right eye sees them, the
// StereoDiffusion right view only in the disocclusions (compose_views.h).
// With an inpainter, the model fills the holes instead (generated_inpaint.h).
// The composed set, its filled mask and the plain pair in diffusion/ are
// staged together and committed as one folder (one AtomicFolder: a second
// commit over `dir` would replace the diffusion/ the first one wrote).
void writeComposed(const std::filesystem::path& dir, const pipelines::Txt2StereoResult& r,
                   const pipelines::Txt2StereoParams& params, const std::string& json, const std::string& anaglyph,
                   const media::InpaintSettings* inpaint, media::HoleInpainter& inpainter) {
  const auto left01 = r.image01.narrow(0, 0, 1);
  render::ComposedView composed;
  if (inpaint) {
    media::InpaintReport report;
    composed = media::composeRightInpainted(left01, r.disparity, params, inpainter, *inpaint, inpaintProgressPrinter(),
                                            {}, &report);
    printInpaintReport(report, *inpaint);
  } else {
    composed = pipelines::composeRightFromLeft(left01, r.image01.narrow(0, 1, 1), r.disparity, params);
  }
  const StereoOutputs plain = pairOutputs(r, json, anaglyph);
  StereoOutputs o = plain;  // the same left view and disparity (cv::Mat shares them), the composed right view
  o.right = media::tensor01ToImage8(composed.image[0]);
  cv::Mat filled8;
  media::tensorToMap(composed.holes.to(torch::kFloat32) * 255).convertTo(filled8, CV_8U);

  AtomicFolder folder(dir.string(), stereoOutputNames());
  const std::filesystem::path staging = folder.staging();
  const auto plain_names = writeStereoFiles(staging / "diffusion", plain);
  auto names = writeStereoFiles(staging, o);
  media::writeImageAtomic((staging / "right_filled_mask.png").string(), filled8);
  names.push_back("right_filled_mask.png");
  folder.commit();
  printWritten(dir / "diffusion", plain_names);
  printWritten(dir, names);
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  if (a.has("depth-model") == a.has("disparity"))
    throw Error("Give exactly one of --depth-model (estimate the depth of the left view) and --disparity FILE.");
  auto params = readParams(a);
  const bool inpainting = readInpaintChoice(a);
  const bool compose = a.flag("compose") || inpainting;
  if (compose && params.shift_both)
    throw Error(std::string(inpainting ? "--fill inpaint" : "--compose") +
                " keeps the left view as it is: it cannot be combined with --shift-both.");
  const media::InpaintSettings inpaint =
      readInpaintOptions(a, inpainting, InpaintSpelling::Prefixed, a.get("device", "cpu"));
  const std::string anaglyph = a.get("anaglyph", "anaglyph-dubois");
  checkAnaglyphFormat(anaglyph);
  const std::filesystem::path out = a.required("out");

  const sd::SdLoadOptions options = sdLoadOptions(a);
  const std::string model_path = a.required("model");
  const auto model = sd::loadStableDiffusion(model_path, options);
  if (!a.has("params")) {  // the family's native size unless given
    if (!a.has("width")) params.width = sd::nativeImageSize(model.version);
    if (!a.has("height")) params.height = sd::nativeImageSize(model.version);
  }

  std::map<std::string, std::string> extra = {{"model", model_path}};
  std::shared_ptr<depth::DepthEstimator> depth;
  if (a.has("depth-model")) {
    depth = loadDepthModel(a, options);
    extra["depth_model"] = a.get("depth-model", "");
    extra["depth_input_size"] = std::to_string(depth->options().input_size);
  } else {
    params.disparity = media::mapToTensor(media::loadDepthMap(a.get("disparity", "")));
    extra["disparity"] = a.get("disparity", "");
  }
  std::cout << "model: " << sd::versionName(model.version) << " (" << sd::layoutName(model.layout) << ") on "
            << options.device.str() << " " << dtypeName(options.dtype) << ", " << params.width << "x" << params.height
            << ", seed " << params.seed << "\n";

  pipelines::RunControl control;
  control.progress = [](const Progress& p) {
    if (p.total > 0 && p.step > 0) std::cerr << "\r" << p.stage << " " << p.step << "/" << p.total << "   " << std::flush;
    if (p.total > 0 && p.step == p.total) std::cerr << "\n";
  };
  if (a.has("compare-mono")) compareWithMono(model, params, depth, int(std::max(1L, a.integer("compare-mono", 3))));
  media::HoleInpainter inpainter;
  if (inpainting) inpainter.prepare(inpaint);  // a wrong model is refused before the generation
  pipelines::Txt2StereoResult result;
  const Took took = timed([&] { result = pipelines::txt2stereo(model, params, control, depth); });
  std::cout << "pair in " << took.wall << " s (" << (result.used_kv_cache ? "left-view K/V cache" : "two-view batch")
            << ", shift at step " << result.shift_step << ")\n";
  if (!compose) {
    writeStereoOutputs(out, pairOutputs(result, pipelines::txt2stereoParamsToJson(params, extra).dump(2), anaglyph));
    return 0;
  }
  if (inpainting) {
    extra["compose"] = "left pixels where visible, inpainting model in the holes";
    for (auto& [key, value] : media::inpaintRecord(inpaint, inpaint.model_path)) extra[key] = value;
  } else {
    extra["compose"] = pipelines::kComposedRightRecord;
  }
  const std::string json = pipelines::txt2stereoParamsToJson(params, extra).dump(2);
  writeComposed(out, result, params, json, anaglyph, inpainting ? &inpaint : nullptr, inpainter);
  return 0;
}

const CommandRegistration reg{{"txt2stereo", "generate a stereo pair from a prompt (StereoDiffusion)", kUsage, &run}};

}  // namespace
}  // namespace sds::cli
