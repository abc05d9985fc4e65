// The SDXL inputs of the sd-tiny-xl pipeline cases (txt2img, txt2stereo):
// original_size, crops_coords_top_left, target_size ((h, w) / (top, left))
// and a null negative_prompt (diffusers' None -> zero uncond rows). Absent
// fields keep the pipeline defaults, so SD 1.x/2.x cases read the same.
#pragma once
#include <nlohmann/json.hpp>

#include "core/engine/pipelines/text_conditioning.h"

namespace sds::verify {

pipelines::SdxlConditioning sdxlConditioningFromCase(const nlohmann::json& inputs);

}  // namespace sds::verify
