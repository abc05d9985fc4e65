#include "models/unet/unet_config.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "models/common/config_fields.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::unet {
namespace {

using nlohmann::json;

// An int or a list of ints, expanded to `n` entries.
std::vector<int> perBlock(const ConfigFields& f, const char* key, int fallback, int n) {
  if (!f.has(key)) return std::vector<int>(size_t(n), fallback);
  if (f.raw(key).is_number_integer()) return std::vector<int>(size_t(n), f.integer(key, fallback));
  if (!f.raw(key).is_array()) f.reject(key, "must be an integer or a list of integers");
  auto out = f.integers(key, {});
  if (int(out.size()) != n)
    throw Error(f.where() + ": '" + key + "' has " + std::to_string(out.size()) + " entries but there are " +
                std::to_string(n) + " blocks.");
  return out;
}

void rejectIfSet(const ConfigFields& f, const char* key) {
  if (!f.has(key)) return;
  const auto& v = f.raw(key);
  const bool off = (v.is_boolean() && !v.get<bool>()) ||
                   (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) {
                      return e.is_boolean() && !e.get<bool>();
                    }));
  if (!off) f.reject(key, "is not supported");
}

void requireValue(const ConfigFields& f, const char* key, const std::string& expected) {
  if (f.text(key, expected) != expected) f.reject(key, "is not supported (only \"" + expected + "\")");
}

}  // namespace

bool UNetConfig::downHasAttention(int i) const { return down_block_types.at(size_t(i)) == "CrossAttnDownBlock2D"; }

bool UNetConfig::upHasAttention(int i) const { return up_block_types.at(size_t(i)) == "CrossAttnUpBlock2D"; }

int UNetConfig::timeEmbeddingDim() const {
  return time_embedding_dim > 0 ? time_embedding_dim : 4 * block_out_channels.at(0);
}

int UNetConfig::addedTextEmbedsDim() const {
  return hasTextTime() ? projection_class_embeddings_input_dim - kSdxlTimeIds * addition_time_embed_dim : 0;
}

int UNetConfig::upHeads(int i) const { return num_attention_heads.at(size_t(numBlocks() - 1 - i)); }

int UNetConfig::upTransformerLayers(int i) const {
  if (!reverse_transformer_layers_per_block.empty()) return reverse_transformer_layers_per_block.at(size_t(i));
  return transformer_layers_per_block.at(size_t(numBlocks() - 1 - i));
}

int UNetConfig::upLayers(int i) const { return layers_per_block.at(size_t(numBlocks() - 1 - i)) + 1; }

int UNetConfig::attentionLayersPerForward() const {
  int modules = 0;
  for (int i = 0; i < numBlocks(); ++i) {
    if (downHasAttention(i)) modules += layers_per_block[size_t(i)] * downTransformerLayers(i);
    if (upHasAttention(i)) modules += upLayers(i) * upTransformerLayers(i);
  }
  if (hasMidBlock()) modules += midTransformerLayers();
  return 2 * modules;  // attn1 + attn2 per transformer block
}

void UNetConfig::validate() const {
  const auto fail = [this](const std::string& why) { throw Error("UNet config " + origin + ": " + why); };
  const size_t n = block_out_channels.size();
  if (n == 0) fail("block_out_channels is empty.");
  if (down_block_types.size() != n || up_block_types.size() != n)
    fail("down_block_types, up_block_types and block_out_channels must have the same length.");
  if (layers_per_block.size() != n || num_attention_heads.size() != n || transformer_layers_per_block.size() != n)
    fail("per-block settings must have one entry per block.");
  if (!reverse_transformer_layers_per_block.empty() && reverse_transformer_layers_per_block.size() != n)
    fail("reverse_transformer_layers_per_block must have one entry per block.");
  for (const auto& t : down_block_types)
    if (t != "CrossAttnDownBlock2D" && t != "DownBlock2D") fail("down block type '" + t + "' is not supported.");
  for (const auto& t : up_block_types)
    if (t != "CrossAttnUpBlock2D" && t != "UpBlock2D") fail("up block type '" + t + "' is not supported.");
  if (hasMidBlock() && mid_block_type != "UNetMidBlock2DCrossAttn")
    fail("mid block type '" + mid_block_type + "' is not supported.");
  if (in_channels <= 0 || out_channels <= 0 || cross_attention_dim <= 0 || norm_num_groups <= 0)
    fail("channel counts and norm_num_groups must be positive.");
  for (size_t i = 0; i < n; ++i) {
    const int c = block_out_channels[i];
    if (c <= 0 || c % norm_num_groups != 0)
      fail("block_out_channels[" + std::to_string(i) + "] = " + std::to_string(c) +
           " is not a positive multiple of norm_num_groups " + std::to_string(norm_num_groups) + ".");
    if (layers_per_block[i] < 1 || transformer_layers_per_block[i] < 1)
      fail("layers_per_block and transformer_layers_per_block must be at least 1.");
    const int heads = num_attention_heads[i];
    if (heads < 1 || c % heads != 0)
      fail("block " + std::to_string(i) + " has " + std::to_string(c) + " channels, not divisible into " +
           std::to_string(heads) + " attention heads.");
  }
  // Up block i works on reversed channels with reversed heads.
  for (int i = 0; i < int(n); ++i)
    if (block_out_channels[n - 1 - size_t(i)] % upHeads(i) != 0) fail("up block channels not divisible by heads.");
  if (conv_in_kernel % 2 == 0 || conv_out_kernel % 2 == 0) fail("conv_in_kernel/conv_out_kernel must be odd.");
  if (!addition_embed_type.empty() && !hasTextTime())
    fail("addition_embed_type '" + addition_embed_type + "' is not supported (only 'text_time', SDXL's).");
  if (hasTextTime() && (addition_time_embed_dim <= 0 || addition_time_embed_dim % 2 != 0 || addedTextEmbedsDim() <= 0))
    fail("text_time needs an even addition_time_embed_dim A > 0 and projection_class_embeddings_input_dim > " +
         std::to_string(kSdxlTimeIds) + " x A (got A = " + std::to_string(addition_time_embed_dim) + ", input " +
         std::to_string(projection_class_embeddings_input_dim) + ").");
}

