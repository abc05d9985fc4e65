#include "core/engine/pipelines/txt2stereo_json.h"

#include "core/base/error.h"

namespace sds::pipelines {

nlohmann::json txt2stereoParamsToJson(const Txt2StereoParams& p, const std::map<std::string, std::string>& extra) {
  nlohmann::json j;
  j["method"] = "StereoDiffusion txt2stereo";
  j["prompt"] = p.prompt;
  j["negative_prompt"] = p.negative_prompt;
  j["steps"] = p.steps;
  j["guidance_scale"] = p.guidance_scale;
  j["seed"] = p.seed;
  j["width"] = p.width;
  j["height"] = p.height;
  j["scheduler"] = "ddim";
  j["scale_factor"] = p.scale_factor;
  j["exponent"] = p.exponent;
  j["shift_step"] = p.resolvedShiftStep();
  j["attention_start_step"] = p.resolvedAttentionStart();
  j["mask_interval"] = p.mask_interval;
  j["direction"] = stereo::toString(p.direction);
  j["deblur"] = p.deblur;
  j["deblur_seed"] = p.resolvedDeblurSeed();
  j["shift_both"] = p.shift_both;
  j["use_kv_cache"] = p.use_kv_cache;
  for (const auto& [k, v] : extra) j[k] = v;
  return j;
}

Txt2StereoParams txt2stereoParamsFromJson(const nlohmann::json& j) {
  Txt2StereoParams p;
  try {
    p.prompt = j.value("prompt", p.prompt);
    p.negative_prompt = j.value("negative_prompt", p.negative_prompt);
    p.steps = j.value("steps", p.steps);
    p.guidance_scale = j.value("guidance_scale", p.guidance_scale);
    p.seed = j.value("seed", p.seed);
    p.width = j.value("width", p.width);
    p.height = j.value("height", p.height);
    p.scale_factor = j.value("scale_factor", p.scale_factor);
    p.exponent = j.value("exponent", p.exponent);
    p.shift_step = j.value("shift_step", p.shift_step);
    p.attention_start_step = j.value("attention_start_step", p.attention_start_step);
    p.mask_interval = j.value("mask_interval", p.mask_interval);
    p.direction = stereo::parseAttentionDirection(j.value("direction", std::string("uni")));
    p.deblur = j.value("deblur", p.deblur);
    if (j.contains("deblur_seed")) p.deblur_seed = j["deblur_seed"].get<uint64_t>();
    p.shift_both = j.value("shift_both", p.shift_both);
    p.use_kv_cache = j.value("use_kv_cache", p.use_kv_cache);
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("The txt2stereo parameters are malformed: ") + e.what());
  }
  p.validate();
  return p;
}

}  // namespace sds::pipelines
