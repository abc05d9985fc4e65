#include "models/depth/depth_anything_loader.h"
#include "models/depth/depth_anything_probe.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "models/common/config_fields.h"
#include "models/common/json_limits.h"
#include "models/depth/depth_anything3_config.h"
#include "models/depth/depth_anything3_keys.h"
#include "models/depth/depth_anything_keys.h"
#include "models/io/safetensors.h"
#include "models/io/weights.h"
#include "models/io/weights_cover.h"

namespace sds::depth {
namespace fs = std::filesystem;
namespace {

bool hasExtension(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
  return std::any_of(exts.begin(), exts.end(), [&](const char* e) { return ext == e; });
}

// Zip (torch.save since 1.6) or a raw pickle stream (PROTO opcode 0x80, protocol 2..5).
// A safetensors file starts with its header length and then '{' at byte 8, so a
// length whose low byte is 0x80 is not mistaken for a pickle.
bool looksLikePickle(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  unsigned char head[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
  in.read(reinterpret_cast<char*>(head), 9);
  if (in.gcount() == 9 && head[8] == '{') return false;
  return (head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) ||
         (head[0] == 0x80 && head[1] >= 2 && head[1] <= 5);
}

[[noreturn]] void refusePickle(const fs::path& p) {
  const std::string out = (p.parent_path() / p.stem()).string() + ".safetensors";
  throw Error(p.string() +
              " is a PyTorch pickle, which sdstereo never opens (unpickling can run code). Convert it once to "
              "safetensors and pass that file instead, e.g.: python3 -c \"import torch; from safetensors.torch import "
              "save_file; save_file(torch.load('" + p.string() + "', map_location='cpu', weights_only=True), '" + out +
              "')\"");
}

fs::path resolveWeights(const fs::path& path) {
  if (!fs::exists(path)) throw Error("The depth model " + path.string() + " does not exist.");
  if (fs::is_directory(path)) {
    if (fs::exists(path / "model.safetensors")) return path / "model.safetensors";
    std::vector<fs::path> candidates, pickles;
    for (const auto& e : fs::directory_iterator(path)) {
      if (hasExtension(e.path(), {".safetensors"})) candidates.push_back(e.path());
      if (hasExtension(e.path(), {".pth", ".pt", ".bin", ".ckpt"})) pickles.push_back(e.path());
    }
    if (candidates.size() == 1) return candidates.front();
    if (candidates.empty() && !pickles.empty()) refusePickle(pickles.front());
    throw Error("The folder " + path.string() + (candidates.empty() ? " holds no .safetensors file" : " holds several .safetensors files") +
                "; pass the depth model's file itself.");
  }
  // Opening a FIFO or a device to sniff it would block or never end.
  if (!fs::is_regular_file(path)) throw Error("The depth model " + path.string() + " is not a regular file.");
  if (hasExtension(path, {".pth", ".pt", ".bin", ".ckpt", ".pkl"}) || looksLikePickle(path)) refusePickle(path);
  return path;
}

bool describesDepthModel(const nlohmann::json& j, const std::string& type) {
  return type == "depth_anything" || type == "dpt" || isDa3ConfigJson(j);
}

std::string modelTypeOf(const nlohmann::json& j, const fs::path& file) {
  return j.is_object() ? ConfigFields(j, "The depth model config " + file.string()).text("model_type", "") : "";
}

// config.json beside the weights, if it describes a Depth Anything (or DPT) model.
std::optional<nlohmann::json> readConfigJson(const fs::path& weights, std::string& config_path) {
  const fs::path candidate = weights.parent_path() / "config.json";
  if (!fs::exists(candidate)) return std::nullopt;
  const nlohmann::json j = readUntrustedJson(candidate.string(), "The depth model's config");
  if (!describesDepthModel(j, modelTypeOf(j, candidate))) return std::nullopt;  // another model's config
  config_path = candidate.string();
  return j;
}

DepthWeightLayout detectLayout(const io::WeightSource& source) {
  if (looksLikeDepthAnything3(source)) return DepthWeightLayout::DepthAnything3;
  bool official = false, transformers = false, dpt = false;
  for (const auto& key : source.names()) {
    official |= key.rfind("pretrained.", 0) == 0;
    transformers |= key.rfind("backbone.", 0) == 0;
    dpt |= key.rfind("dpt.", 0) == 0;
  }
  if (dpt) throw Error(source.description() + " holds a DPT (MiDaS) model; only Depth Anything V2 checkpoints are supported.");
  if (official == transformers)
    throw Error(source.description() + " is not a Depth Anything checkpoint: expected 'pretrained.*' (V2 official), "
                "'backbone.*' (V2 transformers) or 'model.backbone.pretrained.*' (Depth Anything 3) tensors.");
  return official ? DepthWeightLayout::Official : DepthWeightLayout::Transformers;
}

// The tensors the configuration is read from, named in the file's own layout when missing.
void requireShapeTensors(const io::WeightSource& transformers, DepthWeightLayout layout) {
  std::vector<std::string> needed = {"backbone.embeddings.patch_embeddings.projection.weight",
                                     "backbone.embeddings.position_embeddings", "backbone.encoder.layer.0.norm1.weight",
                                     "backbone.encoder.layer.0.mlp.fc1.weight", "neck.convs.0.weight", "head.conv2.weight"};
  for (int j = 0; j < 4; ++j) needed.push_back("neck.reassemble_stage.layers." + std::to_string(j) + ".projection.weight");
  for (const auto& name : needed) {
    if (transformers.has(name)) continue;
    const auto official = officialKeyFor(name);
    std::string shown = layout == DepthWeightLayout::Official && official ? official->key : name;
    if (layout == DepthWeightLayout::DepthAnything3 && official) shown = da3KeyForOfficial(official->key, true);
    throw Error("Tensor '" + shown + "' is missing from " + transformers.description() +
                ", so the model's size cannot be read from it.");
  }
}

struct Resolved {
  fs::path weights;
  std::string config_path;
  DepthWeightLayout layout;
  io::WeightSource raw, official, transformers;  // official: DA3 files under V2 official names
  DepthAnythingConfig config;
};

Resolved resolve(const std::string& path) {
  Resolved r;
  r.weights = resolveWeights(path);
  r.raw = io::WeightSource::fromFile(io::SafetensorsFile::open(r.weights.string()));
  r.layout = detectLayout(r.raw);
  const bool da3 = r.layout == DepthWeightLayout::DepthAnything3;
  r.official = da3 ? da3ToOfficial(r.raw) : r.raw;
  r.transformers = r.layout == DepthWeightLayout::Transformers ? r.raw : officialToTransformers(r.official);
  requireShapeTensors(r.transformers, r.layout);
  r.config = detectDepthAnythingConfig(r.transformers);
  if (da3) r.config = da3ConfigFromWeights(r.config, r.transformers, r.raw);
  if (const auto json = readConfigJson(r.weights, r.config_path)) {
    if (da3 != isDa3ConfigJson(*json))
      throw Error(r.config_path + (da3 ? " describes a Depth Anything V2 model, but " + r.weights.string() +
                                             " holds Depth Anything 3 weights."
                                       : " describes a Depth Anything 3 model, but " + r.weights.string() +
                                             " holds Depth Anything V2 weights."));
    r.config = da3 ? applyDa3ConfigJson(r.config, *json, r.config_path)
                   : applyDepthAnythingConfigJson(r.config, *json, r.config_path);
  }
  requireKnownLayout(r.config);
  r.config.validate();
  return r;
}

}  // namespace

const char* layoutName(DepthWeightLayout layout) {
  switch (layout) {
    case DepthWeightLayout::Official: return "official";
    case DepthWeightLayout::DepthAnything3: return "Depth Anything 3";
    default: return "transformers";
  }
}

DepthAnythingConfig readDepthAnythingConfig(const std::string& path) { return resolve(path).config; }

DepthModelProbe probeDepthAnything(const std::string& path) {
  DepthModelProbe probe;
  probe.weights_path = resolveWeights(path).string();
  const fs::path config = fs::path(probe.weights_path).parent_path() / "config.json";
  if (fs::exists(config)) {
    const nlohmann::json j = readUntrustedJson(config.string(), "The depth model's config");
    const std::string type = modelTypeOf(j, config);
    // A folder of another model (text encoder, VAE, ...) beside its own weights.
    if (fs::is_directory(path) && !describesDepthModel(j, type))
      throw Error(config.string() + " describes " + (type.empty() ? std::string("no Depth Anything model") :
                  "a '" + boundedText(type, 40) + "' model") + ", not Depth Anything.");
    // A release: its preset says it all (a tiny_random_model block gives other sizes).
    if (isDa3ConfigJson(j) && !j.contains("tiny_random_model")) {
      probe.model_name = j["model_name"].get<std::string>();
      if (const Da3Preset* preset = findDa3Preset(probe.model_name)) {
        probe.family = DepthFamily::Anything3;
        probe.embed_dim = preset->embed_dim;
        probe.depth = preset->depth;
        probe.metric = preset->metric;
        probe.monocular = preset->monocular;
        return probe;
      }
    }
  }
  const DepthAnythingConfig c = resolve(path).config;
  probe.family = c.family;
  probe.embed_dim = c.embed_dim;
  probe.depth = c.depth;
  probe.metric = c.metric;
  probe.model_name = c.model_name;
  probe.read_header = true;
  return probe;
}

LoadedDepthModel loadDepthAnything(const std::string& path, const DepthLoadOptions& options) {
  Resolved r = resolve(path);
  // Sizes come from tensor shapes, which may be empty: the encoder's attention and MLP
  // alone need this much, so an 8192-wide encoder declared by empty tensors is refused.
  const double e = r.config.embed_dim;
  io::requireWeightsHold(r.transformers, double(r.config.depth) * (4 * e * e + 2 * e * double(r.config.mlp_hidden)),
                         "The depth model described by " + r.config.origin);
  auto model = std::make_shared<DepthAnythingV2>(r.config);
  if (r.layout == DepthWeightLayout::Official) checkOfficialWeights(*model, r.raw);
  if (r.layout == DepthWeightLayout::DepthAnything3) {
    const bool prefixed = hasDa3ModelPrefix(r.raw);
    checkOfficialWeights(*model, r.official, [prefixed](const std::string& key) { return da3KeyForOfficial(key, prefixed); });
  }
  io::LoadOptions load;
  load.ignore_unused = [](const std::string& key) { return key == "backbone.embeddings.mask_token"; };
  load.device = options.device;
  load.dtype = options.dtype;
  io::loadModule(*model, r.transformers, load);
  model->eval();
  return LoadedDepthModel{model, r.layout, r.weights.string(), r.config_path};
}

}  // namespace sds::depth
