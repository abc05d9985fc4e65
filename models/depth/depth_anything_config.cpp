#include "models/depth/depth_anything_config.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "models/common/config_fields.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/io/weights.h"

namespace sds::depth {
namespace {

using nlohmann::json;

// Checked reads (config_fields.h): 4.9 or 2^32 + 8 where a size belongs is an error, not 4 or 8.
void setInt(const ConfigFields& f, const char* key, int& out) { out = f.integer(key, out); }

void setDouble(const ConfigFields& f, const char* key, double& out) { out = f.number(key, out); }

void setList(const ConfigFields& f, const char* key, std::vector<int>& out) {
  out = f.integers(key, out, -kMaxConfigInt, kMaxConfigInt);
}

void setList(const ConfigFields& f, const char* key, std::vector<double>& out) { out = f.numbers(key, out); }

int countBlocks(const io::WeightSource& w, const std::string& prefix, const std::string& suffix) {
  int n = 0;
  while (w.has(prefix + std::to_string(n) + suffix)) ++n;
  return n;
}

int64_t dim(const io::WeightSource& w, const std::string& name, size_t axis) {
  const auto& shape = w.entry(name).shape;
  if (shape.size() <= axis)
    throw Error("Tensor '" + w.entry(name).origin + "' has " + std::to_string(shape.size()) + " dimensions, expected more.");
  return shape[axis];
}

// The encoder sizes both layouts name, each under its own key: transformers'
// backbone_config, the original repository's config block.
struct EncoderSize {
  const char* transformers_key;
  const char* original_key;
  int DepthAnythingConfig::*field;
};
constexpr EncoderSize kEncoderSizes[] = {
    {"hidden_size", "embed_dim", &DepthAnythingConfig::embed_dim},
    {"num_hidden_layers", "depth", &DepthAnythingConfig::depth},
    {"num_attention_heads", "num_heads", &DepthAnythingConfig::num_heads},
    {"patch_size", "patch_size", &DepthAnythingConfig::patch_size},
};

// The encoder sizes under one layout's keys, then the LayerNorm eps (one for
// every LayerNorm in V2).
void readEncoderSizes(DepthAnythingConfig& c, const ConfigFields& f, const char* EncoderSize::*key) {
  for (const EncoderSize& size : kEncoderSizes) setInt(f, size.*key, c.*size.field);
  setDouble(f, "layer_norm_eps", c.layer_norm_eps);
  c.final_norm_eps = c.layer_norm_eps;
}

void applyBackboneConfig(DepthAnythingConfig& c, const ConfigFields& b, const std::string& origin) {
  readEncoderSizes(c, b, &EncoderSize::transformers_key);
  if (b.has("mlp_ratio")) {
    const double ratio = b.positive("mlp_ratio", 4.0);
    if (ratio * c.embed_dim > double(kMaxConfigInt)) b.reject("mlp_ratio", "is implausibly large");
    c.mlp_hidden = int(std::lround(c.embed_dim * ratio));
  }
  if (b.has("image_size") && c.patch_size > 0) c.pos_grid = b.integer("image_size", 0) / c.patch_size;
  c.qkv_bias = b.flag("qkv_bias", c.qkv_bias);
  if (b.flag("use_swiglu_ffn", false))
    throw Error(origin + " describes a SwiGLU encoder (ViT-G); only the ViT-S/B/L MLP encoders are supported.");
  if (b.integer("num_register_tokens", 0) != 0)
    throw Error(origin + " describes an encoder with register tokens, which Depth Anything V2 does not use.");
  if (!b.flag("apply_layernorm", true))
    throw Error(origin + " sets apply_layernorm to false; Depth Anything V2 normalises its features.");
  std::vector<int> out_indices;
  setList(b, "out_indices", out_indices);
  if (out_indices.empty()) {
    for (const auto& s : b.texts("out_features", {})) {
      const std::string digits = s.rfind("stage", 0) == 0 ? s.substr(5) : "";
      if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
        throw Error("out_features in " + origin + " holds '" + boundedText(s, 40) + "', not 'stageN'.");
      out_indices.push_back(std::stoi(digits));
    }
  }
  if (!out_indices.empty()) {
    // transformers' stage 0 is the embedding output, stage k the output of block k-1.
    c.layer_indices.clear();
    for (int i : out_indices) c.layer_indices.push_back(i - 1);
  }
}

void applyOriginalBlock(DepthAnythingConfig& c, const ConfigFields& o, const std::string& origin) {
  readEncoderSizes(c, o, &EncoderSize::original_key);
  setInt(o, "mlp_hidden_dim", c.mlp_hidden);
  setList(o, "intermediate_layer_idx", c.layer_indices);
  setInt(o, "features", c.features);
  setList(o, "out_channels", c.out_channels);
  setInt(o, "head_features_2", c.head_features_2);
  const auto grid = o.integers("pos_embed_grid", {});
  if (!grid.empty()) c.pos_grid = grid[0];
  if (o.flag("use_clstoken", false))
    throw Error(origin + " uses the class-token readout (use_clstoken), which Depth Anything V2 models do not use.");
  if (o.flag("use_bn", false)) throw Error(origin + " uses batch norm in the DPT head (use_bn), which is not supported.");
  const std::string ffn = o.text("ffn_layer", "mlp");
  if (ffn != "mlp") throw Error(origin + " uses the '" + boundedText(ffn, 40) + "' FFN; only 'mlp' is supported.");
}

}  // namespace

void DepthAnythingConfig::validate() const {
  const auto bad = [&](const std::string& what) { throw Error("Invalid Depth Anything configuration (" + origin + "): " + what + "."); };
  if (embed_dim <= 0 || depth <= 0 || num_heads <= 0 || mlp_hidden <= 0) bad("sizes must be positive");
  if (embed_dim % num_heads != 0)
    bad("embed dim " + std::to_string(embed_dim) + " is not divisible by " + std::to_string(num_heads) + " heads");
  if (patch_size <= 0 || pos_grid <= 0) bad("patch size and position grid must be positive");
  if (layer_indices.size() != 4) bad("the DPT head needs exactly 4 intermediate layers");
  for (int i : layer_indices)
    if (i < 0 || i >= depth) bad("intermediate layer " + std::to_string(i) + " is outside 0.." + std::to_string(depth - 1));
  if (out_channels.size() != 4 || reassemble_factors.size() != 4) bad("the DPT head needs 4 out_channels and 4 factors");
  for (int oc : out_channels)
    if (oc <= 0) bad("out_channels must be positive");
  for (double f : reassemble_factors)
    if (!(f == 0.5 || f == 1 || (f > 1 && f == std::floor(f)))) bad("reassemble factor " + std::to_string(f) + " is not 0.5, 1 or an integer > 1");
  if (features <= 1 || features % 2 != 0) bad("features must be even and positive");
  if (head_features_2 <= 0) bad("head_features_2 must be positive");
  if (!(layer_norm_eps > 0) || !(final_norm_eps > 0)) bad("LayerNorm eps must be positive");
  if (metric && family != DepthFamily::Anything3) bad("only Depth Anything 3 has a metric variant here");
}

std::vector<int> officialLayerIndices(int depth) {
  switch (depth) {
    case 12: return {2, 5, 8, 11};
    case 24: return {4, 11, 17, 23};
    case 40: return {9, 19, 29, 39};
    default: return {};
  }
}

void requireKnownLayout(const DepthAnythingConfig& c) {
  if (c.num_heads <= 0)
    throw Error("Cannot tell the number of attention heads of the " + std::to_string(c.embed_dim) +
                "-wide encoder in " + c.origin + "; put its config.json beside the weights.");
  if (c.layer_indices.empty())
    throw Error("Cannot tell which encoder blocks feed the DPT head of the " + std::to_string(c.depth) +
                "-block encoder in " + c.origin + "; put its config.json (backbone_config.out_indices) beside the weights.");
}

DepthAnythingConfig detectDepthAnythingConfig(const io::WeightSource& w) {
  DepthAnythingConfig c;
  c.origin = w.description();
  const std::string proj = "backbone.embeddings.patch_embeddings.projection.weight";
  c.embed_dim = int(dim(w, proj, 0));
  c.patch_size = int(dim(w, proj, 2));
  const int64_t tokens = dim(w, "backbone.embeddings.position_embeddings", 1) - 1;
  c.pos_grid = int(std::lround(std::sqrt(double(tokens))));
  if (int64_t(c.pos_grid) * c.pos_grid != tokens)
    throw Error("Tensor '" + w.entry("backbone.embeddings.position_embeddings").origin + "' holds " +
                std::to_string(tokens) + " patch positions, not a square grid.");
  c.depth = countBlocks(w, "backbone.encoder.layer.", ".norm1.weight");
  if (c.depth == 0) throw Error("No encoder blocks ('backbone.encoder.layer.0.norm1.weight') in " + c.origin + ".");
  if (w.has("backbone.encoder.layer.0.mlp.weights_in.weight"))
    throw Error(c.origin + " holds a SwiGLU encoder (ViT-G); only the ViT-S/B/L MLP encoders are supported.");
  c.mlp_hidden = int(dim(w, "backbone.encoder.layer.0.mlp.fc1.weight", 0));
  c.layer_scale = w.has("backbone.encoder.layer.0.layer_scale1.lambda1");
  c.qkv_bias = w.has("backbone.encoder.layer.0.attention.attention.query.bias");
  // Every released model has 64-wide heads; others need their config.json (0 = unknown).
  c.num_heads = c.embed_dim % 64 == 0 ? c.embed_dim / 64 : 0;
  c.layer_indices = officialLayerIndices(c.depth);
  c.features = int(dim(w, "neck.convs.0.weight", 0));
  for (int j = 0; j < 4; ++j) {
    const std::string layer = "neck.reassemble_stage.layers." + std::to_string(j);
    c.out_channels[size_t(j)] = int(dim(w, layer + ".projection.weight", 0));
    const std::string resize = layer + ".resize.weight";
    // DPT's resize: transposed conv with kernel = stride = factor, identity, or a stride-2 3x3 conv.
    c.reassemble_factors[size_t(j)] = !w.has(resize) ? 1.0 : dim(w, resize, 2) == 3 ? 0.5 : double(dim(w, resize, 2));
  }
  c.head_features_2 = int(dim(w, "head.conv2.weight", 0));
  return c;
}

DepthAnythingConfig applyDepthAnythingConfigJson(DepthAnythingConfig c, const nlohmann::json& j, const std::string& origin) {
  const ConfigFields f(j, "The depth model config " + origin);
  const std::string type = f.text("model_type", "depth_anything");
  if (type == "dpt")
    throw Error(origin + " describes a DPT (MiDaS) model; only Depth Anything V2 checkpoints are supported.");
  if (type != "depth_anything") throw Error(origin + " describes a '" + boundedText(type, 40) + "' model, not Depth Anything.");
  if (f.text("depth_estimation_type", "relative") != "relative")
    throw Error(origin + " describes a metric-depth model; only relative (inverse) depth models are supported.");
  c.origin = origin;
  if (f.has("backbone_config")) applyBackboneConfig(c, f.object("backbone_config"), origin);
  setList(f, "reassemble_factors", c.reassemble_factors);
  setList(f, "neck_hidden_sizes", c.out_channels);
  setInt(f, "fusion_hidden_size", c.features);
  setInt(f, "head_hidden_size", c.head_features_2);
  if (f.has("depth_anything_v2_original")) applyOriginalBlock(c, f.object("depth_anything_v2_original"), origin);
  return c;
}

}  // namespace sds::depth
