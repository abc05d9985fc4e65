#include "models/vae/vae_ldm_keys.h"

#include <set>

#include "core/base/error.h"
#include "models/common/nn_key_map.h"

namespace sds::vae {
namespace {

using nn::PrefixRule;

std::string num(int i) { return std::to_string(i); }

std::optional<std::string> resnetRest(const std::string& rest) {
  static const std::vector<std::pair<std::string, std::string>> table = {
      {"norm1", "norm1"}, {"conv1", "conv1"}, {"norm2", "norm2"}, {"conv2", "conv2"}, {"nin_shortcut", "conv_shortcut"}};
  return nn::renameLeading(rest, table);
}

std::optional<std::string> attentionRest(const std::string& rest) {
  static const std::vector<std::pair<std::string, std::string>> table = {
      {"norm", "group_norm"}, {"q", "to_q"}, {"k", "to_k"}, {"v", "to_v"}, {"proj_out", "to_out.0"}};
  return nn::renameLeading(rest, table);
}

void addMid(std::vector<PrefixRule>& rules, const std::string& part) {
  rules.push_back({part + ".mid.block_1.", part + ".mid_block.resnets.0.", resnetRest});
  rules.push_back({part + ".mid.attn_1.", part + ".mid_block.attentions.0.", attentionRest});
  rules.push_back({part + ".mid.block_2.", part + ".mid_block.resnets.1.", resnetRest});
}

std::vector<PrefixRule> vaeRules(const VaeConfig& c) {
  std::vector<PrefixRule> rules = {
      {"encoder.conv_in.", "encoder.conv_in.", nullptr},   {"encoder.norm_out.", "encoder.conv_norm_out.", nullptr},
      {"encoder.conv_out.", "encoder.conv_out.", nullptr}, {"decoder.conv_in.", "decoder.conv_in.", nullptr},
      {"decoder.norm_out.", "decoder.conv_norm_out.", nullptr}, {"decoder.conv_out.", "decoder.conv_out.", nullptr},
      {"quant_conv.", "quant_conv.", nullptr},             {"post_quant_conv.", "post_quant_conv.", nullptr}};
  const int n = c.numBlocks();
  for (int i = 0; i < n; ++i) {
    const std::string down = "encoder.down." + num(i) + ".", to = "encoder.down_blocks." + num(i) + ".";
    for (int j = 0; j < c.layers_per_block; ++j)
      rules.push_back({down + "block." + num(j) + ".", to + "resnets." + num(j) + ".", resnetRest});
    if (i + 1 < n) rules.push_back({down + "downsample.conv.", to + "downsamplers.0.conv.", nullptr});
  }
  for (int k = 0; k < n; ++k) {  // decoder blocks are numbered in reverse in LDM
    const std::string up = "decoder.up." + num(n - 1 - k) + ".", to = "decoder.up_blocks." + num(k) + ".";
    for (int j = 0; j < c.layers_per_block + 1; ++j)
      rules.push_back({up + "block." + num(j) + ".", to + "resnets." + num(j) + ".", resnetRest});
    if (k + 1 < n) rules.push_back({up + "upsample.conv.", to + "upsamplers.0.conv.", nullptr});
  }
  addMid(rules, "encoder");
  addMid(rules, "decoder");
  return rules;
}

// Mid-block attention projections are 1x1 convs in LDM files (and in some old
// diffusers files); biases were once written as [C,1,1].
io::WeightSource::Entry flattenAttention(const std::string& name, io::WeightSource::Entry e) {
  if (name.find(".mid_block.attentions.") == std::string::npos || nn::endsWith(name, "group_norm.weight") ||
      nn::endsWith(name, "group_norm.bias"))
    return e;
  if (nn::endsWith(name, ".weight") && e.shape.size() == 4 && e.shape[2] == 1 && e.shape[3] == 1)
    return nn::reshapedEntry(e, {e.shape[0], e.shape[1]});
  if (nn::endsWith(name, ".bias") && e.shape.size() == 3 && e.shape[1] == 1 && e.shape[2] == 1)
    return nn::reshapedEntry(e, {e.shape[0]});
  return e;
}

int64_t dimOf(const io::WeightSource& w, const std::string& key, size_t d) {
  if (!w.has(key)) throw Error(w.description() + " does not hold an LDM autoencoder: tensor '" + key + "' is missing.");
  const auto& shape = w.entry(key).shape;
  if (shape.size() <= d) throw Error("Tensor '" + key + "' of " + w.description() + " has an unexpected shape.");
  return shape[d];
}

int countIndices(const std::vector<std::string>& names, const std::string& prefix) {
  std::set<std::string> seen;
  for (const auto& k : names)
    if (nn::startsWith(k, prefix)) seen.insert(k.substr(prefix.size(), k.find('.', prefix.size()) - prefix.size()));
  return int(seen.size());
}

}  // namespace

io::WeightSource vaeWeightsFromLdm(const io::WeightSource& ldm, const VaeConfig& config) {
  config.validate();
  return nn::remapByPrefix(ldm, vaeRules(config), flattenAttention);
}

io::WeightSource vaeWeightsWithCurrentNames(const io::WeightSource& diffusers) {
  std::vector<PrefixRule> rules;
  for (const char* part : {"encoder", "decoder"}) {
    const std::string attn = std::string(part) + ".mid_block.attentions.0.";
    rules.push_back({attn, attn, [](const std::string& rest) {
                       static const std::vector<std::pair<std::string, std::string>> old = {
                           {"query", "to_q"}, {"key", "to_k"}, {"value", "to_v"}, {"proj_attn", "to_out.0"}};
                       return std::optional<std::string>(nn::renameLeading(rest, old).value_or(rest));
                     }});
  }
  return nn::remapByPrefix(diffusers, rules, flattenAttention);
}

VaeConfig detectVaeConfigFromLdm(const io::WeightSource& ldm, int norm_num_groups, double scaling_factor) {
  const auto names = ldm.names();
  VaeConfig c;
  c.origin = ldm.description() + " (detected)";
  c.in_channels = int(dimOf(ldm, "encoder.conv_in.weight", 1));
  c.out_channels = int(dimOf(ldm, "decoder.conv_out.weight", 0));
  c.latent_channels = int(dimOf(ldm, "decoder.conv_in.weight", 1));
  const int n = countIndices(names, "encoder.down.");
  if (n == 0) throw Error(ldm.description() + " does not hold an LDM autoencoder: no encoder.down blocks.");
  for (int i = 0; i < n; ++i)
    c.block_out_channels.push_back(int(dimOf(ldm, "encoder.down." + num(i) + ".block.0.conv1.weight", 0)));
  c.layers_per_block = countIndices(names, "encoder.down.0.block.");
  c.norm_num_groups = norm_num_groups;
  c.scaling_factor = scaling_factor;
  c.use_quant_conv = ldm.has("quant_conv.weight");
  c.use_post_quant_conv = ldm.has("post_quant_conv.weight");
  c.mid_block_add_attention = ldm.has("encoder.mid.attn_1.q.weight");
  c.validate();
  return c;
}

}  // namespace sds::vae
