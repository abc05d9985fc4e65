// Configuration of Depth Anything 3's monocular models (DA3Mono-Large,
// DA3Metric-Large): depth_anything_3/configs/da3mono-large.yaml and
// da3metric-large.yaml (DepthAnything3Net with DinoV2 'vitl', out_layers
// [4, 11, 17, 23], no camera token / QK-norm / RoPE, DPT head with a sky
// branch and exp output). The release's config.json only names the preset
// (`{"model_name": "da3mono-large"}`); the sizes come from the weight shapes,
// the heads and the feeding blocks from the preset, or from a
// `tiny_random_model` block (the fixtures' small models).
#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "models/depth/depth_anything_config.h"

namespace sds::io {
class WeightSource;
}

namespace sds::depth {

// `base` was read from the weight shapes of `transformers` (the file converted
// to the internal layout); adds the DA3 switches that the tensors show (sky
// branch, refinenet4's missing unit, final norm eps 1e-5). Any-view DA3 models
// (camera token, concatenated tokens) raise sds::Error naming `raw`'s file.
DepthAnythingConfig da3ConfigFromWeights(DepthAnythingConfig base, const io::WeightSource& transformers,
                                         const io::WeightSource& raw);

// The released Depth Anything 3 presets (configs/<name>.yaml of the official
// repository, the `model_name` of a release's config.json): encoder size and
// whether the model is monocular (the only ones this port runs) and metric.
struct Da3Preset {
  const char* name;
  int embed_dim;
  int depth;
  bool monocular;
  bool metric;
};

// nullptr for a name that is no release.
const Da3Preset* findDa3Preset(const std::string& model_name);

// True when `config` is a DA3 config.json (a `model_name` starting with "da3").
bool isDa3ConfigJson(const nlohmann::json& config);

// Applies what a DA3 config.json states: the preset of `model_name` (heads,
// feeding blocks, metric or not) and the `tiny_random_model` block. Presets of
// the any-view models, and sizes that contradict the weights' own, raise
// sds::Error naming `origin`.
DepthAnythingConfig applyDa3ConfigJson(DepthAnythingConfig base, const nlohmann::json& config, const std::string& origin);

}  // namespace sds::depth
