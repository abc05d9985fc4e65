#include "core/media/generation_record.h"

#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/media/internal/img2stereo_params.h"

namespace sds::media {

GenerationRequest promptRequestFromRecord(const nlohmann::json& record) {
  const pipelines::Txt2StereoParams p = pipelines::txt2stereoParamsFromJson(record);
  GenerationRequest r;
  r.mode = GenerationMode::Prompt;
  static_cast<pipelines::PromptControls&>(r) = p;
  r.stereo = p;
  return r;
}

GenerationRequest photoRequestFromRecord(const nlohmann::json& record) {
  const pipelines::Img2StereoParams p = img2stereoParamsFromJson(record);
  GenerationRequest r;
  r.mode = GenerationMode::Photo;
  r.prompt = p.inversion.prompt;
  r.steps = p.inversion.steps;
  r.guidance_scale = p.inversion.guidance_scale;
  r.inversion = p.inversion;
  r.stereo = p.stereo;
  r.seed = p.seed;
  r.working_size = p.working_long_side;
  r.full_resolution = p.full_resolution;
  r.seam_px = p.fill.seam_px;
  r.match_colour = p.fill.match_colour;
  return r;
}

}  // namespace sds::media
