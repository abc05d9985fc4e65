// Pieces of photo to stereo shared by the CLI (`sdstereo img2stereo`) and the
// studio's generator: reading the user's depth map the way the stereo shift
// wants it, and the parameters record stored with every result. Includes the
// engine (torch), so it is internal to core and the CLI: ui never includes it.
#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "core/engine/pipelines/img2stereo.h"
#include "core/media/render_params.h"

namespace sds::media {

// The user's map as "near = large" (what the stereo shift takes): depth is
// inverted, unknown values (<= 0 depth, 0 disparity) take the farther
// neighbour. map: [H, W] float32.
torch::Tensor nearIsLarge(const torch::Tensor& map, DepthKind kind);

// Everything that made an img2stereo result: the inversion, the working size,
// the composition and the stereo fields (as txt2stereo writes them), plus the
// caller's `extra` keys (model, image, depth file, ...).
nlohmann::json img2stereoParamsJson(const pipelines::Img2StereoParams& params, const pipelines::Img2StereoResult& result,
                                    const std::map<std::string, std::string>& extra = {});

// The parameters back from such a record (an earlier run's params.json), so a
// result can be made again; fields it lacks keep their defaults. Throws
// sds::Error naming a malformed field or a record of another pipeline.
pipelines::Img2StereoParams img2stereoParamsFromJson(const nlohmann::json& j);

}  // namespace sds::media
