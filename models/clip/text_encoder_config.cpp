#include "models/clip/text_encoder_config.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "models/common/config_fields.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::clip {
namespace {

int requiredInt(const ConfigFields& f, const char* key) {
  if (!f.has(key)) throw Error(f.where() + " has no '" + key + "' field.");
  return f.integer(key, 0);
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
  const ConfigFields f(nested ? root["text_config"] : root, "The text encoder configuration " + origin);
  TextEncoderConfig c;
  c.origin = origin;
  c.hidden_size = requiredInt(f, "hidden_size");
  c.intermediate_size = requiredInt(f, "intermediate_size");
  c.num_hidden_layers = requiredInt(f, "num_hidden_layers");
  c.num_attention_heads = requiredInt(f, "num_attention_heads");
  c.vocab_size = requiredInt(f, "vocab_size");
  c.max_position_embeddings = requiredInt(f, "max_position_embeddings");
  c.hidden_act = parseActivation(f.text("hidden_act", "quick_gelu"), origin);
  c.layer_norm_eps = f.positive("layer_norm_eps", c.layer_norm_eps);
  // CLIPTextModelWithProjection (SDXL's text_encoder_2) adds text_projection.
  const auto arch = f.texts("architectures", {});
  if (std::find(arch.begin(), arch.end(), "CLIPTextModelWithProjection") != arch.end())
    c.projection_dim = f.integer("projection_dim", c.hidden_size);
  c.validate();
  return c;
}

}  // namespace sds::clip
