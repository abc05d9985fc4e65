#include "core/media/img2stereo_params.h"

#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/engine/render/disparity_map.h"

namespace sds::media {

torch::Tensor nearIsLarge(const torch::Tensor& map, DepthKind kind) {
  render::DisparityParams d;
  d.scale_percent = 10;  // any: the pipeline normalises the map again
  d.kind = kind == DepthKind::Depth         ? render::MapKind::Depth
           : kind == DepthKind::DisparityPx ? render::MapKind::DisparityPx
                                            : render::MapKind::InverseDepth;
  return render::disparityFromMap(map, d);
}

nlohmann::json img2stereoParamsJson(const pipelines::Img2StereoParams& p, const pipelines::Img2StereoResult& r,
                                    const std::map<std::string, std::string>& extra) {
  pipelines::Txt2StereoParams s = p.stereo;
  s.prompt = p.inversion.prompt;
  s.steps = p.inversion.steps;
  s.guidance_scale = p.inversion.guidance_scale;
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

}  // namespace sds::media
