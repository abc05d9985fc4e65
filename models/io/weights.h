// Named weights from checkpoint files, loaded lazily, and the copy of those
// weights into a torch::nn::Module whose parameter names follow the diffusers /
// transformers key layout.
//
// Layout conversions (single-file LDM checkpoints, OpenCLIP text encoders, the
// official Depth Anything keys) are expressed as a WeightSource whose entries
// load from other keys of the file, possibly with a transform (reshape, slice,
// concatenation), so nothing is materialised before the module asks for it.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "models/io/safetensors.h"

namespace torch::nn {
class Module;
}

namespace sds::io {

// For load errors: a shape as "[320,4,3,3]", and the first `max_shown` tensor
// names joined by commas ("... and N more").
std::string shapeText(const std::vector<int64_t>& shape);
std::string listNames(const std::vector<std::string>& names, size_t max_shown = 12);

class WeightSource {
 public:
  using Loader = std::function<torch::Tensor()>;
  struct Entry {
    std::vector<int64_t> shape;
    DType dtype = DType::F32;
    Loader load;
    std::string origin;  // for messages: "file.safetensors:key"
  };

  // Every tensor of `file` whose key starts with `prefix`, under the key with
  // the prefix removed.
  static WeightSource fromFile(const std::shared_ptr<const SafetensorsFile>& file, const std::string& prefix = "");
  // Several files (sharded checkpoints); a key present twice is an error.
  static WeightSource fromFiles(const std::vector<std::shared_ptr<const SafetensorsFile>>& files,
                                const std::string& prefix = "");

  void add(const std::string& name, Entry entry);
  bool has(const std::string& name) const { return entries_.count(name) != 0; }
  const Entry& entry(const std::string& name) const;  // throws sds::Error naming the key
  torch::Tensor load(const std::string& name) const { return entry(name).load(); }
  std::vector<std::string> names() const;
  size_t size() const { return entries_.size(); }
  std::string description() const { return description_; }
  void setDescription(std::string d) { description_ = std::move(d); }

  // Keeps the entries for which `map` returns a new name, under that name.
  WeightSource renamed(const std::function<std::optional<std::string>(const std::string&)>& map) const;

 private:
  std::map<std::string, Entry> entries_;
  std::string description_;
};

struct LoadOptions {
  // Keys of the source that may stay unused without an error (e.g. LDM schedule
  // buffers, position_ids). Unused keys not matched here are reported.
  std::function<bool(const std::string&)> ignore_unused;
  // Module buffers that may be absent in the source (they keep their value).
  std::function<bool(const std::string&)> optional_in_source;
  // dtype and device the module's tensors end up in.
  torch::Dtype dtype = torch::kFloat32;
  torch::Device device = torch::kCPU;
};

// Copies every parameter and persistent buffer of `module` from `source`,
// converting float dtypes (F32/F16/BF16). Throws sds::Error naming every missing,
// mis-shaped or non-float tensor and every unexpected key.
void loadModule(torch::nn::Module& module, const WeightSource& source, const LoadOptions& options = {});

}  // namespace sds::io
