#include "models/depth/depth_anything3_config.h"

#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "models/common/config_fields.h"
#include "models/common/json_limits.h"
#include "models/io/weights.h"

namespace sds::depth {
namespace {

using nlohmann::json;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// vits / vitb / vitl / vitg DINOv2 encoders; the any-view presets add a camera
// token and cross-view attention, which this port does not run.
constexpr Da3Preset kDa3Presets[] = {
    {"da3mono-large", 1024, 24, true, false},  {"da3metric-large", 1024, 24, true, true},
    {"da3-small", 384, 12, false, false},      {"da3-base", 768, 12, false, false},
    {"da3-large", 1024, 24, false, false},     {"da3-giant", 1536, 40, false, false},
    {"da3nested-giant-large", 1536, 40, false, false},
};

// The monocular presets (configs/da3mono-large.yaml, da3metric-large.yaml): a vitl
// backbone with 64-wide heads, DPT fed by blocks [4, 11, 17, 23].
void applyPreset(DepthAnythingConfig& c, const std::string& name, const std::string& origin) {
  const Da3Preset* preset = findDa3Preset(name);
  if (!preset || !preset->monocular)
    throw Error(origin + " describes the Depth Anything 3 model '" + boundedText(name, 40) +
                "'; only the monocular models (da3mono-large, da3metric-large) are supported, not the any-view ones.");
  c.metric = preset->metric;
  c.num_heads = preset->embed_dim / 64;
  c.layer_indices = officialLayerIndices(preset->depth);
}

// The block's value of `key` must be `wanted` (or absent): other values
// describe a variant that is not supported; a value of another type is a
// config error naming the field.
void requireInt(const ConfigFields& f, const char* key, int wanted, const std::string& what, const std::string& origin) {
  if (f.integer(key, wanted, -kMaxConfigInt, kMaxConfigInt) != wanted)
    throw Error(origin + " describes " + what + ", which is not supported.");
}
void requireFlag(const ConfigFields& f, const char* key, bool wanted, const std::string& what, const std::string& origin) {
  if (f.flag(key, wanted) != wanted) throw Error(origin + " describes " + what + ", which is not supported.");
}
void requireText(const ConfigFields& f, const char* key, const std::string& wanted, const std::string& what,
                 const std::string& origin) {
  if (f.text(key, wanted) != wanted) throw Error(origin + " describes " + what + ", which is not supported.");
}

void applyTinyBackbone(DepthAnythingConfig& c, const ConfigFields& b, const std::string& origin) {
  if (b.integer("embed_dim", c.embed_dim) != c.embed_dim || b.integer("depth", c.depth) != c.depth ||
      b.integer("mlp_hidden", c.mlp_hidden) != c.mlp_hidden)
    throw Error(origin + " gives other encoder sizes than the weights hold.");
  c.num_heads = b.integer("num_heads", c.num_heads);
  c.layer_indices = b.integers("out_layers", c.layer_indices, -kMaxConfigInt, kMaxConfigInt);
  c.layer_norm_eps = b.number("layer_norm_eps", c.layer_norm_eps);
  for (const char* key : {"alt_start", "qknorm_start", "rope_start"})
    requireInt(b, key, -1, std::string("an any-view encoder (") + key + ")", origin);
  requireFlag(b, "cat_token", false, "an encoder that concatenates the camera token (cat_token)", origin);
  requireInt(b, "num_register_tokens", 0, "an encoder with register tokens", origin);
}

void applyTinyHead(const ConfigFields& h, const std::string& origin) {
  requireText(h, "activation", "exp", "a head activation other than exp", origin);
  requireInt(h, "output_dim", 1, "a head with several outputs", origin);
  requireFlag(h, "pos_embed", false, "a head with UV position embeddings", origin);
  requireInt(h, "down_ratio", 1, "a head with a down ratio", origin);
}

}  // namespace

DepthAnythingConfig da3ConfigFromWeights(DepthAnythingConfig c, const io::WeightSource& transformers,
                                         const io::WeightSource& raw) {
  for (const auto& key : raw.names())
    if (contains(key, "camera_token") || contains(key, "cam_enc.") || contains(key, "cam_dec.") || contains(key, "gs_head."))
      throw Error(raw.description() + " holds an any-view Depth Anything 3 model ('" + key +
                  "'); only the monocular DA3Mono / DA3Metric models are supported.");
  const auto& projection = transformers.entry("neck.reassemble_stage.layers.0.projection.weight").shape;
  if (projection.size() == 4 && projection[1] != c.embed_dim)
    throw Error(raw.description() + " feeds its head " + std::to_string(projection[1]) + " channels from a " +
                std::to_string(c.embed_dim) + "-wide encoder (any-view token concatenation); only the monocular "
                "DA3Mono / DA3Metric models are supported.");
  c.family = DepthFamily::Anything3;
  c.final_norm_eps = 1e-5;  // a plain nn.LayerNorm(D) in DA3's DinoV2
  c.fusion4_residual1 = transformers.has("neck.fusion_stage.layers.0.residual_layer1.convolution1.weight");
  c.sky_head = transformers.has("head.sky_conv2.weight");
  // The monocular releases are all ViT-L (preset [4, 11, 17, 23]); other depths need their config.json.
  c.layer_indices = c.depth == 24 ? std::vector<int>{4, 11, 17, 23} : std::vector<int>{};
  return c;
}

const Da3Preset* findDa3Preset(const std::string& model_name) {
  for (const Da3Preset& p : kDa3Presets)
    if (model_name == p.name) return &p;
  return nullptr;
}

bool isDa3ConfigJson(const json& j) {
  return j.is_object() && j.contains("model_name") && j["model_name"].is_string() &&
         j["model_name"].get<std::string>().rfind("da3", 0) == 0;
}

DepthAnythingConfig applyDa3ConfigJson(DepthAnythingConfig c, const json& j, const std::string& origin) {
  if (!isDa3ConfigJson(j)) throw Error(origin + " is not a Depth Anything 3 config.json (no 'model_name' \"da3...\").");
  c.origin = origin;
  c.model_name = j["model_name"].get<std::string>();
  const ConfigFields f(j, "The depth model config " + origin);
  if (!f.has("tiny_random_model")) {
    applyPreset(c, c.model_name, origin);
    return c;
  }
  // A shrunk preset: the name still says mono or metric, the sizes are the block's.
  c.metric = contains(c.model_name, "metric");
  const ConfigFields t = f.object("tiny_random_model");
  applyTinyBackbone(c, t.object("backbone"), origin);
  applyTinyHead(t.object("head"), origin);
  return c;
}

}  // namespace sds::depth
