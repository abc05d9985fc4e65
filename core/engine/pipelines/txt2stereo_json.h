// Txt2StereoParams <-> JSON, stored next to every result (PNG text chunk and a
// side file) so a pair can be reproduced exactly: every field that changes the
// numbers is written, including the derived shift step and deblur seed.
// Tensors (initial latents, embeddings, a user disparity map) are not stored;
// the caller records where they came from in `extra`.
#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/engine/pipelines/txt2stereo.h"
#include "models/common/config_fields.h"

namespace sds::pipelines {

nlohmann::json txt2stereoParamsToJson(const Txt2StereoParams& params,
                                      const std::map<std::string, std::string>& extra = {});

// Reads the fields written above (missing ones keep their defaults). Throws
// sds::Error naming a field of the wrong type or value: a record is untrusted,
// so integers are checked, never wrapped or truncated (config_fields.h).
Txt2StereoParams txt2stereoParamsFromJson(const nlohmann::json& j);

// Only pass 2's fields of such a record (an img2stereo record's "stereo"
// object) into `p`; absent ones keep their values. The caller validates.
void readStereoPassFields(const ConfigFields& record, StereoPassParams& p);

// The stereo fields that a record and a reference case (the fixture sets'
// cases.json) name alike (the list is in txt2stereo_json.cpp). Absent ones
// keep their values in `c`.
void readSharedStereoFields(const nlohmann::json& j, StereoControls& c);

}  // namespace sds::pipelines
