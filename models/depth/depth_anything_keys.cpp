#include "models/depth/depth_anything_keys.h"

#include <torch/torch.h>

#include <functional>
#include <regex>
#include <set>
#include <sstream>

#include "core/base/error.h"

namespace sds::depth {
namespace {

using Format = std::function<std::string(const std::smatch&)>;
using io::listNames;
using io::shapeText;

struct Rule {
  std::regex official, transformers;
  Format to_transformers, to_official;
};

std::string num(const std::ssub_match& m, int offset = 0, int sign = 1) {
  return std::to_string(offset + sign * std::stoi(m.str()));
}

// Every key except the fused qkv, one rule per official module.
const std::vector<Rule>& rules() {
  static const std::vector<Rule> table = [] {
    std::vector<Rule> r;
    const auto add = [&r](const char* off, const char* hf, Format to_hf, Format to_off) {
      r.push_back(Rule{std::regex(off), std::regex(hf), std::move(to_hf), std::move(to_off)});
    };
    const auto fixed = [&add](const std::string& off, const std::string& hf) {
      add(("^" + std::regex_replace(off, std::regex("\\."), "\\.") + "$").c_str(),
          ("^" + std::regex_replace(hf, std::regex("\\."), "\\.") + "$").c_str(),
          [hf](const std::smatch&) { return hf; }, [off](const std::smatch&) { return off; });
    };
    fixed("pretrained.cls_token", "backbone.embeddings.cls_token");
    fixed("pretrained.mask_token", "backbone.embeddings.mask_token");
    fixed("pretrained.pos_embed", "backbone.embeddings.position_embeddings");
    add(R"(^pretrained\.patch_embed\.proj\.(\w+)$)", R"(^backbone\.embeddings\.patch_embeddings\.projection\.(\w+)$)",
        [](const std::smatch& m) { return "backbone.embeddings.patch_embeddings.projection." + m[1].str(); },
        [](const std::smatch& m) { return "pretrained.patch_embed.proj." + m[1].str(); });
    add(R"(^pretrained\.norm\.(\w+)$)", R"(^backbone\.layernorm\.(\w+)$)",
        [](const std::smatch& m) { return "backbone.layernorm." + m[1].str(); },
        [](const std::smatch& m) { return "pretrained.norm." + m[1].str(); });
    add(R"(^pretrained\.blocks\.(\d+)\.norm([12])\.(\w+)$)", R"(^backbone\.encoder\.layer\.(\d+)\.norm([12])\.(\w+)$)",
        [](const std::smatch& m) { return "backbone.encoder.layer." + m[1].str() + ".norm" + m[2].str() + "." + m[3].str(); },
        [](const std::smatch& m) { return "pretrained.blocks." + m[1].str() + ".norm" + m[2].str() + "." + m[3].str(); });
    add(R"(^pretrained\.blocks\.(\d+)\.attn\.proj\.(\w+)$)",
        R"(^backbone\.encoder\.layer\.(\d+)\.attention\.output\.dense\.(\w+)$)",
        [](const std::smatch& m) { return "backbone.encoder.layer." + m[1].str() + ".attention.output.dense." + m[2].str(); },
        [](const std::smatch& m) { return "pretrained.blocks." + m[1].str() + ".attn.proj." + m[2].str(); });
    add(R"(^pretrained\.blocks\.(\d+)\.ls([12])\.gamma$)", R"(^backbone\.encoder\.layer\.(\d+)\.layer_scale([12])\.lambda1$)",
        [](const std::smatch& m) { return "backbone.encoder.layer." + m[1].str() + ".layer_scale" + m[2].str() + ".lambda1"; },
        [](const std::smatch& m) { return "pretrained.blocks." + m[1].str() + ".ls" + m[2].str() + ".gamma"; });
    add(R"(^pretrained\.blocks\.(\d+)\.mlp\.(fc[12])\.(\w+)$)", R"(^backbone\.encoder\.layer\.(\d+)\.mlp\.(fc[12])\.(\w+)$)",
        [](const std::smatch& m) { return "backbone.encoder.layer." + m[1].str() + ".mlp." + m[2].str() + "." + m[3].str(); },
        [](const std::smatch& m) { return "pretrained.blocks." + m[1].str() + ".mlp." + m[2].str() + "." + m[3].str(); });
    add(R"(^depth_head\.projects\.(\d+)\.(\w+)$)", R"(^neck\.reassemble_stage\.layers\.(\d+)\.projection\.(\w+)$)",
        [](const std::smatch& m) { return "neck.reassemble_stage.layers." + m[1].str() + ".projection." + m[2].str(); },
        [](const std::smatch& m) { return "depth_head.projects." + m[1].str() + "." + m[2].str(); });
    add(R"(^depth_head\.resize_layers\.(\d+)\.(\w+)$)", R"(^neck\.reassemble_stage\.layers\.(\d+)\.resize\.(\w+)$)",
        [](const std::smatch& m) { return "neck.reassemble_stage.layers." + m[1].str() + ".resize." + m[2].str(); },
        [](const std::smatch& m) { return "depth_head.resize_layers." + m[1].str() + "." + m[2].str(); });
    add(R"(^depth_head\.scratch\.layer([1-4])_rn\.(\w+)$)", R"(^neck\.convs\.([0-3])\.(\w+)$)",
        [](const std::smatch& m) { return "neck.convs." + num(m[1], -1) + "." + m[2].str(); },
        [](const std::smatch& m) { return "depth_head.scratch.layer" + num(m[1], 1) + "_rn." + m[2].str(); });
    add(R"(^depth_head\.scratch\.refinenet([1-4])\.out_conv\.(\w+)$)",
        R"(^neck\.fusion_stage\.layers\.([0-3])\.projection\.(\w+)$)",
        [](const std::smatch& m) { return "neck.fusion_stage.layers." + num(m[1], 4, -1) + ".projection." + m[2].str(); },
        [](const std::smatch& m) { return "depth_head.scratch.refinenet" + num(m[1], 4, -1) + ".out_conv." + m[2].str(); });
    add(R"(^depth_head\.scratch\.refinenet([1-4])\.resConfUnit([12])\.conv([12])\.(\w+)$)",
        R"(^neck\.fusion_stage\.layers\.([0-3])\.residual_layer([12])\.convolution([12])\.(\w+)$)",
        [](const std::smatch& m) {
          return "neck.fusion_stage.layers." + num(m[1], 4, -1) + ".residual_layer" + m[2].str() + ".convolution" +
                 m[3].str() + "." + m[4].str();
        },
        [](const std::smatch& m) {
          return "depth_head.scratch.refinenet" + num(m[1], 4, -1) + ".resConfUnit" + m[2].str() + ".conv" + m[3].str() +
                 "." + m[4].str();
        });
    add(R"(^depth_head\.scratch\.output_conv1\.(\w+)$)", R"(^head\.conv1\.(\w+)$)",
        [](const std::smatch& m) { return "head.conv1." + m[1].str(); },
        [](const std::smatch& m) { return "depth_head.scratch.output_conv1." + m[1].str(); });
    add(R"(^depth_head\.scratch\.output_conv2\.([02])\.(\w+)$)", R"(^head\.conv([23])\.(\w+)$)",
        [](const std::smatch& m) { return "head.conv" + std::string(m[1].str() == "0" ? "2" : "3") + "." + m[2].str(); },
        [](const std::smatch& m) {
          return "depth_head.scratch.output_conv2." + std::string(m[1].str() == "2" ? "0" : "2") + "." + m[2].str();
        });
    // Depth Anything 3's sky branch (no V2 counterpart), named as V2 would.
    add(R"(^depth_head\.scratch\.sky_output_conv2\.([02])\.(\w+)$)", R"(^head\.sky_conv([23])\.(\w+)$)",
        [](const std::smatch& m) { return "head.sky_conv" + std::string(m[1].str() == "0" ? "2" : "3") + "." + m[2].str(); },
        [](const std::smatch& m) {
          return "depth_head.scratch.sky_output_conv2." + std::string(m[1].str() == "2" ? "0" : "2") + "." + m[2].str();
        });
    return r;
  }();
  return table;
}

const std::regex kQkvOfficial(R"(^pretrained\.blocks\.(\d+)\.attn\.qkv\.(weight|bias)$)");
const std::regex kQkvTransformers(R"(^backbone\.encoder\.layer\.(\d+)\.attention\.attention\.(query|key|value)\.(weight|bias)$)");
const char* const kQkvParts[] = {"query", "key", "value"};

void addQkvSlices(io::WeightSource& out, const io::WeightSource::Entry& qkv, const std::smatch& m) {
  const int64_t rows = qkv.shape.empty() ? 0 : qkv.shape[0] / 3;
  for (int part = 0; part < 3; ++part) {
    auto shape = qkv.shape;
    if (!shape.empty()) shape[0] = rows;
    const auto load = qkv.load;
    io::WeightSource::Entry e{shape, qkv.dtype, [load, part, rows] { return load().narrow(0, part * rows, rows).clone(); },
                              qkv.origin + " (" + kQkvParts[part] + " rows)"};
    out.add("backbone.encoder.layer." + m[1].str() + ".attention.attention." + kQkvParts[part] + "." + m[2].str(), e);
  }
}

}  // namespace

std::optional<OfficialKey> officialKeyFor(const std::string& name) {
  std::smatch m;
  if (std::regex_match(name, m, kQkvTransformers)) {
    const std::string part = m[2].str();
    const int index = part == "query" ? 0 : part == "key" ? 1 : 2;
    return OfficialKey{"pretrained.blocks." + m[1].str() + ".attn.qkv." + m[3].str(), index};
  }
  for (const auto& rule : rules())
    if (std::regex_match(name, m, rule.transformers)) return OfficialKey{rule.to_official(m), -1};
  return std::nullopt;
}

std::optional<std::string> transformersKeyFor(const std::string& key) {
  std::smatch m;
  for (const auto& rule : rules())
    if (std::regex_match(key, m, rule.official)) return rule.to_transformers(m);
  return std::nullopt;
}

io::WeightSource officialToTransformers(const io::WeightSource& official) {
  io::WeightSource out;
  out.setDescription(official.description());
  for (const auto& key : official.names()) {
    std::smatch m;
    if (std::regex_match(key, m, kQkvOfficial)) {
      addQkvSlices(out, official.entry(key), m);
      continue;
    }
    out.add(transformersKeyFor(key).value_or(key), official.entry(key));
  }
  return out;
}

void checkOfficialWeights(const torch::nn::Module& model, const io::WeightSource& official,
                          const std::function<std::string(const std::string&)>& shown_as) {
  const auto show = [&](const std::string& key) { return shown_as ? shown_as(key) : key; };
  std::vector<std::string> missing, mismatched, unexpected;
  std::set<std::string> used;
  for (const auto& p : model.named_parameters(/*recurse=*/true)) {
    const auto key = officialKeyFor(p.key());
    if (!key) throw Error("Internal error: no official name for parameter '" + p.key() + "'.");
    auto expected = p.value().sizes().vec();
    if (key->part >= 0) expected[0] *= 3;
    if (!used.insert(key->key).second) continue;  // q, k, v share one qkv tensor
    if (!official.has(key->key)) {
      missing.push_back(show(key->key));
      continue;
    }
    const auto& shape = official.entry(key->key).shape;
    if (shape != expected) mismatched.push_back(show(key->key) + " (file " + shapeText(shape) + ", model " + shapeText(expected) + ")");
  }
  for (const auto& key : official.names())
    if (!used.count(key) && key != "pretrained.mask_token") unexpected.push_back(show(key));
  std::ostringstream msg;
  if (!missing.empty()) msg << " Missing tensors: " << listNames(missing) << ".";
  if (!mismatched.empty()) msg << " Tensors with the wrong shape: " << listNames(mismatched) << ".";
  if (!unexpected.empty()) msg << " Unexpected tensors: " << listNames(unexpected) << ".";
  if (!msg.str().empty()) throw Error("The weights in " + official.description() + " do not fit the model." + msg.str());
}

}  // namespace sds::depth
