#include "app/cli/args.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/base/error.h"

namespace sds::cli {

Args::Args(const std::vector<std::string>& argv, const OptionList& options) {
  const std::set<std::string> valued = options.valued(), flags = options.flags();
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      positional_.push_back(a);
      continue;
    }
    std::string key = a.substr(2), value;
    const auto eq = key.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = key.substr(eq + 1);
      key = key.substr(0, eq);
    }
    if (flags.count(key)) {
      if (inline_value) throw Error("Option --" + key + " takes no value.");
      flags_.insert(key);
    } else if (valued.count(key)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) throw Error("Option --" + key + " needs a value.");
        value = argv[++i];
      }
      values_[key] = value;
    } else {
      throw Error("Unknown option --" + key + " (see --help).");
    }
  }
}

std::string Args::get(const std::string& key, const std::string& fallback) const {
  const auto it = values_.find(key);
  return it == values_.end() ? fallback : it->second;
}

std::string Args::required(const std::string& key) const {
  const auto it = values_.find(key);
  if (it == values_.end() || it->second.empty()) throw Error("Missing required option --" + key + ".");
  return it->second;
}

double Args::number(const std::string& key, double fallback) const {
  const auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(it->second.c_str(), &end);
  // strtod also reads "nan" and "inf": no option means anything by them, and
  // they would pass every range check written as `v < lo || v > hi`.
  if (errno != 0 || end == it->second.c_str() || *end != '\0' || !std::isfinite(v))
    throw Error("Option --" + key + " needs a finite number, got '" + it->second + "'.");
  return v;
}

int Args::integer(const std::string& key, int fallback) const {
  return integerIn(key, fallback, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
}

int Args::integerIn(const std::string& key, int fallback, long lo, long hi) const {
  const auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(it->second.c_str(), &end, 10);
  if (errno != 0 || end == it->second.c_str() || *end != '\0')
    throw Error("Option --" + key + " needs a whole number, got '" + it->second + "'.");
  if (v < lo || v > hi)
    throw Error("Option --" + key + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " +
                std::to_string(v) + ".");
  return int(v);
}

}  // namespace sds::cli
