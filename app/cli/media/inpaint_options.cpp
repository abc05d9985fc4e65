#include "app/cli/media/inpaint_options.h"

#include "app/cli/dtype_option.h"
#include "app/cli/generation_options.h"

#include <iostream>
#include <sstream>

#include "core/base/error.h"

namespace sds::cli {
namespace {

// The one declaration of the options; `alias` is depth2stereo's older spelling.
// A function's static: the commands' usage texts are made during static
// initialisation, in other files.
const std::vector<Option>& declared() {
  static const std::vector<Option> options = {
      {"inpaint-model", "M", "--fill inpaint: an inpainting checkpoint (diffusers folder or single-file .safetensors)"},
      {"inpaint-config-dir", "DIR", "for a single file: a diffusers-layout folder with its configs and tokenizer"},
      {"inpaint-prompt", "TEXT", "--fill inpaint: what the holes show (default: empty)", "prompt"},
      {"inpaint-negative", "TEXT", "--fill inpaint: what to avoid (default: empty)", "negative"},
      {"inpaint-steps", "N", "--fill inpaint: denoising steps (default 25)"},
      {"inpaint-guidance", "S", "--fill inpaint: classifier-free guidance scale (default 7.5)", "guidance"},
      {"inpaint-seed", "N", "--fill inpaint: noise seed (default 0; crop k uses N + k)", "seed"},
      {"inpaint-dilate", "PX",
       "--fill inpaint: holes grown by PX pixels are repainted, over a PX-wide seam (default 6)"},
      {"inpaint-size", "PX",
       "--fill inpaint: crop side, the model's working size (default 512); large pictures are\n"
       "inpainted in crops around the holes, never shrunk"},
  };
  return options;
}

// The name the user gave (the prefixed one wins), or the prefixed name when neither.
std::string given(const Args& a, const Option& o, InpaintSpelling spelling) {
  if (a.has(o.name) || o.alias.empty() || spelling != InpaintSpelling::AlsoShort) return o.name;
  return a.has(o.alias) ? o.alias : o.name;
}

const Option& option(const char* name) {
  for (const Option& o : declared())
    if (o.name == name) return o;
  throw Error(std::string("No inpainting option ") + name + ".");  // a programming slip, named plainly
}

}  // namespace

OptionList inpaintOptions(InpaintSpelling spelling) {
  OptionList list;
  for (Option o : declared()) {
    if (spelling != InpaintSpelling::AlsoShort) o.alias.clear();
    list.add(o);
  }
  return list;
}

Option colourMatchOption() {
  return {"no-colour-match", "", "--fill inpaint: keep the model's colours (default: fitted to each crop's own pixels)"};
}

bool readFillIsInpaint(const Args& a, const std::string& model_fill, bool colour_match_also_own) {
  const std::string fill = a.get("fill", model_fill);
  if (fill != model_fill && fill != "inpaint")
    throw Error("--fill must be " + model_fill + " or inpaint, got '" + fill + "'.");
  if (fill != "inpaint" && !colour_match_also_own && a.flag("no-colour-match"))
    throw Error("--no-colour-match needs --fill inpaint.");
  return fill == "inpaint";
}

media::InpaintSettings readInpaintOptions(const Args& a, bool inpainting, InpaintSpelling spelling,
                                          const std::string& device) {
  media::InpaintSettings s;
  if (!inpainting) {
    for (const Option& o : declared()) {
      const std::string name = given(a, o, spelling);
      if (a.has(name)) throw Error("--" + name + " needs --fill inpaint.");
    }
    return s;
  }
  const auto name = [&](const char* n) { return given(a, option(n), spelling); };
  s.model_path = a.required("inpaint-model");
  s.config_dir = a.get("inpaint-config-dir", "");
  s.device = device;
  s.precision = dtypeOption(a);
  s.prompt = a.get(name("inpaint-prompt"), "");
  s.negative_prompt = a.get(name("inpaint-negative"), "");
  s.steps = a.integer("inpaint-steps", s.steps);
  s.guidance_scale = a.number(name("inpaint-guidance"), s.guidance_scale);
  s.seed = seedOption(a, name("inpaint-seed")).value_or(0);
  s.dilate_px = a.integer("inpaint-dilate", s.dilate_px);
  if (s.dilate_px < 0) throw Error("--inpaint-dilate must be at least 0.");
  s.window_px = a.integer("inpaint-size", s.window_px);
  s.match_colour = !a.flag("no-colour-match");
  return s;
}

std::optional<media::InpaintSettings> readGeneratedInpaintFill(const Args& a, bool inpainting) {
  const media::InpaintSettings settings =
      readInpaintOptions(a, inpainting, InpaintSpelling::Prefixed, a.get("device", "cpu"));
  if (!inpainting) return std::nullopt;
  return settings;
}

ProgressFn inpaintProgressPrinter() {
  return [](const Progress& p) {
    if (p.stage == "inpainting" && p.total > 0) std::cerr << "\rinpainting " << p.step << "/" << p.total << std::flush;
  };
}

void printInpaintReport(const media::InpaintReport& report, const media::InpaintSettings& s) {
  std::cerr << "\n";
  std::cout << "inpainted in " << report.crops_run << " crop(s) of at most " << s.window_px << " px ("
            << report.crops << " planned)\n";
}

}  // namespace sds::cli
