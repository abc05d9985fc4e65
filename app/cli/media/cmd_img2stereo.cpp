// `sdstereo img2stereo`: a stereo pair from the user's photo. The photo is
// inverted into Stable Diffusion's latent (null-text or the fast mode), the
// StereoDiffusion stereo process makes the right view, and the result is
// composed at the photo's own resolution (pipelines/img2stereo.h). Writes the
// same files as txt2stereo, plus the plain diffusion pair in diffusion/ and the
// mask of the pixels the diffusion output filled.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/dtype_option.h"
#include "app/cli/generation_options.h"
#include "app/cli/media/inpaint_options.h"
#include "app/cli/media/stereo_outputs.h"
#include "core/engine/compute_device.h"
#include "core/engine/depth/depth_estimator.h"
#include "core/engine/pipelines/img2stereo.h"
#include "core/media/image_io.h"
#include "core/media/internal/generated_inpaint.h"
#include "core/media/internal/img2stereo_params.h"
#include "core/media/render_params.h"
#include "core/media/internal/tensor_bridge.h"
#include "core/base/atomic_file.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/sd/stable_diffusion.h"

namespace sds::cli {
namespace {

const OptionList& options() {
  static const OptionList list = OptionList(modelOptions())
      .add(Option{"image", "FILE", "the photo (PNG, JPEG, TIFF, ...)"})
      .add(depthModelOptions("the photo"))
      .add(OptionList{
          {"depth", "FILE", "your depth map instead (8/16-bit PNG, float TIFF; any size)"},
          {"depth-kind", "KIND", "inverse-depth (near = bright, default), depth (near = dark) or disparity-px"},
          {"inversion", "MODE",
           "nulltext (default: faithful, ~24 UNet evaluations per step) or fast (DDIM\n"
           "inversion only, 1 per step; less faithful at high guidance)"},
          {"params", "FILE", "start from a params.json written by an earlier run (options below override it)"},
          {"prompt", "TEXT", "what the photo shows (default: empty, as the reference)"},
          {"steps", "N", "DDIM steps (default 50)"},
          {"guidance", "S", "classifier-free guidance scale of the null-text mode (default 7.5)"},
          {"inner-steps", "N", "null-text optimisation steps per DDIM step (default 10)"},
          {"working-size", "N", "long side of the size Stable Diffusion works at (default 512; aspect kept)"},
      })
      .add(stereoOptions())
      .add(OptionList{
          {"no-kv-cache", "", "always denoise both views in one batch"},
          {"seam", "PX", "width of the blend between photo and diffusion fill (default: 0.3 % of the width)"},
          {"no-colour-match", "", "keep the diffusion output's (or the inpainting model's) colours in the holes"},
          {"fill", "MODE",
           "what fills the disocclusions: diffusion (default: the StereoDiffusion right view,\n"
           "upscaled) or inpaint (an inpainting model, --inpaint-model, at full resolution)"},
      })
      .add(inpaintOptions(InpaintSpelling::Prefixed))
      .add(OptionList{
          {"diffusion-only", "", "write only the working-size diffusion pair (the paper's output)"},
          anaglyphOption(),
          deviceOption(),
      })
      .add(dtypeOptions())
      .add(Option{"out", "DIR", "output folder (created)"});
  return list;
}

const std::string kUsage =
    "Usage: sdstereo img2stereo --model PATH --image FILE (--depth-model PATH | --depth FILE [--depth-kind KIND])\n"
    "                           --out DIR [options]\n\n"
    "Turns your photo into a stereo pair: inverts it into Stable Diffusion's latent, denoises the right view by\n"
    "StereoDiffusion and composes it at the photo's resolution (the photo's own pixels wherever the right eye\n"
    "sees them, the diffusion output only in the disocclusions). The left view is the photo.\n\n" +
    options().help();

inversion::InversionMode parseInversionMode(const std::string& s) {
  if (s == "nulltext" || s == "null-text") return inversion::InversionMode::NullText;
  if (s == "fast") return inversion::InversionMode::Fast;
  throw Error("--inversion must be nulltext or fast, got '" + s + "'.");
}

// --fill: diffusion (the pipeline's own composition) or inpaint.
bool readInpaintChoice(const Args& a) {
  const bool inpaint = readFillIsInpaint(a, "diffusion", /*colour_match_also_own=*/true);
  if (inpaint && a.has("seam"))
    throw Error("--seam sets the diffusion fill's blend; the inpainting fill blends over --inpaint-dilate.");
  if (inpaint && a.flag("diffusion-only"))
    throw Error("--fill inpaint fills the full-resolution composition: it cannot be used with --diffusion-only.");
  return inpaint;
}

pipelines::Img2StereoParams readParams(const Args& a) {
  pipelines::Img2StereoParams p;
  if (a.has("params")) {
    const auto j = readUntrustedJson(a.get("params", ""), "The parameter file");
    p = media::img2stereoParamsFromJson(j);
  }
  auto& inv = p.inversion;
  if (a.has("inversion")) inv.mode = parseInversionMode(a.get("inversion", "nulltext"));
  inv.prompt = a.get("prompt", inv.prompt);
  inv.steps = a.integerIn("steps", inv.steps, 1, 10000);
  inv.guidance_scale = a.number("guidance", inv.guidance_scale);
  inv.inner_steps = int(a.integer("inner-steps", inv.inner_steps));
  if (!pipelines::controls::kSteps.contains(inv.steps)) throw Error("--steps must be between 1 and 1000.");
  applyStereoOptions(a, p.stereo);
  p.working_long_side = int(a.integer("working-size", p.working_long_side));
  p.full_resolution = p.full_resolution && !a.flag("diffusion-only");
  p.fill.seam_px = a.number("seam", p.fill.seam_px);
  p.fill.match_colour = p.fill.match_colour && !a.flag("no-colour-match");
  p.validate();
  return p;
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  if (a.has("depth-model") == a.has("depth"))
    throw Error("Give exactly one of --depth-model (estimate the photo's depth) and --depth FILE.");
  if (a.has("depth-kind") && !a.has("depth")) throw Error("--depth-kind describes --depth FILE; give that too.");
  const auto params = readParams(a);
  const bool inpainting = readInpaintChoice(a);
  const media::InpaintSettings inpaint =
      readInpaintOptions(a, inpainting, InpaintSpelling::Prefixed, a.get("device", "cpu"));
  const std::string anaglyph = a.get("anaglyph", "anaglyph-dubois");
  checkAnaglyphFormat(anaglyph);
  const std::filesystem::path out = a.required("out");
  const std::string image_path = a.required("image");
  const auto photo = media::imageToTensor01(media::loadImage(image_path));  // [1, 3, H, W]

  const sd::SdLoadOptions options = sdLoadOptions(a);
  const std::string model_path = a.required("model");
  const auto model = sd::loadStableDiffusion(model_path, options);

  std::map<std::string, std::string> extra = {{"model", model_path}, {"image", image_path}};
  std::shared_ptr<depth::DepthEstimator> depth;
  std::optional<torch::Tensor> map;
  if (a.has("depth-model")) {
    depth = loadDepthModel(a, options);
    extra["depth_model"] = a.get("depth-model", "");
  } else {
    const auto kind = media::parseDepthKind(a.get("depth-kind", "inverse-depth"));
    map = media::nearIsLarge(media::mapToTensor(media::loadDepthMap(a.get("depth", ""))), kind);
    extra["depth"] = a.get("depth", "");
    extra["depth_kind"] = media::toString(kind);
  }
  std::cout << "model: " << sd::versionName(model.version) << " (" << sd::layoutName(model.layout) << ") on "
            << options.device.str() << " " << dtypeName(options.dtype) << "; photo " << photo.size(3) << "x"
            << photo.size(2) << "\n";

  pipelines::RunControl control;
  std::string last_stage;
  control.progress = [&last_stage](const Progress& p) {
    if (p.stage != last_stage && !last_stage.empty()) std::cerr << "\n";
    last_stage = p.stage;
    std::cerr << "\r" << p.stage << " " << p.step << "/" << p.total << "  (" << int(p.overall * 100) << " %)   "
              << std::flush;
  };
  const auto start = std::chrono::steady_clock::now();
  media::HoleInpainter inpainter;
  media::InpaintReport report;
  if (inpainting) inpainter.prepare(inpaint);  // a wrong model is refused before the inversion
  const auto r = inpainting
                     ? media::img2stereoInpainted(model, photo, map, params, inpainter, inpaint, control, depth, &report)
                     : pipelines::img2stereo(model, photo, map, params, control, depth);
  std::cerr << "\n";
  if (inpainting) {
    printInpaintReport(report, inpaint);
    extra["fill"] = "inpaint";
    for (auto& [key, value] : media::inpaintRecord(inpaint, inpaint.model_path)) extra[key] = value;
  }
  std::cout << "done in " << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
            << " s; inversion: " << r.inversion.cost.unet_forwards << " UNet forwards, "
            << r.inversion.cost.unet_backwards << " backwards; working size " << r.work_width << "x"
            << r.work_height << "\n";

  const std::string json = media::img2stereoParamsJson(params, r, extra).dump(2);
  StereoOutputs diffusion;
  diffusion.left = media::tensor01ToImage8(r.diffusion.image01[0]);
  diffusion.right = media::tensor01ToImage8(r.diffusion.image01[1]);
  diffusion.params_json = json;
  diffusion.anaglyph = anaglyph;
  if (!params.full_resolution) {
    diffusion.disparity = media::tensorToMap(r.diffusion.disparity);
    writeStereoOutputs(out, diffusion);
    return 0;
  }
  StereoOutputs full;
  full.left = media::tensor01ToImage8(r.left01);
  full.right = media::tensor01ToImage8(r.right01);
  full.disparity = media::tensorToMap(r.disparity);
  full.params_json = json;
  full.anaglyph = anaglyph;
  // One folder written as a whole: the full-resolution set, the diffusion set and the mask.
  AtomicFolder folder(out.string(), stereoOutputNames());
  const std::filesystem::path staging = folder.staging();
  const auto names = writeStereoFiles(staging, full);
  const auto diffusion_names = writeStereoFiles(staging / "diffusion", diffusion);
  const cv::Mat filled = media::tensorToMap(r.right_holes.to(torch::kFloat32) * 255);
  cv::Mat filled8;
  filled.convertTo(filled8, CV_8U);
  media::writeImageAtomic((staging / "right_filled_mask.png").string(), filled8);
  folder.commit();
  printWritten(out, names);
  printWritten(out / "diffusion", diffusion_names);
  printWritten(out, {"right_filled_mask.png"});
  return 0;
}

const CommandRegistration reg{{"img2stereo", "turn a photo into a stereo pair (inversion + StereoDiffusion)", kUsage,
                               &run}};

}  // namespace
}  // namespace sds::cli
