#include "models/clip/text_encoder_layouts.h"

#include <limits>
#include <regex>
#include <set>

#include "core/base/error.h"

namespace sds::clip {
namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

const char* const kLayerPrefix = "text_model.encoder.layers.";

// OpenCLIP block-internal names -> transformers names (in_proj handled apart).
std::optional<std::string> blockName(const std::string& rest) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"ln_1.", "layer_norm1."},         {"ln_2.", "layer_norm2."},   {"attn.out_proj.", "self_attn.out_proj."},
      {"mlp.c_fc.", "mlp.fc1."},         {"mlp.c_proj.", "mlp.fc2."},
  };
  for (const auto& [from, to] : kMap)
    if (startsWith(rest, from)) return std::string(to) + rest.substr(std::char_traits<char>::length(from));
  return std::nullopt;
}

// q, k, v as rows [part*D, (part+1)*D) of the stacked in_proj tensor.
void addInProjPart(io::WeightSource& out, const io::WeightSource::Entry& stacked, int part, const std::string& to) {
  const int64_t d = stacked.shape[0] / 3;
  io::WeightSource::Entry e;
  e.shape = stacked.shape;
  e.shape[0] = d;
  e.dtype = stacked.dtype;
  const auto load = stacked.load;
  e.load = [load, part, d] { return load().narrow(0, part * d, d).clone(); };
  e.origin = stacked.origin + "[" + "qkv"[part] + "]";
  out.add(to, std::move(e));
}

// OpenCLIP `text_projection` [D, P] (used as x @ M) -> Linear weight [P, D].
io::WeightSource::Entry transposedEntry(const io::WeightSource::Entry& e) {
  io::WeightSource::Entry t = e;
  if (e.shape.size() == 2) t.shape = {e.shape[1], e.shape[0]};
  const auto load = e.load;
  t.load = [load] { return load().t().contiguous(); };
  t.origin = e.origin + " (transposed)";
  return t;
}

// keep_projection: SDXL's text_encoder_2 keeps its projection (pooled output).
io::WeightSource openClipToHf(const io::WeightSource& checkpoint, const std::string& prefix, int layers_used,
                              bool keep_projection) {
  static const std::regex kBlock(R"(transformer\.resblocks\.(\d+)\.(.+))");
  int blocks = 0;
  for (const auto& key : checkpoint.names()) {
    std::smatch m;
    const std::string rest = key.substr(std::min(key.size(), prefix.size()));
    if (startsWith(key, prefix) && std::regex_match(rest, m, kBlock)) blocks = std::max(blocks, std::stoi(m[1]) + 1);
  }
  if (layers_used < 0) layers_used = std::max(0, blocks - 1);

  io::WeightSource out;
  out.setDescription(checkpoint.description());
  for (const auto& key : checkpoint.names()) {
    if (!startsWith(key, prefix)) continue;
    const std::string rest = key.substr(prefix.size());
    const auto& entry = checkpoint.entry(key);
    std::smatch m;
    if (rest == "token_embedding.weight") {
      out.add("text_model.embeddings.token_embedding.weight", entry);
    } else if (rest == "positional_embedding") {
      out.add("text_model.embeddings.position_embedding.weight", entry);
    } else if (startsWith(rest, "ln_final.")) {
      out.add("text_model.final_layer_norm." + rest.substr(9), entry);
    } else if (rest == "text_projection" && keep_projection) {
      out.add("text_projection.weight", transposedEntry(entry));
    } else if (rest == "text_projection" || rest == "logit_scale") {
      continue;  // CLIP's pooled projection: SD 2.x never uses it; logit_scale nobody
    } else if (std::regex_match(rest, m, kBlock)) {
      const int block = std::stoi(m[1]);
      if (block >= layers_used) continue;  // SD 2.x stops before the last block
      const std::string layer = kLayerPrefix + std::to_string(block) + ".";
      const std::string inner = m[2];
      const bool stacked = inner == "attn.in_proj_weight" || inner == "attn.in_proj_bias";
      if (stacked && !entry.shape.empty() && entry.shape[0] % 3 == 0) {
        const char* suffix = inner == "attn.in_proj_weight" ? "weight" : "bias";
        for (int part = 0; part < 3; ++part)
          addInProjPart(out, entry, part, layer + "self_attn." + "qkv"[part] + "_proj." + suffix);
      } else if (const auto name = blockName(inner)) {
        out.add(layer + *name, entry);
      } else {
        out.add(key, entry);
      }
    } else {
      out.add(key, entry);
    }
  }
  return out;
}

