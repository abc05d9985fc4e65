#include "models/vae/vae_config.h"

#include <nlohmann/json.hpp>

#include "models/common/config_fields.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::vae {
namespace {

using nlohmann::json;

void requireAll(const ConfigFields& f, const char* key, const std::string& expected) {
  for (const auto& t : f.texts(key, {}))
    if (t != expected)
      throw Error(f.where() + ": block type '" + t + "' in '" + key + "' is not supported (only " + expected + ").");
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
  const json j = parseUntrustedJson(json_text, "VAE config " + origin);
  const ConfigFields f(j, "VAE config " + origin);
  VaeConfig c;
  c.origin = origin;
  c.in_channels = f.integer("in_channels", 3);
  c.out_channels = f.integer("out_channels", 3);
  c.latent_channels = f.integer("latent_channels", 4);
  c.block_out_channels = f.integers("block_out_channels", {64});
  c.layers_per_block = f.integer("layers_per_block", 1);
  c.norm_num_groups = f.integer("norm_num_groups", 32);
  c.scaling_factor = f.number("scaling_factor", 0.18215);
  c.force_upcast = f.flag("force_upcast", true);
  c.use_quant_conv = f.flag("use_quant_conv", true);
  c.use_post_quant_conv = f.flag("use_post_quant_conv", true);
  c.mid_block_add_attention = f.flag("mid_block_add_attention", true);
  requireAll(f, "down_block_types", "DownEncoderBlock2D");
  requireAll(f, "up_block_types", "UpDecoderBlock2D");
  const auto n = c.block_out_channels.size();
  for (const char* key : {"down_block_types", "up_block_types"})
    if (f.has(key) && f.raw(key).size() != n)
      throw Error(f.where() + ": '" + key + "' and block_out_channels differ in length.");
  if (f.text("act_fn", "silu") != "silu") f.reject("act_fn", "is not supported (only silu)");
  if (f.number("shift_factor", 0.0) != 0.0)
    throw Error(f.where() + ": a non-zero shift_factor (SD3/Flux latents) is not supported.");
  if (f.has("latents_mean") || f.has("latents_std"))
    throw Error(f.where() + ": latents_mean/latents_std normalisation is not supported.");
  c.validate();
  return c;
}

}  // namespace sds::vae
