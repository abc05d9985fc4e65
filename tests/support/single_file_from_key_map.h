// Builds the single-file (original LDM layout) checkpoint of an SD fixture set
// from its diffusers folder by executing the set's model_key_map.json, so tests
// can exercise single-file loading without shipping model.safetensors.
//
// Every key of the map names its source (`file` relative to the set, `key`
// or a list of keys) and a transform: "copy", "reshape [a, b] -> [..]" (to the
// entry's `shape`), "transpose ..." (2-D) or "concat dim N (...)". Entries without a source (LDM
// schedule buffers, unused OpenCLIP tensors, the unused last OpenCLIP block)
// get seeded random values of their shape and dtype: a loader that wrongly
// uses them gives wrong numbers. Header-only (tests/support/*.cpp are not
// compiled).
#pragma once
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/io/weights.h"

namespace sds::test {

struct KeyMapBuildOptions {
  // Keys for which this returns false are left out of the file.
  std::function<bool(const std::string&)> keep;
  // Applied to each tensor after its transform (e.g. to corrupt one).
  std::function<torch::Tensor(const std::string&, torch::Tensor)> edit;
};

namespace detail {

inline torch::ScalarType keyMapDtype(const std::string& name) {
  if (name == "F32") return torch::kFloat32;
  if (name == "F16") return torch::kFloat16;
  if (name == "I64") return torch::kInt64;
  if (name == "U8") return torch::kUInt8;
  throw Error("model_key_map.json uses dtype " + name + ", which the test helper does not know.");
}

inline torch::Tensor keyMapTensor(const std::filesystem::path& set_dir, const std::string& key,
                                  const nlohmann::json& spec,
                                  std::map<std::string, std::shared_ptr<const io::SafetensorsFile>>& files) {
  const std::vector<int64_t> shape = spec.at("shape").get<std::vector<int64_t>>();
  const auto dtype = keyMapDtype(spec.at("dtype").get<std::string>());
  if (spec.at("file").is_null()) {
    if (!torch::isFloatingType(dtype)) return torch::zeros(shape, dtype);
    return torch::randn(shape).to(dtype);
  }
  const std::string file_name = spec["file"].get<std::string>();
  auto& file = files[file_name];
  if (!file) file = io::SafetensorsFile::open((set_dir / file_name).string());
  const std::string transform = spec.at("transform").get<std::string>();
  torch::Tensor t;
  if (transform == "copy") {
    t = file->tensor(spec.at("key").get<std::string>());
  } else if (transform.rfind("reshape", 0) == 0) {
    t = file->tensor(spec.at("key").get<std::string>()).reshape(shape);
  } else if (transform.rfind("transpose", 0) == 0) {  // SDXL's OpenCLIP text_projection
    t = file->tensor(spec.at("key").get<std::string>()).t();
  } else if (transform.rfind("concat dim ", 0) == 0) {
    const int64_t dim = std::stoll(transform.substr(11));
    std::vector<torch::Tensor> parts;
    for (const auto& k : spec.at("key")) parts.push_back(file->tensor(k.get<std::string>()));
    t = torch::cat(parts, dim);
  } else {
    throw Error("model_key_map.json entry '" + key + "' has the unknown transform '" + transform + "'.");
  }
  if (t.sizes().vec() != shape) throw Error("model_key_map.json entry '" + key + "' does not produce its shape.");
  return t.to(dtype).contiguous();
}

}  // namespace detail

// Writes `out_file`; returns the number of tensors written.
inline size_t buildSingleFileFromKeyMap(const std::filesystem::path& set_dir, const std::filesystem::path& out_file,
                                        const KeyMapBuildOptions& options = {}) {
  std::ifstream in(set_dir / "model_key_map.json");
  if (!in) throw Error("Cannot read " + (set_dir / "model_key_map.json").string() + ".");
  const nlohmann::json map = nlohmann::json::parse(in);
  torch::manual_seed(20240601);
  std::map<std::string, std::shared_ptr<const io::SafetensorsFile>> files;
  std::vector<std::pair<std::string, torch::Tensor>> tensors;
  for (auto it = map.begin(); it != map.end(); ++it) {  // sorted keys: deterministic random fill
    torch::Tensor t = detail::keyMapTensor(set_dir, it.key(), it.value(), files);
    if (options.keep && !options.keep(it.key())) continue;
    if (options.edit) t = options.edit(it.key(), t);
    tensors.emplace_back(it.key(), t);
  }
  io::writeSafetensors(out_file.string(), tensors);
  return tensors.size();
}

// The single file of `set_dir` built as `out_file`, read as one component: its
// tensors under `prefix` ("model.diffusion_model.", "first_stage_model.", ...).
inline io::WeightSource singleFileComponent(const std::filesystem::path& set_dir,
                                            const std::filesystem::path& out_file, const std::string& prefix) {
  buildSingleFileFromKeyMap(set_dir, out_file);
  return io::WeightSource::fromFile(io::SafetensorsFile::open(out_file.string()), prefix);
}

// Each single-file key of model_key_map.json under `prefix` with the one
// diffusers key it is copied or reshaped from: what converting that component
// must name it.
inline std::vector<std::pair<std::string, std::string>> keyMapTargets(const std::filesystem::path& set_dir,
                                                                       const std::string& prefix) {
  std::ifstream in(set_dir / "model_key_map.json");
  if (!in) throw Error("cannot read " + (set_dir / "model_key_map.json").string());
  const auto map = nlohmann::json::parse(in);
  std::vector<std::pair<std::string, std::string>> targets;
  for (auto it = map.begin(); it != map.end(); ++it)
    if (it.key().rfind(prefix, 0) == 0) targets.emplace_back(it.key(), it.value().at("key").get<std::string>());
  return targets;
}

}  // namespace sds::test
