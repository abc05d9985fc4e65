// A generation request from the record an earlier run wrote (params.json, or
// the PNG text "parameters" of a pair's images), so a result can be made again
// or tuned from where it was: what the record holds (prompt, sampling, stereo,
// inversion, working size, fill) becomes the request; the photo, the depth map
// and the models are the caller's. Torch-free.
#pragma once
#include <nlohmann/json.hpp>

#include "core/media/generation.h"

namespace sds::media {

// A prompt pair's record (pipelines/txt2stereo_json.h). Throws sds::Error
// naming what is malformed or out of range.
GenerationRequest promptRequestFromRecord(const nlohmann::json& record);

// A photo pair's record ("pipeline": "img2stereo"). Throws sds::Error, also
// for another pipeline's record.
GenerationRequest photoRequestFromRecord(const nlohmann::json& record);

}  // namespace sds::media
