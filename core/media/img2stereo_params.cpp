#include "core/media/internal/img2stereo_params.h"

#include <algorithm>
#include <vector>

#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/engine/render/disparity_map.h"
#include "core/base/error.h"
#include "models/common/config_fields.h"

namespace sds::media {

torch::Tensor nearIsLarge(const torch::Tensor& map, DepthKind kind) {
  render::DisparityParams d;
  d.scale_percent = 10;  // any: the pipeline normalises the map again
  d.convergence_mode = render::ConvergenceMode::Fixed;  // no shift
  d.kind = kind;
  return render::disparityFromMap(map, d);
}

nlohmann::json img2stereoParamsJson(const pipelines::Img2StereoParams& p, const pipelines::Img2StereoResult& r,
                                    const std::map<std::string, std::string>& extra) {
  pipelines::Txt2StereoParams s = pipelines::stereoPassOf(p);
  s.width = r.work_width;
  s.height = r.work_height;
  nlohmann::json j;
  j["pipeline"] = "img2stereo";
  j["inversion"] = {{"mode", p.inversion.mode == inversion::InversionMode::Fast ? "fast" : "nulltext"},
                    {"prompt", p.inversion.prompt},
                    {"steps", p.inversion.steps},
                    {"guidance_scale", p.inversion.guidance_scale},
                    {"inner_steps", p.inversion.inner_steps},
                    {"early_stop_epsilon", p.inversion.early_stop_epsilon},
                    {"unet_forwards", r.inversion.cost.unet_forwards},
                    {"unet_backwards", r.inversion.cost.unet_backwards}};
  j["working_size"] = {r.work_width, r.work_height};
  j["full_resolution"] = p.full_resolution;
  j["seam_px"] = p.fill.seam_px;
  j["match_colour"] = p.fill.match_colour;
  j["stereo"] = pipelines::txt2stereoParamsToJson(s);
  for (const auto& [k, v] : extra) j[k] = v;
  return j;
}

pipelines::Img2StereoParams img2stereoParamsFromJson(const nlohmann::json& j) {
  // Every field through the checked readers (config_fields.h): a record is
  // untrusted, so a wrong type, a fraction where an integer belongs or a
  // number that does not fit is an error naming the field.
  const ConfigFields record(j, "The img2stereo parameters");
  if (record.text("pipeline", "") != "img2stereo")
    throw Error("The parameter record is not from img2stereo (its \"pipeline\" field says otherwise).");
  pipelines::Img2StereoParams p;
  const ConfigFields in = record.object("inversion");
  const std::string mode = in.text("mode", "nulltext");
  if (mode != "nulltext" && mode != "fast") in.reject("mode", "is not an inversion mode (nulltext or fast)");
  p.inversion.mode = mode == "fast" ? inversion::InversionMode::Fast : inversion::InversionMode::NullText;
  p.inversion.prompt = in.text("prompt", p.inversion.prompt);
  p.inversion.steps = in.integer("steps", p.inversion.steps, 1, pipelines::controls::kSteps.max);
  p.inversion.guidance_scale = in.number("guidance_scale", p.inversion.guidance_scale);
  p.inversion.inner_steps = in.integer("inner_steps", p.inversion.inner_steps, pipelines::controls::kInnerSteps.min,
                                       pipelines::controls::kInnerSteps.max);
  p.inversion.early_stop_epsilon = in.number("early_stop_epsilon", p.inversion.early_stop_epsilon);
  if (record.has("working_size")) {
    const auto size = record.integers("working_size", {}, 1, kMaxConfigInt);
    if (size.size() != 2) record.reject("working_size", "is not [width, height]");
    p.working_long_side = std::max(size[0], size[1]);
  }
  p.full_resolution = record.flag("full_resolution", p.full_resolution);
  p.fill.seam_px = record.number("seam_px", p.fill.seam_px);
  p.fill.match_colour = record.flag("match_colour", p.fill.match_colour);
  if (record.has("stereo")) {
    // The pass's own fields; its prompt, steps, guidance and size are the inversion's and the working size's.
    const ConfigFields stereo = record.object("stereo");
    pipelines::readStereoPassFields(stereo, p.stereo);
    p.seed = stereo.unsignedInteger("seed", p.seed);
  }
  p.validate();
  return p;
}

}  // namespace sds::media
