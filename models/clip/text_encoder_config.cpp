#include "models/clip/text_encoder_config.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "models/common/config_fields.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::clip {
namespace {

int requiredInt(const nlohmann::json& j, const char* key, const std::string& origin) {
  if (!j.contains(key))
    throw Error("The text encoder configuration " + origin + " has no '" + key + "' field.");
  return configIntValue(j[key], key, 0, kMaxConfigInt, "The text encoder configuration " + origin);
}

}  // namespace

Activation parseActivation(const std::string& name, const std::string& origin) {
  if (name == "quick_gelu") return Activation::QuickGelu;
  if (name == "gelu") return Activation::Gelu;
  if (name == "gelu_new" || name == "gelu_pytorch_tanh") return Activation::GeluTanh;
  throw Error("The text encoder configuration " + origin + " has hidden_act '" + name +
              "'; supported are quick_gelu, gelu, gelu_new and gelu_pytorch_tanh.");
}

const char* activationName(Activation a) {
  switch (a) {
    case Activation::QuickGelu: return "quick_gelu";
    case Activation::Gelu: return "gelu";
    case Activation::GeluTanh: return "gelu_new";
  }
  return "?";
}

void TextEncoderConfig::validate() const {
  auto positive = [&](int v, const char* name) {
    if (v <= 0) throw Error("The text encoder configuration " + origin + " has " + name + " = " + std::to_string(v) + ".");
  };
  positive(vocab_size, "vocab_size");
  positive(hidden_size, "hidden_size");
  positive(intermediate_size, "intermediate_size");
  positive(num_hidden_layers, "num_hidden_layers");
  positive(num_attention_heads, "num_attention_heads");
  positive(max_position_embeddings, "max_position_embeddings");
  if (hidden_size % num_attention_heads != 0)
    throw Error("The text encoder configuration " + origin + " has hidden_size " + std::to_string(hidden_size) +
                " not divisible by num_attention_heads " + std::to_string(num_attention_heads) + ".");
  if (!(layer_norm_eps > 0)) throw Error("The text encoder configuration " + origin + " has layer_norm_eps <= 0.");
}

TextEncoderConfig parseTextEncoderConfig(const std::string& json_text, const std::string& origin) {
  const nlohmann::json root = parseUntrustedJson(json_text, "The text encoder configuration " + origin);
  if (!root.is_object()) throw Error("The text encoder configuration " + origin + " is not a JSON object.");
  // A full CLIPConfig nests the text tower (referred to, not copied).
  const bool nested = root.contains("text_config") && root["text_config"].is_object() && !root.contains("hidden_size");
  const nlohmann::json& j = nested ? root["text_config"] : root;
  TextEncoderConfig c;
  c.origin = origin;
  c.hidden_size = requiredInt(j, "hidden_size", origin);
  c.intermediate_size = requiredInt(j, "intermediate_size", origin);
  c.num_hidden_layers = requiredInt(j, "num_hidden_layers", origin);
  c.num_attention_heads = requiredInt(j, "num_attention_heads", origin);
  c.vocab_size = requiredInt(j, "vocab_size", origin);
  c.max_position_embeddings = requiredInt(j, "max_position_embeddings", origin);
  try {
    c.hidden_act = parseActivation(j.value("hidden_act", std::string("quick_gelu")), origin);
    c.layer_norm_eps = configPositive(j, "layer_norm_eps", c.layer_norm_eps, "The text encoder configuration " + origin);
    // CLIPTextModelWithProjection (SDXL's text_encoder_2) adds text_projection.
    const auto arch = j.value("architectures", nlohmann::json::array());
    if (arch.is_array() && std::find(arch.begin(), arch.end(), "CLIPTextModelWithProjection") != arch.end())
      c.projection_dim = j.value("projection_dim", c.hidden_size);
  } catch (const nlohmann::json::exception& e) {
    throw Error("The text encoder configuration " + origin + " has a field of the wrong type (" + boundedText(e.what()) + ").");
  }
  c.validate();
  return c;
}

}  // namespace sds::clip
