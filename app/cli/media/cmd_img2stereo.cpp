// `sdstereo img2stereo`: a stereo pair from the user's photo. The photo is
// inverted into Stable Diffusion's latent (null-text or the fast mode), the
// StereoDiffusion stereo process makes the right view, and the result is
// composed at the photo's own resolution (pipelines/img2stereo.h). Writes the
// same files as txt2stereo, plus the plain diffusion pair in diffusion/ and the
// mask of the pixels the diffusion output filled.
#include <chrono>
#include <filesystem>
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
#include "core/media/render_params.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

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
  return inpaint;
}

media::GenerationRequest readRequest(const Args& a) {
  media::GenerationRequest r;
  if (a.has("params")) r = media::photoRequestFromRecord(readUntrustedJson(a.get("params", ""), "The parameter file"));
  r.mode = media::GenerationMode::Photo;
  if (a.has("inversion")) r.inversion.mode = parseInversionMode(a.get("inversion", "nulltext"));
  r.prompt = a.get("prompt", r.prompt);
  r.steps = a.integerIn("steps", r.steps, 1, 10000);
  r.guidance_scale = a.number("guidance", r.guidance_scale);
  r.inversion.inner_steps = a.integer("inner-steps", r.inversion.inner_steps);
  applyStereoOptions(a, r.stereo);
  r.working_size = a.integer("working-size", r.working_size);
  r.full_resolution = r.full_resolution && !a.flag("diffusion-only");
  r.seam_px = a.number("seam", r.seam_px);
  r.match_colour = r.match_colour && !a.flag("no-colour-match");
  return r;
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  if (a.has("depth-model") == a.has("depth"))
    throw Error("Give exactly one of --depth-model (estimate the photo's depth) and --depth FILE.");
  if (a.has("depth-kind") && !a.has("depth")) throw Error("--depth-kind describes --depth FILE; give that too.");
  media::GenerationRequest request = readRequest(a);
  const bool inpainting = readInpaintChoice(a);
  request.inpaint = readGeneratedInpaintFill(a, inpainting);
  const std::string anaglyph = anaglyphChoice(a);
  const std::filesystem::path out = a.required("out");
  const std::string image_path = a.required("image");
  request.photo = media::loadImage(image_path);
  request.record["image"] = image_path;
  if (a.has("depth")) {
    request.depth = media::loadDepthMap(a.get("depth", ""));
    request.depth_kind = media::parseDepthKind(a.get("depth-kind", "inverse-depth"));
    request.depth_source = a.get("depth", "");
  }

  media::Generator generator;
  const media::LoadedModelSummary model = loadFor(generator, a, request);
  std::cout << "model: " << describeModel(model) << "; photo " << request.photo.cols << "x" << request.photo.rows
            << "\n";

  std::string last_stage;
  const auto progress = [&last_stage](const Progress& p) {
    if (p.stage != last_stage && !last_stage.empty()) std::cerr << "\n";
    last_stage = p.stage;
    std::cerr << "\r" << p.stage << " " << p.step << "/" << p.total << "  (" << int(p.overall * 100) << " %)   "
              << std::flush;
  };
  const auto start = std::chrono::steady_clock::now();
  const media::GenerationResult r = generator.generate(request, progress);
  std::cerr << "\n";
  if (request.inpaint) printInpaintReport(r.stats.inpaint, *request.inpaint);
  std::cout << "done in " << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
            << " s; inversion: " << r.stats.unet_forwards << " UNet forwards, " << r.stats.unet_backwards
            << " backwards; working size " << r.stats.work_width << "x" << r.stats.work_height << "\n";
  writeGenerationOutputs(out, r, anaglyph);
  return 0;
}

const CommandRegistration reg{{"img2stereo", "turn a photo into a stereo pair (inversion + StereoDiffusion)", kUsage,
                               &run}};

}  // namespace
}  // namespace sds::cli
