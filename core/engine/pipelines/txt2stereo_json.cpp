#include "core/engine/pipelines/txt2stereo_json.h"

#include "core/base/error.h"

namespace sds::pipelines {
namespace {

// The fields a record stores under their own names, the same way out and in
// (the others are resolved or spelt out: shift step, attention start,
// direction, deblur seed).
// Named alike in records and reference cases (direction is spelt out apart).
template <class Controls, class Visit>
void sharedStereoFields(Controls& c, Visit&& visit) {
  visit("scale_factor", c.scale_factor);
  visit("mask_interval", c.mask_interval);
  visit("deblur", c.deblur);
  visit("shift_both", c.shift_both);
}

template <class Params, class Visit>
void plainFields(Params& p, Visit&& visit) {
  visit("prompt", p.prompt);
  visit("negative_prompt", p.negative_prompt);
  visit("steps", p.steps);
  visit("guidance_scale", p.guidance_scale);
  visit("seed", p.seed);
  visit("width", p.width);
  visit("height", p.height);
  visit("exponent", p.exponent);
  visit("use_kv_cache", p.use_kv_cache);
  sharedStereoFields(p, visit);
}

}  // namespace

nlohmann::json txt2stereoParamsToJson(const Txt2StereoParams& p, const std::map<std::string, std::string>& extra) {
  nlohmann::json j;
  j["method"] = "StereoDiffusion txt2stereo";
  plainFields(p, [&](const char* key, const auto& value) { j[key] = value; });
  j["scheduler"] = "ddim";
  j["shift_step"] = p.resolvedShiftStep();
  j["attention_start_step"] = p.resolvedAttentionStart();
  j["direction"] = stereo::toString(p.direction);
  j["deblur_seed"] = p.resolvedDeblurSeed();
  for (const auto& [k, v] : extra) j[k] = v;
  return j;
}

void readSharedStereoFields(const nlohmann::json& j, StereoControls& c) {
  sharedStereoFields(c, [&](const char* key, auto& value) { value = j.value(key, value); });
  if (j.contains("direction")) c.direction = stereo::parseAttentionDirection(j["direction"].get<std::string>());
}

Txt2StereoParams txt2stereoParamsFromJson(const nlohmann::json& j) {
  Txt2StereoParams p;
  try {
    plainFields(p, [&](const char* key, auto& value) { value = j.value(key, value); });
    p.shift_step = j.value("shift_step", p.shift_step);
    p.attention_start_step = j.value("attention_start_step", p.attention_start_step);
    if (j.contains("direction")) p.direction = stereo::parseAttentionDirection(j["direction"].get<std::string>());
    if (j.contains("deblur_seed")) p.deblur_seed = j["deblur_seed"].get<uint64_t>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("The txt2stereo parameters are malformed: ") + e.what());
  }
  p.validate();
  return p;
}

}  // namespace sds::pipelines
