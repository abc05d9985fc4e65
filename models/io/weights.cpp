#include "models/io/weights.h"

#include <torch/nn/module.h>

#include <set>
#include <sstream>

#include "core/base/error.h"

namespace sds::io {
std::string shapeText(const std::vector<int64_t>& s) {
  std::ostringstream o;
  o << "[";
  for (size_t i = 0; i < s.size(); ++i) o << (i ? "," : "") << s[i];
  o << "]";
  return o.str();
}

std::string listNames(const std::vector<std::string>& names, size_t max_shown) {
  std::ostringstream o;
  for (size_t i = 0; i < names.size() && i < max_shown; ++i) o << (i ? ", " : "") << names[i];
  if (names.size() > max_shown) o << " and " << (names.size() - max_shown) << " more";
  return o.str();
}

WeightSource WeightSource::fromFile(const std::shared_ptr<const SafetensorsFile>& file, const std::string& prefix) {
  return fromFiles({file}, prefix);
}

WeightSource WeightSource::fromFiles(const std::vector<std::shared_ptr<const SafetensorsFile>>& files,
                                     const std::string& prefix) {
  WeightSource src;
  std::string desc;
  for (const auto& file : files) {
    desc += (desc.empty() ? "" : ", ") + file->path();
    for (const auto& info : file->tensors()) {
      if (info.name.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string key = info.name.substr(prefix.size());
      if (src.has(key)) throw Error("Tensor '" + info.name + "' appears in more than one file: " + desc);
      const std::string name = info.name;
      src.entries_[key] = Entry{info.shape, info.dtype, [file, name] { return file->tensor(name); },
                                file->path() + ":" + name};
    }
  }
  src.description_ = desc;
  return src;
}

void WeightSource::add(const std::string& name, Entry entry) { entries_[name] = std::move(entry); }

const WeightSource::Entry& WeightSource::entry(const std::string& name) const {
  const auto it = entries_.find(name);
  if (it == entries_.end()) throw Error("Tensor '" + name + "' is missing from " + description_);
  return it->second;
}

std::vector<std::string> WeightSource::names() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& kv : entries_) out.push_back(kv.first);
  return out;
}

WeightSource WeightSource::renamed(const std::function<std::optional<std::string>(const std::string&)>& map) const {
  WeightSource out;
  out.description_ = description_;
  for (const auto& [key, entry] : entries_)
    if (auto to = map(key)) out.entries_[*to] = entry;
  return out;
}

void loadModule(torch::nn::Module& module, const WeightSource& source, const LoadOptions& options) {
  std::vector<std::string> missing, mismatched, unexpected, not_float;
  std::set<std::string> used;
  std::vector<std::pair<std::string, torch::Tensor>> targets;
  for (const auto& p : module.named_parameters(/*recurse=*/true)) targets.emplace_back(p.key(), p.value());
  std::set<std::string> optional;
  for (const auto& b : module.named_buffers(/*recurse=*/true)) {
    targets.emplace_back(b.key(), b.value());
    if (options.optional_in_source && options.optional_in_source(b.key())) optional.insert(b.key());
  }

  torch::NoGradGuard no_grad;
  for (auto& [name, target] : targets) {
    if (!source.has(name)) {
      if (!optional.count(name)) missing.push_back(name);
      continue;
    }
    used.insert(name);
    const auto& e = source.entry(name);
    if (e.shape != target.sizes().vec()) {
      mismatched.push_back(name + " (file " + shapeText(e.shape) + ", model " + shapeText(target.sizes().vec()) + ")");
      continue;
    }
    const bool weight_dtype = e.dtype == DType::F32 || e.dtype == DType::F16 || e.dtype == DType::BF16;
    if (target.is_floating_point() && !weight_dtype) {
      not_float.push_back(name + " (" + dtypeName(e.dtype) + ")");
      continue;
    }
    target.copy_(e.load());
  }
  for (const auto& key : source.names())
    if (!used.count(key) && !(options.ignore_unused && options.ignore_unused(key))) unexpected.push_back(key);

  std::ostringstream msg;
  if (!missing.empty()) msg << " Missing tensors: " << listNames(missing) << ".";
  if (!mismatched.empty()) msg << " Tensors with the wrong shape: " << listNames(mismatched) << ".";
  if (!not_float.empty()) msg << " Tensors that are not F32/F16/BF16: " << listNames(not_float) << ".";
  if (!unexpected.empty()) msg << " Unexpected tensors: " << listNames(unexpected) << ".";
  if (!msg.str().empty())
    throw Error("The weights in " + source.description() + " do not fit the model." + msg.str());
  module.to(options.device, options.dtype);
}

}  // namespace sds::io
