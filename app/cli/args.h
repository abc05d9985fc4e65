// Minimal `--key value` / `--flag` parser for the subcommands, driven by each
// command's declared options (options.h). Unknown options
// and missing values are errors with one clear line (sds::Error).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/cli/options.h"

namespace sds::cli {

// Bound of --width / --height before they become an int (the pipelines cap lower).
constexpr long kMaxOptionSide = 1 << 16;

class Args {
 public:
  // `argv` read against the options the command declares (options.h): the
  // declared flags take no value, the others one. Throws sds::Error.
  Args(const std::vector<std::string>& argv, const OptionList& options);

  bool has(const std::string& key) const { return values_.count(key) != 0; }
  bool flag(const std::string& key) const { return flags_.count(key) != 0; }
  std::string get(const std::string& key, const std::string& fallback) const;
  std::string required(const std::string& key) const;
  double number(const std::string& key, double fallback) const;  // finite: "nan" and "inf" are errors
  // A whole number that fits an int: 4294967360 is an error, not a wrapped 64.
  int integer(const std::string& key, int fallback) const;
  // integer() within [lo, hi] (both within an int's range).
  // (Sizes: kMaxOptionSide; the engine refuses what it cannot generate.)
  int integerIn(const std::string& key, int fallback, long lo, long hi) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

}  // namespace sds::cli
