// Helpers for converting checkpoint layouts by key prefixes (single-file LDM ->
// diffusers names). A rule maps a key prefix to a new prefix and rewrites the
// rest of the key; keys no rule knows keep their names, so the strict loader
// reports them instead of dropping them.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/io/weights.h"

namespace sds::nn {

using RestRename = std::function<std::optional<std::string>(const std::string& rest)>;

struct PrefixRule {
  std::string from;   // ends with '.'
  std::string to;     // ends with '.'
  RestRename rest;    // nullptr = keep the rest
};

// Adjusts an entry after renaming (reshapes); identity when empty.
using EntryFix = std::function<io::WeightSource::Entry(const std::string& new_name, io::WeightSource::Entry)>;

// Applies the first rule whose `from` starts the key. Two keys that end up
// with the same name raise sds::Error naming both.
io::WeightSource remapByPrefix(const io::WeightSource& source, const std::vector<PrefixRule>& rules,
                               const EntryFix& fix = {});

// The entry with a new shape (same number of elements), reshaped on load.
io::WeightSource::Entry reshapedEntry(const io::WeightSource::Entry& entry, std::vector<int64_t> shape);

// Rewrites the leading component(s) of `rest` by a table of {from, to} where
// `from` matches whole dot-separated components ("in_layers.0" -> "norm1").
// Returns nullopt when no entry matches.
std::optional<std::string> renameLeading(const std::string& rest,
                                         const std::vector<std::pair<std::string, std::string>>& table);

bool startsWith(const std::string& s, const std::string& prefix);
bool endsWith(const std::string& s, const std::string& suffix);

}  // namespace sds::nn
