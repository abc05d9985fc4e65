// The key layout of the released Depth Anything 3 `model.safetensors`
// (DepthAnything3 API class -> attribute `model` = DepthAnything3Net:
// `model.backbone.pretrained.*` = V2's `pretrained.*`, `model.head.*` = V2's
// `depth_head.*`), accepted with or without the `model.` prefix. Such a file is
// read as a V2 official-layout source (depth_anything_keys.h) under new names.
#pragma once
#include <optional>
#include <string>

#include "models/io/weights.h"

namespace sds::depth {

// True when the keys are Depth Anything 3's (`[model.]backbone.pretrained.*`).
bool looksLikeDepthAnything3(const io::WeightSource& source);

// The V2 official key with the same role as a DA3 key; nullopt for keys outside
// the backbone and the head.
std::optional<std::string> officialKeyForDa3(const std::string& da3_key);

// The file's own name of a V2 official key, `prefixed` with `model.` or not.
std::string da3KeyForOfficial(const std::string& official_key, bool prefixed);

// True when every backbone / head key of the file starts with `model.`.
bool hasDa3ModelPrefix(const io::WeightSource& da3);

// The source under V2 official names (lazy; unknown keys keep their name so they
// are reported as unexpected).
io::WeightSource da3ToOfficial(const io::WeightSource& da3);

}  // namespace sds::depth
