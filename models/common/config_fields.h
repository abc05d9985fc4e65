// One convention for reading numbers from a network's config.json (UNet, VAE,
// text encoder, depth model, scheduler): every integer is read as a checked
// int64 and range-checked before it becomes an int, so 4.9 or 4294967300 is an
// error instead of 4, and every float is finite. Errors are one sds::Error line
// "<where>: '<field>' = <value> ...", where `where` names the network and file
// (e.g. "UNet config /models/sd/unet/config.json").
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace sds {

// No count or width of a network we run comes near this; larger values are
// hostile or corrupt (sizes are also checked against the weights before building).
constexpr int64_t kMaxConfigInt = 1 << 20;

// `value` as an int in [lo, hi]; throws when it is not an integer JSON number.
int configIntValue(const nlohmann::json& value, const std::string& field, int64_t lo, int64_t hi,
                   const std::string& where);
// j[key] as an int in [lo, hi], or `fallback` when absent or null.
int configInt(const nlohmann::json& j, const char* key, int fallback, int64_t lo, int64_t hi,
              const std::string& where);
// A list of ints in [lo, hi].
std::vector<int> configIntList(const nlohmann::json& value, const std::string& field, int64_t lo, int64_t hi,
                               const std::string& where);
// j[key] as a finite double, or `fallback` when absent or null.
double configNumber(const nlohmann::json& j, const char* key, double fallback, const std::string& where);
// j[key] as a finite double > 0, or `fallback` when absent or null.
double configPositive(const nlohmann::json& j, const char* key, double fallback, const std::string& where);

// The fields of one config.json object (or one nested object of it), read
// under the convention above: a field that is absent or null gives the
// fallback; one that is present with the wrong type or outside its range is an
// sds::Error naming `where` (the network and the file) and the field. Every
// network's reader (UNet, VAE, CLIP, depth) goes through this class, so none
// can let a nlohmann::type_error escape or skip a wrongly typed field.
class ConfigFields {
 public:
  // `object` must outlive this reader. Throws when it is not a JSON object.
  ConfigFields(const nlohmann::json& object, std::string where);

  const std::string& where() const { return where_; }
  bool has(const char* key) const;  // present and not null
  const nlohmann::json& raw(const char* key) const;  // has(key) must hold

  int integer(const char* key, int fallback, int64_t lo = 0, int64_t hi = kMaxConfigInt) const;
  std::vector<int> integers(const char* key, const std::vector<int>& fallback, int64_t lo = 0,
                            int64_t hi = kMaxConfigInt) const;
  // A whole number in [0, 2^64 - 1] (seeds): negative or fractional values are errors, not wrapped.
  uint64_t unsignedInteger(const char* key, uint64_t fallback) const;
  double number(const char* key, double fallback) const;
  double positive(const char* key, double fallback) const;
  std::vector<double> numbers(const char* key, const std::vector<double>& fallback) const;
  bool flag(const char* key, bool fallback) const;
  std::string text(const char* key, const std::string& fallback) const;
  std::vector<std::string> texts(const char* key, const std::vector<std::string>& fallback) const;
  // A nested object, named in errors as "<where> (<key>)"; an empty one when
  // absent or null (every read of it then gives its fallback).
  ConfigFields object(const char* key) const;

  // Throws "<where>: '<key>' = <value> <why>." for a value of a field that this
  // reader's type checks accept but the network does not support.
  [[noreturn]] void reject(const char* key, const std::string& why) const;

 private:
  const nlohmann::json& j_;
  std::string where_;
};

}  // namespace sds
