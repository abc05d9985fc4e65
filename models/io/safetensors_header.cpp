#include "models/io/safetensors_header.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::io {
namespace {

// A metadata key or value longer than this is dropped.
constexpr size_t kMaxMetadataBytes = 64 * 1024;

// A name as messages show it (names come from the untrusted header).
std::string shown(const std::string& name) { return boundedText(name, 120); }

struct DTypeRow {
  DType dtype;
  const char* name;
  int size;
  bool floating;
};

const DTypeRow kDTypes[] = {
    {DType::F32, "F32", 4, true},  {DType::F16, "F16", 2, true}, {DType::BF16, "BF16", 2, true},
    {DType::F64, "F64", 8, true},  {DType::I64, "I64", 8, false}, {DType::I32, "I32", 4, false},
    {DType::I16, "I16", 2, false}, {DType::I8, "I8", 1, false},  {DType::U8, "U8", 1, false},
    {DType::Bool, "BOOL", 1, false},
};

const DTypeRow& row(DType d) {
  for (const auto& r : kDTypes)
    if (r.dtype == d) return r;
  throw Error("unknown dtype");
}

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw Error("Invalid safetensors file " + path + ": " + what);
}

DType parseDType(const std::string& path, const std::string& tensor, const std::string& s) {
  for (const auto& r : kDTypes)
    if (s == r.name) return r.dtype;
  fail(path, "tensor '" + tensor + "' has unsupported dtype '" + shown(s) + "'");
}

// Multiplies with an overflow check; shapes come from an untrusted header.
uint64_t checkedMul(uint64_t a, uint64_t b, const std::string& path, const std::string& tensor) {
  if (b != 0 && a > std::numeric_limits<uint64_t>::max() / b)
    fail(path, "tensor '" + tensor + "' has a shape whose size overflows");
  return a * b;
}

TensorInfo parseEntry(const std::string& path, const std::string& key, const nlohmann::json& e) {
  const std::string name = shown(key);
  if (!e.is_object()) fail(path, "entry '" + name + "' is not an object");
  for (const char* key : {"dtype", "shape", "data_offsets"})
    if (!e.contains(key)) fail(path, "tensor '" + name + "' has no '" + key + "' field");
  if (!e["dtype"].is_string()) fail(path, "tensor '" + name + "' has a non-string dtype");
  TensorInfo info;
  info.name = key;
  info.dtype = parseDType(path, name, e["dtype"].get<std::string>());
  const auto& shape = e["shape"];
  if (!shape.is_array()) fail(path, "tensor '" + name + "' has a shape that is not a list");
  uint64_t elements = 1;
  for (const auto& dim : shape) {
    if (!dim.is_number_unsigned()) fail(path, "tensor '" + name + "' has a negative or non-integer dimension");
    const uint64_t d = dim.get<uint64_t>();
    if (d > uint64_t(std::numeric_limits<int64_t>::max())) fail(path, "tensor '" + name + "' has a huge dimension");
    info.shape.push_back(int64_t(d));
    elements = checkedMul(elements, d, path, name);
  }
  const auto& off = e["data_offsets"];
  if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
    fail(path, "tensor '" + name + "' has malformed data_offsets");
  info.begin = off[0].get<uint64_t>();
  info.end = off[1].get<uint64_t>();
  if (info.end < info.begin) fail(path, "tensor '" + name + "' ends before it begins");
  const uint64_t bytes = checkedMul(elements, uint64_t(row(info.dtype).size), path, name);
  if (info.end - info.begin != bytes)
    fail(path, "tensor '" + name + "' has " + std::to_string(info.end - info.begin) + " bytes but its dtype and shape need " +
                   std::to_string(bytes));
  return info;
}

}  // namespace

const char* dtypeName(DType d) { return row(d).name; }
int dtypeSize(DType d) { return row(d).size; }
bool isFloatingDType(DType d) { return row(d).floating; }

uint64_t headerLength(const uint8_t* first8) {
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | first8[i];
  return n;
}

SafetensorsHeader parseSafetensorsHeader(const std::string& text, uint64_t data_size, const std::string& path) {
  // nlohmann's dump, copies and error paths recurse: refuse deep nesting before parsing.
  requireJsonDepth(text, "The safetensors file " + path + "'s header");
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    fail(path, std::string("the header is not valid JSON (") + boundedText(e.what()) + ")");
  }
  if (!header.is_object()) fail(path, "the header is not a JSON object");

  SafetensorsHeader out;
  for (auto it = header.begin(); it != header.end(); ++it) {
    if (it.key() == "__metadata__") {
      if (!it.value().is_object()) fail(path, "__metadata__ is not an object");
      // Only string values of bounded size are kept (the format allows nothing else);
      // others are dropped rather than dumped.
      for (auto m = it.value().begin(); m != it.value().end(); ++m)
        if (m.value().is_string() && m.key().size() <= kMaxMetadataBytes &&
            m.value().get_ref<const std::string&>().size() <= kMaxMetadataBytes)
          out.metadata[m.key()] = m.value().get<std::string>();
      continue;
    }
    TensorInfo info = parseEntry(path, it.key(), it.value());
    if (info.end > data_size)
      fail(path, "tensor '" + shown(info.name) + "' lies past the end of the file (truncated?)");
    out.tensors.push_back(std::move(info));
  }

  std::vector<const TensorInfo*> by_offset;
  for (const auto& i : out.tensors) by_offset.push_back(&i);
  std::sort(by_offset.begin(), by_offset.end(),
            [](const TensorInfo* a, const TensorInfo* b) { return a->begin < b->begin; });
  // Compare with the furthest-reaching earlier tensor, not just the previous
  // one: an empty tensor in between must not hide an overlap.
  const TensorInfo* reach = nullptr;
  for (const TensorInfo* t : by_offset) {
    if (t->begin == t->end) continue;
    if (reach && t->begin < reach->end)
      fail(path, "tensors '" + shown(reach->name) + "' and '" + shown(t->name) + "' overlap");
    if (!reach || t->end > reach->end) reach = t;
  }
  return out;
}

}  // namespace sds::io
