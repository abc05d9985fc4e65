#include "models/vae/vae_config.h"

#include <nlohmann/json.hpp>

#include "models/common/config_fields.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::vae {
namespace {

using nlohmann::json;

bool present(const json& j, const char* key) { return j.contains(key) && !j[key].is_null(); }

template <typename T>
T valueOr(const json& j, const char* key, T fallback, const std::string& origin) {
  if (!present(j, key)) return fallback;
  try {
    return j[key].get<T>();
  } catch (const std::exception&) {
    throw Error("VAE config " + origin + ": field '" + key + "' has an unexpected type (" + jsonExcerpt(j[key]) + ").");
  }
}

// Integers are read checked (no silent truncation of 4.9 or wrap of 2^32 + 4).
int valueOr(const json& j, const char* key, int fallback, const std::string& origin) {
  return configInt(j, key, fallback, 0, kMaxConfigInt, "VAE config " + origin);
}
std::vector<int> valueOr(const json& j, const char* key, const std::vector<int>& fallback, const std::string& origin) {
  return present(j, key) ? configIntList(j[key], key, 0, kMaxConfigInt, "VAE config " + origin) : fallback;
}
double valueOr(const json& j, const char* key, double fallback, const std::string& origin) {
  return configNumber(j, key, fallback, "VAE config " + origin);
}

void requireAll(const json& j, const char* key, const std::string& expected, const std::string& origin) {
  if (!present(j, key)) return;
  for (const auto& t : valueOr(j, key, std::vector<std::string>{}, origin))
    if (t != expected)
      throw Error("VAE config " + origin + ": block type '" + t + "' in '" + key + "' is not supported (only " +
                  expected + ").");
}

}  // namespace

void VaeConfig::validate() const {
  const auto fail = [this](const std::string& why) { throw Error("VAE config " + origin + ": " + why); };
  if (block_out_channels.empty()) fail("block_out_channels is empty.");
  if (in_channels <= 0 || out_channels <= 0 || latent_channels <= 0 || norm_num_groups <= 0)
    fail("channel counts and norm_num_groups must be positive.");
  if (layers_per_block < 1) fail("layers_per_block must be at least 1.");
  for (size_t i = 0; i < block_out_channels.size(); ++i)
    if (block_out_channels[i] <= 0 || block_out_channels[i] % norm_num_groups != 0)
      fail("block_out_channels[" + std::to_string(i) + "] = " + std::to_string(block_out_channels[i]) +
           " is not a positive multiple of norm_num_groups " + std::to_string(norm_num_groups) + ".");
  if (!(scaling_factor > 0)) fail("scaling_factor must be positive.");
}

VaeConfig parseVaeConfig(const std::string& json_text, const std::string& origin) {
  json j;
  requireJsonDepth(json_text, "VAE config " + origin);
  try {
    j = json::parse(json_text);
  } catch (const std::exception& e) {
    throw Error("VAE config " + origin + " is not valid JSON: " + boundedText(e.what()));
  }
  if (!j.is_object()) throw Error("VAE config " + origin + " is not a JSON object.");
  VaeConfig c;
  c.origin = origin;
  c.in_channels = valueOr(j, "in_channels", 3, origin);
  c.out_channels = valueOr(j, "out_channels", 3, origin);
  c.latent_channels = valueOr(j, "latent_channels", 4, origin);
  c.block_out_channels = valueOr(j, "block_out_channels", std::vector<int>{64}, origin);
  c.layers_per_block = valueOr(j, "layers_per_block", 1, origin);
  c.norm_num_groups = valueOr(j, "norm_num_groups", 32, origin);
  c.scaling_factor = valueOr(j, "scaling_factor", 0.18215, origin);
  c.force_upcast = valueOr(j, "force_upcast", true, origin);
  c.use_quant_conv = valueOr(j, "use_quant_conv", true, origin);
  c.use_post_quant_conv = valueOr(j, "use_post_quant_conv", true, origin);
  c.mid_block_add_attention = valueOr(j, "mid_block_add_attention", true, origin);
  requireAll(j, "down_block_types", "DownEncoderBlock2D", origin);
  requireAll(j, "up_block_types", "UpDecoderBlock2D", origin);
  const auto n = c.block_out_channels.size();
  for (const char* key : {"down_block_types", "up_block_types"})
    if (present(j, key) && j[key].size() != n)
      throw Error("VAE config " + origin + ": '" + key + "' and block_out_channels differ in length.");
  if (present(j, "act_fn") && j["act_fn"] != "silu")
    throw Error("VAE config " + origin + ": act_fn " + jsonExcerpt(j["act_fn"]) + " is not supported (only silu).");
  if (present(j, "shift_factor") && valueOr(j, "shift_factor", 0.0, origin) != 0.0)
    throw Error("VAE config " + origin + ": a non-zero shift_factor (SD3/Flux latents) is not supported.");
  if (present(j, "latents_mean") || present(j, "latents_std"))
    throw Error("VAE config " + origin + ": latents_mean/latents_std normalisation is not supported.");
  c.validate();
  return c;
}

}  // namespace sds::vae
