#include "models/unet/unet_ldm_keys.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/base/error.h"
#include "models/common/nn_key_map.h"

namespace sds::unet {
namespace {

using nn::PrefixRule;

std::optional<std::string> resnetRest(const std::string& rest) {
  static const std::vector<std::pair<std::string, std::string>> table = {
      {"in_layers.0", "norm1"},  {"in_layers.2", "conv1"},  {"emb_layers.1", "time_emb_proj"},
      {"out_layers.0", "norm2"}, {"out_layers.3", "conv2"}, {"skip_connection", "conv_shortcut"}};
  return nn::renameLeading(rest, table);
}

std::string num(int i) { return std::to_string(i); }

// The LDM -> diffusers prefix table of a UNet with this config.
std::vector<PrefixRule> unetRules(const UNetConfig& c) {
  std::vector<PrefixRule> rules = {{"time_embed.0.", "time_embedding.linear_1.", nullptr},
                                   {"time_embed.2.", "time_embedding.linear_2.", nullptr},
                                   {"input_blocks.0.0.", "conv_in.", nullptr},
                                   {"out.0.", "conv_norm_out.", nullptr},
                                   {"out.2.", "conv_out.", nullptr}};
  if (c.hasTextTime()) {  // SDXL: num_classes "sequential" -> label_emb.0 = Linear, SiLU, Linear
    rules.push_back({"label_emb.0.0.", "add_embedding.linear_1.", nullptr});
    rules.push_back({"label_emb.0.2.", "add_embedding.linear_2.", nullptr});
  }
  int n = 1;
  for (int i = 0; i < c.numBlocks(); ++i) {
    const std::string block = "down_blocks." + num(i) + ".";
    for (int j = 0; j < c.layers_per_block[size_t(i)]; ++j, ++n) {
      rules.push_back({"input_blocks." + num(n) + ".0.", block + "resnets." + num(j) + ".", resnetRest});
      if (c.downHasAttention(i))
        rules.push_back({"input_blocks." + num(n) + ".1.", block + "attentions." + num(j) + ".", nullptr});
    }
    if (i + 1 < c.numBlocks()) {
      rules.push_back({"input_blocks." + num(n) + ".0.op.", block + "downsamplers.0.conv.", nullptr});
      ++n;
    }
  }
  if (c.hasMidBlock()) {
    rules.push_back({"middle_block.0.", "mid_block.resnets.0.", resnetRest});
    rules.push_back({"middle_block.1.", "mid_block.attentions.0.", nullptr});
    rules.push_back({"middle_block.2.", "mid_block.resnets.1.", resnetRest});
  }
  n = 0;
  for (int i = 0; i < c.numBlocks(); ++i) {
    const std::string block = "up_blocks." + num(i) + ".";
    const int layers = c.upLayers(i);
    for (int j = 0; j < layers; ++j, ++n) {
      const std::string ob = "output_blocks." + num(n) + ".";
      rules.push_back({ob + "0.", block + "resnets." + num(j) + ".", resnetRest});
      if (c.upHasAttention(i)) rules.push_back({ob + "1.", block + "attentions." + num(j) + ".", nullptr});
      if (j == layers - 1 && i + 1 < c.numBlocks())
        rules.push_back({ob + (c.upHasAttention(i) ? "2" : "1") + ".conv.", block + "upsamplers.0.conv.", nullptr});
    }
  }
  return rules;
}

// Key "<prefix>N.rest" -> N (or -1).
int indexAfter(const std::string& key, const std::string& prefix) {
  if (!nn::startsWith(key, prefix)) return -1;
  const auto dot = key.find('.', prefix.size());
  try {
    return std::stoi(key.substr(prefix.size(), dot - prefix.size()));
  } catch (const std::exception&) {
    return -1;
  }
}

int64_t dimOf(const io::WeightSource& w, const std::string& key, size_t d) {
  const auto& shape = w.entry(key).shape;
  if (shape.size() <= d) throw Error("Tensor '" + key + "' of " + w.description() + " has an unexpected shape.");
  return shape[d];
}

// Transformer depth of an LDM block prefix ("input_blocks.1.1."), 0 if none.
int transformerDepth(const std::vector<std::string>& names, const std::string& prefix) {
  std::set<int> depth;
  for (const auto& k : names)
    if (int d = indexAfter(k, prefix + "transformer_blocks."); d >= 0) depth.insert(d);
  return int(depth.size());
}

}  // namespace

io::WeightSource unetWeightsFromLdm(const io::WeightSource& ldm, const UNetConfig& config) {
  config.validate();
  const bool linear = config.use_linear_projection;
  return nn::remapByPrefix(ldm, unetRules(config), [linear](const std::string& name, io::WeightSource::Entry e) {
    // Some SD 2.x exports store linear projections as 1x1 convs and vice versa.
    const bool proj = nn::endsWith(name, ".proj_in.weight") || nn::endsWith(name, ".proj_out.weight");
    if (proj && linear && e.shape.size() == 4) return nn::reshapedEntry(e, {e.shape[0], e.shape[1]});
    if (proj && !linear && e.shape.size() == 2) return nn::reshapedEntry(e, {e.shape[0], e.shape[1], 1, 1});
    return e;
  });
}

UNetConfig detectUNetConfigFromLdm(const io::WeightSource& ldm, const LdmUNetDefaults& defaults) {
  for (const char* key : {"input_blocks.0.0.weight", "out.2.weight", "time_embed.0.weight"})
    if (!ldm.has(key))
      throw Error(ldm.description() + " does not hold an LDM UNet: tensor '" + std::string(key) + "' is missing.");
  const auto names = ldm.names();
  std::set<int> inputs, outputs, ops;
  for (const auto& k : names) {
    if (int b = indexAfter(k, "input_blocks."); b > 0) {
      inputs.insert(b);
      if (nn::startsWith(k, "input_blocks." + num(b) + ".0.op.")) ops.insert(b);
    }
    if (int b = indexAfter(k, "output_blocks."); b >= 0) outputs.insert(b);
  }
  UNetConfig c;
  c.origin = ldm.description() + " (detected)";
  c.in_channels = int(dimOf(ldm, "input_blocks.0.0.weight", 1));
  c.conv_in_kernel = int(dimOf(ldm, "input_blocks.0.0.weight", 2));
  c.out_channels = int(dimOf(ldm, "out.2.weight", 0));
  c.conv_out_kernel = int(dimOf(ldm, "out.2.weight", 2));
  const int model_channels = int(dimOf(ldm, "input_blocks.0.0.weight", 0));
  const int temb = int(dimOf(ldm, "time_embed.0.weight", 0));
  c.time_embedding_dim = temb == 4 * model_channels ? 0 : temb;
  c.norm_num_groups = defaults.norm_num_groups;
  c.upcast_attention = defaults.upcast_attention;

  // Input blocks 1.. are resnet(+transformer) layers, a downsampler closing each block but the last.
  std::vector<std::vector<int>> blocks(1);
  for (int b : inputs) {
    if (ops.count(b)) {
      blocks.emplace_back();
    } else {
      blocks.back().push_back(b);
    }
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].empty()) throw Error(ldm.description() + ": down block " + num(int(i)) + " has no resnets.");
    const std::string first = "input_blocks." + num(blocks[i][0]) + ".";
    c.block_out_channels.push_back(int(dimOf(ldm, first + "0.out_layers.3.weight", 0)));
    c.layers_per_block.push_back(int(blocks[i].size()));
    const int depth = transformerDepth(names, first + "1.");
    c.down_block_types.push_back(depth > 0 ? "CrossAttnDownBlock2D" : "DownBlock2D");
    c.transformer_layers_per_block.push_back(std::max(depth, 1));
  }
  const int n = c.numBlocks();
  int ob = 0;
  std::vector<int> up_depths;
  for (int i = 0; i < n; ++i) {
    const int depth = transformerDepth(names, "output_blocks." + num(ob) + ".1.");
    c.up_block_types.push_back(depth > 0 ? "CrossAttnUpBlock2D" : "UpBlock2D");
    up_depths.push_back(std::max(depth, 1));
    ob += c.layers_per_block[size_t(n - 1 - i)] + 1;
  }
  if (ob != int(outputs.size()))
    throw Error(ldm.description() + ": " + num(int(outputs.size())) + " output blocks do not fit " + num(n) +
                " down blocks with layers per block as found.");
  if (std::vector<int>(c.transformer_layers_per_block.rbegin(), c.transformer_layers_per_block.rend()) != up_depths)
    c.reverse_transformer_layers_per_block = up_depths;
  if (transformerDepth(names, "middle_block.1.") == 0) throw Error(ldm.description() + ": the UNet has no middle block.");

  std::string proj_in, cross_k;
  for (const auto& k : names) {
    if (cross_k.empty() && nn::endsWith(k, ".attn2.to_k.weight")) cross_k = k;
    if (proj_in.empty() && nn::endsWith(k, ".proj_in.weight")) proj_in = k;
  }
  if (cross_k.empty()) throw Error(ldm.description() + ": the UNet has no cross-attention layers.");
  c.cross_attention_dim = int(dimOf(ldm, cross_k, 1));
  c.use_linear_projection = !proj_in.empty() && ldm.entry(proj_in).shape.size() == 2;
  if (ldm.has("label_emb.0.0.weight")) {  // SDXL's added (text_time) conditioning
    c.addition_embed_type = "text_time";
    c.addition_time_embed_dim = defaults.addition_time_embed_dim;
    c.projection_class_embeddings_input_dim = int(dimOf(ldm, "label_emb.0.0.weight", 1));
  }
  const bool sd2_style = c.use_linear_projection || c.cross_attention_dim == 1024;
  for (int ch : c.block_out_channels) c.num_attention_heads.push_back(sd2_style ? std::max(1, ch / 64) : 8);
  c.validate();
  return c;
}

}  // namespace sds::unet