int64_t dim(const io::WeightSource& w, const std::string& key, size_t rank, size_t index) {
  if (!w.has(key)) throw Error("The text encoder weights in " + w.description() + " have no tensor '" + key + "'.");
  const auto& shape = w.entry(key).shape;
  if (shape.size() != rank)
    throw Error("The text encoder tensor '" + key + "' in " + w.description() + " has rank " +
                std::to_string(shape.size()) + ", expected " + std::to_string(rank) + ".");
  return shape[index];
}

}  // namespace

std::optional<TextLayout> detectTextLayout(const io::WeightSource& checkpoint) {
  for (const auto& key : checkpoint.names()) {
    if (startsWith(key, kLdmHfTextPrefix)) return TextLayout::HuggingFace;
    if (startsWith(key, kLdmOpenClipTextPrefix)) return TextLayout::OpenClip;
  }
  return std::nullopt;
}

io::WeightSource textEncoderWeightsFromLdm(const io::WeightSource& checkpoint, TextLayout layout, int layers_used) {
  if (layout == TextLayout::OpenClip) return openClipToHf(checkpoint, kLdmOpenClipTextPrefix, layers_used, false);
  const std::string prefix = kLdmHfTextPrefix;
  return checkpoint.renamed([&](const std::string& key) -> std::optional<std::string> {
    if (!startsWith(key, prefix)) return std::nullopt;
    const std::string rest = key.substr(prefix.size());
    // transformers < 4.x saved CLIPTextModel without the text_model level.
    return startsWith(rest, "text_model.") ? rest : "text_model." + rest;
  });
}

TextEncoderConfig detectTextEncoderConfig(const io::WeightSource& w, TextLayout layout, const std::string& origin) {
  static const std::regex kLayer(R"(text_model\.encoder\.layers\.(\d+)\..+)");
  TextEncoderConfig c;
  c.origin = origin;
  c.vocab_size = int(dim(w, "text_model.embeddings.token_embedding.weight", 2, 0));
  c.hidden_size = int(dim(w, "text_model.embeddings.token_embedding.weight", 2, 1));
  c.max_position_embeddings = int(dim(w, "text_model.embeddings.position_embedding.weight", 2, 0));
  c.intermediate_size = int(dim(w, std::string(kLayerPrefix) + "0.mlp.fc1.weight", 2, 0));
  std::set<int> layers;
  for (const auto& key : w.names()) {
    std::smatch m;
    if (std::regex_match(key, m, kLayer)) layers.insert(std::stoi(m[1]));
  }
  c.num_hidden_layers = int(layers.size());
  if (c.hidden_size % 64 != 0)
    throw Error("Cannot tell the number of attention heads of the text encoder in " + origin + " (hidden size " +
                std::to_string(c.hidden_size) +
                " is not a multiple of 64); give a configuration folder with text_encoder/config.json.");
  c.num_attention_heads = c.hidden_size / 64;
  c.hidden_act = layout == TextLayout::OpenClip ? Activation::Gelu : Activation::QuickGelu;
  if (w.has("text_projection.weight")) c.projection_dim = int(dim(w, "text_projection.weight", 2, 0));
  c.layer_norm_eps = 1e-5;
  c.validate();
  return c;
}

bool hasSdxlTextEncoders(const io::WeightSource& checkpoint) {
  bool first = false, second = false;
  for (const auto& key : checkpoint.names()) {
    first = first || startsWith(key, kSdxlHfTextPrefix);
    second = second || startsWith(key, kSdxlOpenClipTextPrefix);
  }
  return first && second;
}

io::WeightSource sdxlTextEncoderWeights(const io::WeightSource& checkpoint, int encoder) {
  if (encoder == 1) return openClipToHf(checkpoint, kSdxlOpenClipTextPrefix, std::numeric_limits<int>::max(), true);
  const std::string prefix = kSdxlHfTextPrefix;
  return checkpoint.renamed([&](const std::string& key) -> std::optional<std::string> {
    if (!startsWith(key, prefix)) return std::nullopt;
    return key.substr(prefix.size());
  });
}

bool isIgnoredTextKey(const std::string& key) { return key == "text_model.embeddings.position_ids"; }

}  // namespace sds::clip
