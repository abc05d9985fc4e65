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

// Pass 2's own plain fields (an img2stereo record's "stereo" object has them too).
template <class Params, class Visit>
void stereoPassFields(Params& p, Visit&& visit) {
  visit("exponent", p.exponent);
  visit("use_kv_cache", p.use_kv_cache);
  sharedStereoFields(p, visit);
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
  stereoPassFields(p, visit);
}

// Reads one field through the checked readers of config_fields.h: a record is
// untrusted (a user may hand any file to --params), so a fraction where an
// integer belongs, a number that does not fit, or a wrong type is an error
// naming the field, never a wrapped or truncated value. The integers' ranges
// here only keep them representable; validate() checks what they mean.
struct CheckedField {
  const ConfigFields& f;
  void operator()(const char* key, std::string& v) const { v = f.text(key, v); }
  void operator()(const char* key, int& v) const { v = f.integer(key, v, -kMaxConfigInt, kMaxConfigInt); }
  void operator()(const char* key, double& v) const { v = f.number(key, v); }
  void operator()(const char* key, bool& v) const { v = f.flag(key, v); }
  void operator()(const char* key, uint64_t& v) const { v = f.unsignedInteger(key, v); }
};

void readResolvedStereoFields(const ConfigFields& f, StereoPassParams& p) {
  const CheckedField read{f};
  read("shift_step", p.shift_step);
  read("attention_start_step", p.attention_start_step);
  if (f.has("direction")) p.direction = stereo::parseAttentionDirection(f.text("direction", ""));
  if (f.has("deblur_seed")) p.deblur_seed = f.unsignedInteger("deblur_seed", 0);
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
  const ConfigFields f(j, "The reference case");
  sharedStereoFields(c, CheckedField{f});
  if (f.has("direction")) c.direction = stereo::parseAttentionDirection(f.text("direction", ""));
}

void readStereoPassFields(const ConfigFields& record, StereoPassParams& p) {
  stereoPassFields(p, CheckedField{record});
  readResolvedStereoFields(record, p);
}

Txt2StereoParams txt2stereoParamsFromJson(const nlohmann::json& j) {
  Txt2StereoParams p;
  const ConfigFields f(j, "The txt2stereo parameters");
  plainFields(p, CheckedField{f});
  readResolvedStereoFields(f, p);
  p.validate();
  return p;
}

}  // namespace sds::pipelines
