// libFuzzer target: the safetensors header (length prefix + JSON index) as
// SafetensorsFile::open reads it, on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/base/error.h"
#include "models/io/safetensors_header.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 8) return 0;
  const uint64_t declared = sds::io::headerLength(data);
  const size_t text_size = size_t(declared < size - 8 ? declared : size - 8);
  const std::string text(reinterpret_cast<const char*>(data) + 8, text_size);
  try {
    const auto header = sds::io::parseSafetensorsHeader(text, size - 8 - text_size, "fuzz");
    for (const auto& t : header.tensors) (void)sds::io::dtypeName(t.dtype);
  } catch (const sds::Error&) {
  }
  return 0;
}
