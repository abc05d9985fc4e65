// Minimal `--key value` / `--flag` parser for the subcommands. Unknown options
// and missing values are errors with one clear line (sds::Error).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sds::cli {

class Args {
 public:
  // `valued` options take a value, `flags` do not. Throws sds::Error.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& valued, const std::set<std::string>& flags);

  bool has(const std::string& key) const { return values_.count(key) != 0; }
  bool flag(const std::string& key) const { return flags_.count(key) != 0; }
  std::string get(const std::string& key, const std::string& fallback) const;
  std::string required(const std::string& key) const;
  double number(const std::string& key, double fallback) const;
  long integer(const std::string& key, long fallback) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

}  // namespace sds::cli
