#include "models/clip/text_encoder_config.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "models/common/error.h"

namespace sds::clip {
namespace {

int requiredInt(const nlohmann::json& j, const char* key, const std::string& origin) {
  if (!j.contains(key))
    throw Error("The text encoder configuration " + origin + " has no '" + key + "' field.");
  if (!j[key].is_number_integer())
    throw Error("The text encoder configuration " + origin + " has a non-integer '" + key + "'.");
  return j[key].get<int>();
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
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    throw Error("The text encoder configuration " + origin + " is not valid JSON (" + e.what() + ").");
  }
  if (!j.is_object()) throw Error("The text encoder configuration " + origin + " is not a JSON object.");
  // A full CLIPConfig nests the text tower.
  if (j.contains("text_config") && j["text_config"].is_object() && !j.contains("hidden_size")) j = j["text_config"];
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
    c.layer_norm_eps = j.value("layer_norm_eps", c.layer_norm_eps);
    // CLIPTextModelWithProjection (SDXL's text_encoder_2) adds text_projection.
    const auto arch = j.value("architectures", nlohmann::json::array());
    if (arch.is_array() && std::find(arch.begin(), arch.end(), "CLIPTextModelWithProjection") != arch.end())
      c.projection_dim = j.value("projection_dim", c.hidden_size);
  } catch (const nlohmann::json::exception& e) {
    throw Error("The text encoder configuration " + origin + " has a field of the wrong type (" + e.what() + ").");
  }
  c.validate();
  return c;
}

}  // namespace sds::clip
