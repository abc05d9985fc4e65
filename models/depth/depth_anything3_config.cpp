#include "models/depth/depth_anything3_config.h"

#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "models/io/weights.h"

namespace sds::depth {
namespace {

using nlohmann::json;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The monocular presets (configs/da3mono-large.yaml, da3metric-large.yaml): a vitl
// backbone with 64-wide heads, DPT fed by blocks [4, 11, 17, 23].
void applyPreset(DepthAnythingConfig& c, const std::string& name, const std::string& origin) {
  if (name != "da3mono-large" && name != "da3metric-large")
    throw Error(origin + " describes the Depth Anything 3 model '" + name +
                "'; only the monocular models (da3mono-large, da3metric-large) are supported, not the any-view ones.");
  c.metric = name == "da3metric-large";
  c.num_heads = 16;
  c.layer_indices = {4, 11, 17, 23};
}

template <typename T>
void setIf(const json& j, const char* key, T& out, const std::string& origin) {
  if (!j.contains(key) || j[key].is_null()) return;
  try {
    out = j[key].get<T>();
  } catch (const std::exception&) {
    throw Error("'" + std::string(key) + "' in " + origin + " has the wrong type.");
  }
}

void requireValue(const json& j, const char* key, const json& wanted, const std::string& what, const std::string& origin) {
  if (j.contains(key) && j[key] != wanted) throw Error(origin + " describes " + what + ", which is not supported.");
}

void applyTinyBackbone(DepthAnythingConfig& c, const json& b, const std::string& origin) {
  int embed_dim = c.embed_dim, depth = c.depth, mlp_hidden = c.mlp_hidden;
  setIf(b, "embed_dim", embed_dim, origin);
  setIf(b, "depth", depth, origin);
  setIf(b, "mlp_hidden", mlp_hidden, origin);
  if (embed_dim != c.embed_dim || depth != c.depth || mlp_hidden != c.mlp_hidden)
    throw Error(origin + " gives other encoder sizes than the weights hold.");
  setIf(b, "num_heads", c.num_heads, origin);
  setIf(b, "out_layers", c.layer_indices, origin);
  setIf(b, "layer_norm_eps", c.layer_norm_eps, origin);
  for (const char* key : {"alt_start", "qknorm_start", "rope_start"})
    requireValue(b, key, -1, std::string("an any-view encoder (") + key + ")", origin);
  requireValue(b, "cat_token", false, "an encoder that concatenates the camera token (cat_token)", origin);
  requireValue(b, "num_register_tokens", 0, "an encoder with register tokens", origin);
}

void applyTinyHead(const json& h, const std::string& origin) {
  requireValue(h, "activation", "exp", "a head activation other than exp", origin);
  requireValue(h, "output_dim", 1, "a head with several outputs", origin);
  requireValue(h, "pos_embed", false, "a head with UV position embeddings", origin);
  requireValue(h, "down_ratio", 1, "a head with a down ratio", origin);
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

bool isDa3ConfigJson(const json& j) {
  return j.is_object() && j.contains("model_name") && j["model_name"].is_string() &&
         j["model_name"].get<std::string>().rfind("da3", 0) == 0;
}

DepthAnythingConfig applyDa3ConfigJson(DepthAnythingConfig c, const json& j, const std::string& origin) {
  if (!isDa3ConfigJson(j)) throw Error(origin + " is not a Depth Anything 3 config.json (no 'model_name' \"da3...\").");
  c.origin = origin;
  c.model_name = j["model_name"].get<std::string>();
  const bool tiny = j.contains("tiny_random_model") && j["tiny_random_model"].is_object();
  if (!tiny) {
    applyPreset(c, c.model_name, origin);
    return c;
  }
  // A shrunk preset: the name still says mono or metric, the sizes are the block's.
  c.metric = contains(c.model_name, "metric");
  const json& t = j["tiny_random_model"];
  if (t.contains("backbone") && t["backbone"].is_object()) applyTinyBackbone(c, t["backbone"], origin);
  if (t.contains("head") && t["head"].is_object()) applyTinyHead(t["head"], origin);
  return c;
}

}  // namespace sds::depth
