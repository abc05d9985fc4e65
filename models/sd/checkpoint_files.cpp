#include "models/sd/checkpoint_files.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::sd {
namespace {

namespace fs = std::filesystem;

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

io::WeightSource openSingle(const fs::path& file) { return io::WeightSource::fromFile(io::SafetensorsFile::open(file.string())); }

io::WeightSource openCandidate(const fs::path& file) {
  return endsWith(file.filename().string(), ".json") ? openShardedWeights(file) : openSingle(file);
}

// Variant files of `stem` in `folder`: "<stem>.<v>.safetensors" and
// "<stem>.safetensors.index.<v>.json", sorted with fp16 first.
std::vector<fs::path> variantFiles(const fs::path& folder, const std::string& stem) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    const bool single = startsWith(name, stem + ".") && endsWith(name, ".safetensors") &&
                        name != stem + ".safetensors" && name.find('-') == std::string::npos;
    const bool index = startsWith(name, stem + ".safetensors.index.") && endsWith(name, ".json") &&
                       name != stem + ".safetensors.index.json";
    if (single || index) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
    const bool fa = a.filename().string().find(".fp16.") != std::string::npos;
    const bool fb = b.filename().string().find(".fp16.") != std::string::npos;
    return fa != fb ? fa : a < b;
  });
  return out;
}

}  // namespace

bool isPickleCheckpoint(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".ckpt" || ext == ".bin" || ext == ".pt" || ext == ".pth" || ext == ".pkl";
}

void refusePickleCheckpoint(const fs::path& path) {
  const std::string p = path.string();
  throw Error(
      p + " is a pickle checkpoint, which is never opened here because unpickling can run arbitrary code; "
          "convert it once to safetensors, for example with\n  python -c \"import torch; from safetensors.torch "
          "import save_file; sd = torch.load('" + p + "', map_location='cpu', weights_only=True); sd = "
          "sd.get('state_dict', sd); save_file({k: v.contiguous() for k, v in sd.items() if "
          "isinstance(v, torch.Tensor)}, '" + path.stem().string() + ".safetensors')\"\n"
          "or, for a diffusers folder, with diffusers: DiffusionPipeline.from_pretrained(folder)"
          ".save_pretrained(new_folder, safe_serialization=True).");
}

io::WeightSource openShardedWeights(const fs::path& index_file) {
  const nlohmann::json index = readUntrustedJson(index_file.string(), "The shard index");
  if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
    throw Error("The shard index " + index_file.string() + " has no 'weight_map' object.");
  std::map<std::string, std::shared_ptr<const io::SafetensorsFile>> shards;
  for (auto it = index["weight_map"].begin(); it != index["weight_map"].end(); ++it) {
    if (!it.value().is_string())
      throw Error("The shard index " + index_file.string() + " maps '" + it.key() + "' to something not a file name.");
    const std::string shard = it.value().get<std::string>();
    if (fs::path(shard).filename().string() != shard)
      throw Error("The shard index " + index_file.string() + " names a shard outside its folder: '" + shard + "'.");
    if (isPickleCheckpoint(shard)) refusePickleCheckpoint(index_file.parent_path() / shard);
    auto& file = shards[shard];
    if (!file) file = io::SafetensorsFile::open((index_file.parent_path() / shard).string());
    if (!file->contains(it.key()))
      throw Error("The shard index " + index_file.string() + " puts tensor '" + it.key() + "' in " + shard +
                  ", which does not contain it.");
  }
  if (shards.empty()) throw Error("The shard index " + index_file.string() + " lists no tensors.");
  std::vector<std::shared_ptr<const io::SafetensorsFile>> files;
  for (const auto& kv : shards) files.push_back(kv.second);
  return io::WeightSource::fromFiles(files);
}

io::WeightSource openComponentWeights(const fs::path& folder, const std::string& stem, const std::string& variant) {
  if (!fs::is_directory(folder)) throw Error("The model folder " + folder.string() + " does not exist.");
  std::vector<fs::path> candidates;
  if (!variant.empty()) {
    candidates.push_back(folder / (stem + "." + variant + ".safetensors"));
    candidates.push_back(folder / (stem + ".safetensors.index." + variant + ".json"));
  }
  candidates.push_back(folder / (stem + ".safetensors"));
  candidates.push_back(folder / (stem + ".safetensors.index.json"));
  if (variant.empty())
    for (const auto& v : variantFiles(folder, stem)) candidates.push_back(v);
  for (const auto& c : candidates)
    if (fs::is_regular_file(c)) return openCandidate(c);

  std::vector<fs::path> pickles;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file() && isPickleCheckpoint(entry.path())) pickles.push_back(entry.path());
  if (!pickles.empty()) refusePickleCheckpoint(*std::min_element(pickles.begin(), pickles.end()));
  throw Error("No weights in " + folder.string() + ": expected " + stem + ".safetensors" +
              (variant.empty() ? "" : " or " + stem + "." + variant + ".safetensors") +
              " (or a sharded " + stem + ".safetensors.index.json).");
}

}  // namespace sds::sd
