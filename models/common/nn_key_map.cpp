#include "models/common/nn_key_map.h"

#include <map>

#include "core/base/error.h"

namespace sds::nn {

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

io::WeightSource::Entry reshapedEntry(const io::WeightSource::Entry& entry, std::vector<int64_t> shape) {
  io::WeightSource::Entry out = entry;
  out.shape = shape;
  auto load = entry.load;
  out.load = [load, shape] { return load().reshape(shape); };
  return out;
}

std::optional<std::string> renameLeading(const std::string& rest,
                                         const std::vector<std::pair<std::string, std::string>>& table) {
  for (const auto& [from, to] : table)
    if (startsWith(rest, from + ".")) return to + rest.substr(from.size());
  return std::nullopt;
}

io::WeightSource remapByPrefix(const io::WeightSource& source, const std::vector<PrefixRule>& rules,
                               const EntryFix& fix) {
  io::WeightSource out;
  out.setDescription(source.description());
  std::map<std::string, std::string> from_of;  // new name -> original key
  for (const auto& key : source.names()) {
    std::string name = key;
    for (const auto& rule : rules) {
      if (!startsWith(key, rule.from)) continue;
      const std::string rest = key.substr(rule.from.size());
      const auto mapped = rule.rest ? rule.rest(rest) : std::optional<std::string>(rest);
      if (mapped) name = rule.to + *mapped;
      break;
    }
    auto entry = source.entry(key);
    if (fix) entry = fix(name, entry);
    const auto [it, fresh] = from_of.emplace(name, key);
    if (!fresh)
      throw Error("The tensors '" + it->second + "' and '" + key + "' of " + source.description() +
                  " both map to '" + name + "'.");
    out.add(name, std::move(entry));
  }
  return out;
}

}  // namespace sds::nn
