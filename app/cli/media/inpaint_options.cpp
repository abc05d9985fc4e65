#include "app/cli/media/inpaint_options.h"

#include "app/cli/dtype_option.h"

#include <iostream>
#include <sstream>

#include "core/base/error.h"

namespace sds::cli {
namespace {

struct InpaintOption {
  const char* name;        // --inpaint-...
  const char* short_name;  // depth2stereo's older spelling, or nullptr
  const char* arg;
  const char* help;
};

// The one declaration of the options.
const InpaintOption kOptions[] = {
    {"inpaint-model", nullptr, "M",
     "--fill inpaint: an inpainting checkpoint (diffusers folder or single-file .safetensors)"},
    {"inpaint-config-dir", nullptr, "DIR", "for a single file: a diffusers-layout folder with its configs and tokenizer"},
    {"inpaint-prompt", "prompt", "TEXT", "--fill inpaint: what the holes show (default: empty)"},
    {"inpaint-negative", "negative", "TEXT", "--fill inpaint: what to avoid (default: empty)"},
    {"inpaint-steps", nullptr, "N", "--fill inpaint: denoising steps (default 25)"},
    {"inpaint-guidance", "guidance", "S", "--fill inpaint: classifier-free guidance scale (default 7.5)"},
    {"inpaint-seed", "seed", "N", "--fill inpaint: noise seed (default 0; crop k uses N + k)"},
    {"inpaint-dilate", nullptr, "PX",
     "--fill inpaint: holes grown by PX pixels are repainted, over a PX-wide seam (default 6)"},
    {"inpaint-size", nullptr, "PX",
     "--fill inpaint: crop side, the model's working size (default 512); large pictures are inpainted in crops "
     "around the holes, never shrunk"},
};

// The name the user gave (the prefixed one wins), or the prefixed name when neither.
std::string given(const Args& a, const InpaintOption& o, InpaintSpelling spelling) {
  if (a.has(o.name) || !o.short_name || spelling != InpaintSpelling::AlsoShort) return o.name;
  return a.has(o.short_name) ? o.short_name : o.name;
}

const InpaintOption& option(const char* name) {
  for (const auto& o : kOptions)
    if (std::string(o.name) == name) return o;
  throw Error(std::string("No inpainting option ") + name + ".");  // a programming slip, named plainly
}

}  // namespace

std::set<std::string> inpaintOptionNames(InpaintSpelling spelling) {
  std::set<std::string> names;
  for (const auto& o : kOptions) {
    names.insert(o.name);
    if (o.short_name && spelling == InpaintSpelling::AlsoShort) names.insert(o.short_name);
  }
  return names;
}

std::set<std::string> withInpaintOptions(std::set<std::string> own, InpaintSpelling spelling) {
  own.merge(inpaintOptionNames(spelling));
  return own;
}

bool readFillIsInpaint(const Args& a, const std::string& model_fill, bool colour_match_also_own) {
  const std::string fill = a.get("fill", model_fill);
  if (fill != model_fill && fill != "inpaint")
    throw Error("--fill must be " + model_fill + " or inpaint, got '" + fill + "'.");
  if (fill != "inpaint" && !colour_match_also_own && a.flag("no-colour-match"))
    throw Error("--no-colour-match needs --fill inpaint.");
  return fill == "inpaint";
}

std::string inpaintOptionsHelp(InpaintSpelling spelling) {
  std::ostringstream out;
  for (const auto& o : kOptions) {
    std::string head = std::string("  --") + o.name + " " + o.arg;
    if (o.short_name && spelling == InpaintSpelling::AlsoShort) head += " (or --" + std::string(o.short_name) + ")";
    out << head << (head.size() < 23 ? std::string(23 - head.size(), ' ') : std::string("\n") + std::string(23, ' '))
        << o.help << "\n";
  }
  out << "  --no-colour-match      --fill inpaint: keep the model's colours (default: fitted to each crop's own "
         "pixels)\n";
  return out.str();
}

media::InpaintSettings readInpaintOptions(const Args& a, bool inpainting, InpaintSpelling spelling,
                                          const std::string& device) {
  media::InpaintSettings s;
  if (!inpainting) {
    for (const auto& o : kOptions) {
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
  s.steps = int(a.integer("inpaint-steps", s.steps));
  s.guidance_scale = a.number(name("inpaint-guidance"), s.guidance_scale);
  const std::string seed = name("inpaint-seed");
  const long long seed_value = a.integer(seed, 0);
  if (seed_value < 0) throw Error("--" + seed + " must be a whole number of at least 0.");
  s.seed = uint64_t(seed_value);
  s.dilate_px = int(a.integer("inpaint-dilate", s.dilate_px));
  if (s.dilate_px < 0) throw Error("--inpaint-dilate must be at least 0.");
  s.window_px = int(a.integer("inpaint-size", s.window_px));
  s.match_colour = !a.flag("no-colour-match");
  return s;
}

std::vector<std::pair<std::string, std::string>> inpaintRecord(const media::InpaintSettings& s) {
  return {{"inpaint_model", s.model_path},
          {"inpaint_prompt", s.prompt},
          {"inpaint_negative", s.negative_prompt},
          {"inpaint_steps", std::to_string(s.steps)},
          {"inpaint_guidance", std::to_string(s.guidance_scale)},
          {"inpaint_seed", std::to_string(s.seed)},
          {"inpaint_dilate_px", std::to_string(s.dilate_px)},
          {"inpaint_size_px", std::to_string(s.window_px)},
          {"inpaint_colour_match", s.match_colour ? "true" : "false"}};
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
