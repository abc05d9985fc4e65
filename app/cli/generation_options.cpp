#include "app/cli/generation_options.h"

#include <iostream>
#include <random>
#include <sstream>

#include "core/engine/compute_device.h"
#include "core/engine/stereo/stereo_attention.h"
#include "core/base/error.h"

namespace sds::cli {
OptionList modelOptions() {
  return {{"model", "PATH", "a diffusers folder or a single-file .safetensors"},
          {"config-dir", "DIR", "for single files: a diffusers-layout folder with the configs and tokenizer"}};
}

OptionList depthModelOptions(const std::string& what) {
  return {{"depth-model", "PATH", "Depth Anything V2 or 3 (folder or .safetensors) run on " + what},
          {"depth-input-size", "N", "depth network input: V2 short side (default 518), DA3 long side (default 504)"}};
}

std::optional<uint64_t> seedOption(const Args& a, const std::string& name) {
  if (!a.has(name)) return std::nullopt;
  const std::string text = a.get(name, "");
  try {
    size_t used = 0;
    const unsigned long long v = std::stoull(text, &used);
    if (used == text.size() && !text.empty() && text.front() != '-') return uint64_t(v);
  } catch (const std::exception&) {
  }
  throw Error("Option --" + name + " needs a whole number from 0 to 18446744073709551615, got '" + text + "'.");
}

uint64_t randomSeed() { return (uint64_t(std::random_device{}()) << 32) | std::random_device{}(); }

OptionList stereoOptions() {
  namespace c = pipelines::controls;
  const auto number = [](double v) {
    std::ostringstream o;
    o << v;
    return o.str();
  };
  return {
      {"scale", "PCT", "disparity scale in percent of the width (default " + number(c::kScalePercent.value) + ")"},
      {"exponent", "E", "disparity exponent (default 1)"},
      {"shift-step", "N", "DDIM step of the stereo shift (default: --shift-fraction x steps)"},
      {"shift-fraction", "F", "the shift step as a fraction of the steps (default " +
                                  number(c::kShiftFraction.value) + ")"},
      {"attention-start", "N", "first step of the coupled attention (default: the shift step)"},
      {"mask-interval", "N",
       "re-apply the shift on the mask every N steps (default " + number(c::kMaskInterval.value) + "; 0 = never)"},
      {"direction", "D", "uni (one-way, default) or bi (two-way) self-attention"},
      {"deblur", "", "fill disoccluded holes with fresh noise"},
      {"shift-both", "", "move both views half the disparity each way"},
  };
}

void applyStereoOptions(const Args& a, pipelines::StereoPassParams& p) {
  p.scale_factor = a.number("scale", p.scale_factor);
  p.exponent = a.number("exponent", p.exponent);
  if (a.has("shift-fraction")) {
    p.shift_step = -1;
    p.shift_fraction = a.number("shift-fraction", p.shift_fraction);
  }
  p.shift_step = a.integer("shift-step", p.shift_step);
  p.attention_start_step = a.integer("attention-start", p.attention_start_step);
  p.mask_interval = a.integer("mask-interval", p.mask_interval);
  if (a.has("direction")) p.direction = stereo::parseAttentionDirection(a.get("direction", "uni"));
  p.deblur = p.deblur || a.flag("deblur");
  p.shift_both = p.shift_both || a.flag("shift-both");
  p.use_kv_cache = p.use_kv_cache && !a.flag("no-kv-cache");
}

}  // namespace sds::cli
