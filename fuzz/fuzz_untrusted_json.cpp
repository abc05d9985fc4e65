// libFuzzer target: the untrusted-JSON helpers (depth limit, parse, excerpts,
// checked config fields) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "models/common/config_fields.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const nlohmann::json j = sds::parseUntrustedJson(text, "fuzz");
    (void)sds::jsonExcerpt(j);
    if (j.is_object())
      for (auto it = j.begin(); it != j.end(); ++it) {
        (void)sds::jsonExcerpt(it.value());
        try { sds::configInt(j, it.key().c_str(), 0, -100, 100000, "fuzz"); } catch (const sds::Error&) {}
        try { sds::configPositive(j, it.key().c_str(), 1, "fuzz"); } catch (const sds::Error&) {}
        try { sds::configIntList(it.value(), it.key(), 0, 1000, "fuzz"); } catch (const sds::Error&) {}
      }
  } catch (const sds::Error&) {
  }
  return 0;
}
