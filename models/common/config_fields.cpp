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

namespace {

const nlohmann::json& emptyObject() {
  static const nlohmann::json empty = nlohmann::json::object();
  return empty;
}

}  // namespace

ConfigFields::ConfigFields(const nlohmann::json& object, std::string where) : j_(object), where_(std::move(where)) {
  if (!j_.is_object()) throw Error(where_ + " is not a JSON object.");
}

bool ConfigFields::has(const char* key) const { return present(j_, key); }

const nlohmann::json& ConfigFields::raw(const char* key) const { return j_[key]; }

int ConfigFields::integer(const char* key, int fallback, int64_t lo, int64_t hi) const {
  return configInt(j_, key, fallback, lo, hi, where_);
}

std::vector<int> ConfigFields::integers(const char* key, const std::vector<int>& fallback, int64_t lo,
                                        int64_t hi) const {
  return has(key) ? configIntList(j_[key], key, lo, hi, where_) : fallback;
}

uint64_t ConfigFields::unsignedInteger(const char* key, uint64_t fallback) const {
  if (!has(key)) return fallback;
  const auto& v = j_[key];
  if (!v.is_number_integer()) fail(where_, key, v, "is not a whole number");
  if (!v.is_number_unsigned() && v.get<int64_t>() < 0) fail(where_, key, v, "is negative");
  return v.get<uint64_t>();
}

double ConfigFields::number(const char* key, double fallback) const { return configNumber(j_, key, fallback, where_); }

double ConfigFields::positive(const char* key, double fallback) const {
  return configPositive(j_, key, fallback, where_);
}

std::vector<double> ConfigFields::numbers(const char* key, const std::vector<double>& fallback) const {
  if (!has(key)) return fallback;
  const auto& v = j_[key];
  if (!v.is_array()) fail(where_, key, v, "is not a list of numbers");
  if (v.size() > size_t(kMaxConfigInt)) fail(where_, key, v, "is longer than any network has");
  std::vector<double> out;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string field = std::string(key) + "[" + std::to_string(i) + "]";
    if (!v[i].is_number()) fail(where_, field, v[i], "is not a number");
    if (!std::isfinite(v[i].get<double>())) fail(where_, field, v[i], "is not finite");
    out.push_back(v[i].get<double>());
  }
  return out;
}

bool ConfigFields::flag(const char* key, bool fallback) const {
  if (!has(key)) return fallback;
  if (!j_[key].is_boolean()) fail(where_, key, j_[key], "is not true or false");
  return j_[key].get<bool>();
}

std::string ConfigFields::text(const char* key, const std::string& fallback) const {
  if (!has(key)) return fallback;
  if (!j_[key].is_string()) fail(where_, key, j_[key], "is not a string");
  return j_[key].get<std::string>();
}

std::vector<std::string> ConfigFields::texts(const char* key, const std::vector<std::string>& fallback) const {
  if (!has(key)) return fallback;
  const auto& v = j_[key];
  if (!v.is_array()) fail(where_, key, v, "is not a list of strings");
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) fail(where_, std::string(key) + "[" + std::to_string(i) + "]", v[i], "is not a string");
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

ConfigFields ConfigFields::object(const char* key) const {
  if (!has(key)) return ConfigFields(emptyObject(), where_);
  if (!j_[key].is_object()) fail(where_, key, j_[key], "is not an object");
  return ConfigFields(j_[key], where_ + " (" + key + ")");
}

void ConfigFields::reject(const char* key, const std::string& why) const { fail(where_, key, j_[key], why); }

}  // namespace sds
