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

}  // namespace sds
