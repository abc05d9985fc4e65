// The safetensors header: its JSON index parsed and validated without LibTorch
// (so the parser of this untrusted input can be fuzzed on its own, fuzz/).
//
// Format: 8-byte little-endian u64 header length N, N bytes of JSON
// {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}},
// then the raw data (offsets relative to 8 + N).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sds::io {

enum class DType { F32, F16, BF16, F64, I64, I32, I16, I8, U8, Bool };

const char* dtypeName(DType d);
int dtypeSize(DType d);
bool isFloatingDType(DType d);

struct TensorInfo {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  uint64_t begin = 0;  // byte offsets relative to the data section
  uint64_t end = 0;
};

struct SafetensorsHeader {
  std::vector<TensorInfo> tensors;             // in header order
  std::map<std::string, std::string> metadata;  // string values of bounded size only
};

// The 8-byte little-endian header length at the start of a file.
uint64_t headerLength(const uint8_t* first8);

// Parses the header JSON `text` of `path`, followed by `data_size` bytes of data:
// nesting limited, every entry checked (dtype, shape overflow, offsets within the
// data, no overlaps). Throws sds::Error naming the file and the problem.
SafetensorsHeader parseSafetensorsHeader(const std::string& text, uint64_t data_size, const std::string& path);

}  // namespace sds::io