UNetConfig parseUNetConfig(const std::string& json_text, const std::string& origin) {
  const json j = parseUntrustedJson(json_text, "UNet config " + origin);
  const ConfigFields f(j, "UNet config " + origin);
  UNetConfig c;
  c.origin = origin;
  c.block_out_channels = f.integers("block_out_channels", {320, 640, 1280, 1280});
  const int n = int(c.block_out_channels.size());
  c.down_block_types = f.texts("down_block_types", {"CrossAttnDownBlock2D", "CrossAttnDownBlock2D",
                                                    "CrossAttnDownBlock2D", "DownBlock2D"});
  c.up_block_types =
      f.texts("up_block_types", {"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"});
  // null: no mid block (absent: the default one).
  c.mid_block_type = j.contains("mid_block_type") && j["mid_block_type"].is_null()
                         ? std::string()
                         : f.text("mid_block_type", "UNetMidBlock2DCrossAttn");
  c.in_channels = f.integer("in_channels", 4);
  c.out_channels = f.integer("out_channels", 4);
  c.layers_per_block = perBlock(f, "layers_per_block", 2, n);
  // diffusers: num_attention_heads = num_attention_heads or attention_head_dim.
  c.num_attention_heads = f.has("num_attention_heads") ? perBlock(f, "num_attention_heads", 8, n)
                                                       : perBlock(f, "attention_head_dim", 8, n);
  c.transformer_layers_per_block = perBlock(f, "transformer_layers_per_block", 1, n);
  if (f.has("reverse_transformer_layers_per_block"))
    c.reverse_transformer_layers_per_block = perBlock(f, "reverse_transformer_layers_per_block", 1, n);
  if (f.has("cross_attention_dim") && f.raw("cross_attention_dim").is_array())
    throw Error(f.where() + ": a per-block 'cross_attention_dim' is not supported.");
  c.cross_attention_dim = f.integer("cross_attention_dim", 1280);
  if (j.contains("norm_num_groups") && j["norm_num_groups"].is_null())
    throw Error(f.where() + ": norm_num_groups null (no normalisation) is not supported.");
  c.norm_num_groups = f.integer("norm_num_groups", 32);
  c.norm_eps = f.number("norm_eps", 1e-5);
  c.use_linear_projection = f.flag("use_linear_projection", false);
  c.upcast_attention = f.flag("upcast_attention", false);
  c.flip_sin_to_cos = f.flag("flip_sin_to_cos", true);
  c.freq_shift = f.number("freq_shift", 0.0);
  c.downsample_padding = f.integer("downsample_padding", 1);
  c.mid_block_scale_factor = f.number("mid_block_scale_factor", 1.0);
  c.time_embedding_dim = f.integer("time_embedding_dim", 0);
  c.conv_in_kernel = f.integer("conv_in_kernel", 3);
  c.conv_out_kernel = f.integer("conv_out_kernel", 3);

  c.addition_embed_type = f.text("addition_embed_type", "");
  if (c.hasTextTime()) {
    c.addition_time_embed_dim = f.integer("addition_time_embed_dim", 0);
    c.projection_class_embeddings_input_dim = f.integer("projection_class_embeddings_input_dim", 0);
  }
  for (const char* key : {"class_embed_type", "time_cond_proj_dim", "encoder_hid_dim",
                          "encoder_hid_dim_type", "num_class_embeds", "timestep_post_act", "time_embedding_act_fn",
                          "cross_attention_norm", "only_cross_attention",
                          "dual_cross_attention", "center_input_sample", "resnet_skip_time_act",
                          "class_embeddings_concat", "mid_block_only_cross_attention"})
    rejectIfSet(f, key);
  requireValue(f, "act_fn", "silu");
  requireValue(f, "resnet_time_scale_shift", "default");
  requireValue(f, "attention_type", "default");
  requireValue(f, "time_embedding_type", "positional");
  if (f.number("resnet_out_scale_factor", 1.0) != 1.0)
    throw Error(f.where() + ": resnet_out_scale_factor other than 1 is not supported.");
  c.validate();
  return c;
}

}  // namespace sds::unet
