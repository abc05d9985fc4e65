#include "core/media/internal/img2stereo_params.h"

#include <algorithm>
#include <vector>

#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/engine/render/disparity_map.h"
#include "core/base/error.h"

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
  if (!j.is_object() || j.value("pipeline", std::string()) != "img2stereo")
    throw Error("The parameter record is not from img2stereo (its \"pipeline\" field says otherwise).");
  pipelines::Img2StereoParams p;
  try {
    if (j.contains("inversion")) {
      const auto& in = j["inversion"];
      const auto mode = in.value("mode", std::string("nulltext"));
      if (mode != "nulltext" && mode != "fast") throw Error("The inversion mode '" + mode + "' is unknown.");
      p.inversion.mode = mode == "fast" ? inversion::InversionMode::Fast : inversion::InversionMode::NullText;
      p.inversion.prompt = in.value("prompt", p.inversion.prompt);
      p.inversion.steps = in.value("steps", p.inversion.steps);
      p.inversion.guidance_scale = in.value("guidance_scale", p.inversion.guidance_scale);
      p.inversion.inner_steps = in.value("inner_steps", p.inversion.inner_steps);
      p.inversion.early_stop_epsilon = in.value("early_stop_epsilon", p.inversion.early_stop_epsilon);
    }
    if (j.contains("working_size")) {
      const auto size = j["working_size"].get<std::vector<int>>();
      if (size.size() != 2) throw Error("working_size must be [width, height].");
      p.working_long_side = std::max(size[0], size[1]);
    }
    p.full_resolution = j.value("full_resolution", p.full_resolution);
    p.fill.seam_px = j.value("seam_px", p.fill.seam_px);
    p.fill.match_colour = j.value("match_colour", p.fill.match_colour);
    if (j.contains("stereo")) {
      auto stereo = j["stereo"];
      stereo["steps"] = p.inversion.steps;  // the stereo fields are checked against the inversion's steps
      const pipelines::Txt2StereoParams s = pipelines::txt2stereoParamsFromJson(stereo);
      p.stereo = s;  // the pass's fields; its prompt, steps and guidance are the inversion's
      p.seed = s.seed;
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("The img2stereo parameters are malformed: ") + e.what());
  }
  p.validate();
  return p;
}

}  // namespace sds::media
