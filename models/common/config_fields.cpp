#include "models/common/config_fields.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds {
namespace {

bool present(const nlohmann::json& j, const char* key) { return j.is_object() && j.contains(key) && !j[key].is_null(); }

[[noreturn]] void fail(const std::string& where, const std::string& field, const nlohmann::json& value,
                       const std::string& why) {
  throw Error(where + ": '" + field + "' = " + jsonExcerpt(value) + " " + why + ".");
}

}  // namespace

int configIntValue(const nlohmann::json& value, const std::string& field, int64_t lo, int64_t hi,
                   const std::string& where) {
  const std::string range = "outside " + std::to_string(lo) + ".." + std::to_string(hi);
  if (!value.is_number_integer()) fail(where, field, value, "is not an integer");
  if (value.is_number_unsigned()) {
    const uint64_t u = value.get<uint64_t>();
    if (hi < 0 || u > uint64_t(hi)) fail(where, field, value, "is " + range);
    if (int64_t(u) < lo) fail(where, field, value, "is " + range);
    return int(u);
  }
  const int64_t v = value.get<int64_t>();
  if (v < lo || v > hi) fail(where, field, value, "is " + range);
  return int(v);
}

int configInt(const nlohmann::json& j, const char* key, int fallback, int64_t lo, int64_t hi,
              const std::string& where) {
  return present(j, key) ? configIntValue(j[key], key, lo, hi, where) : fallback;
}

std::vector<int> configIntList(const nlohmann::json& value, const std::string& field, int64_t lo, int64_t hi,
                               const std::string& where) {
  if (!value.is_array()) fail(where, field, value, "is not a list of integers");
  if (value.size() > size_t(kMaxConfigInt)) fail(where, field, value, "is longer than any network has");
  std::vector<int> out;
  for (size_t i = 0; i < value.size(); ++i)
    out.push_back(configIntValue(value[i], field + "[" + std::to_string(i) + "]", lo, hi, where));
  return out;
}

double configNumber(const nlohmann::json& j, const char* key, double fallback, const std::string& where) {
  if (!present(j, key)) return fallback;
  const auto& v = j[key];
  if (!v.is_number()) fail(where, key, v, "is not a number");
  const double d = v.get<double>();
  if (!std::isfinite(d)) fail(where, key, v, "is not finite");
  return d;
}

double configPositive(const nlohmann::json& j, const char* key, double fallback, const std::string& where) {
  const double d = configNumber(j, key, fallback, where);
  if (!(d > 0)) fail(where, key, j.contains(key) ? j[key] : nlohmann::json(d), "is not positive");
  return d;
}

}  // namespace sds
