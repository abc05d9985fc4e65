#include "models/io/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/base/atomic_file.h"
#include "core/base/error.h"

namespace sds::io {
namespace {

// A header larger than this is not a tensor index but a corrupt or hostile file.
constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

struct DTypeRow {
  DType dtype;
  const char* name;
  int size;
  torch::ScalarType scalar;
  bool floating;
};

const DTypeRow kDTypes[] = {
    {DType::F32, "F32", 4, torch::kFloat32, true},  {DType::F16, "F16", 2, torch::kFloat16, true},
    {DType::BF16, "BF16", 2, torch::kBFloat16, true}, {DType::F64, "F64", 8, torch::kFloat64, true},
    {DType::I64, "I64", 8, torch::kInt64, false},   {DType::I32, "I32", 4, torch::kInt32, false},
    {DType::I16, "I16", 2, torch::kInt16, false},   {DType::I8, "I8", 1, torch::kInt8, false},
    {DType::U8, "U8", 1, torch::kUInt8, false},     {DType::Bool, "BOOL", 1, torch::kBool, false},
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
  fail(path, "tensor '" + tensor + "' has unsupported dtype '" + s + "'");
}

// Multiplies with an overflow check; shapes come from an untrusted header.
uint64_t checkedMul(uint64_t a, uint64_t b, const std::string& path, const std::string& tensor) {
  if (b != 0 && a > std::numeric_limits<uint64_t>::max() / b)
    fail(path, "tensor '" + tensor + "' has a shape whose size overflows");
  return a * b;
}

TensorInfo parseEntry(const std::string& path, const std::string& name, const nlohmann::json& e) {
  if (!e.is_object()) fail(path, "entry '" + name + "' is not an object");
  for (const char* key : {"dtype", "shape", "data_offsets"})
    if (!e.contains(key)) fail(path, "tensor '" + name + "' has no '" + key + "' field");
  if (!e["dtype"].is_string()) fail(path, "tensor '" + name + "' has a non-string dtype");
  TensorInfo info;
  info.name = name;
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
torch::ScalarType toScalarType(DType d) { return row(d).scalar; }

std::shared_ptr<const SafetensorsFile> SafetensorsFile::open(const std::string& path) {
  std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
  file->path_ = path;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("Cannot open " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error("Cannot open " + path + ": not a regular file");
  }
  const uint64_t size = uint64_t(st.st_size);
  if (size < 8) {
    ::close(fd);
    fail(path, "the file is " + std::to_string(size) + " bytes, shorter than the 8-byte header length");
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) throw Error("Cannot map " + path + ": " + std::strerror(errno));
  file->map_ = static_cast<const uint8_t*>(map);
  file->map_size_ = size;

  uint64_t header_len = 0;
  for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | file->map_[i];
  if (header_len == 0) fail(path, "the header is empty");
  if (header_len > kMaxHeaderBytes) fail(path, "the header length " + std::to_string(header_len) + " is implausibly large");
  if (header_len > size - 8) fail(path, "the header length runs past the end of the file (truncated?)");
  file->data_begin_ = 8 + header_len;

  nlohmann::json header;
  try {
    header = nlohmann::json::parse(file->map_ + 8, file->map_ + 8 + header_len);
  } catch (const nlohmann::json::exception& e) {
    fail(path, std::string("the header is not valid JSON (") + e.what() + ")");
  }
  if (!header.is_object()) fail(path, "the header is not a JSON object");

  const uint64_t data_size = size - file->data_begin_;
  for (auto it = header.begin(); it != header.end(); ++it) {
    if (it.key() == "__metadata__") {
      if (!it.value().is_object()) fail(path, "__metadata__ is not an object");
      for (auto m = it.value().begin(); m != it.value().end(); ++m)
        file->metadata_[m.key()] = m.value().is_string() ? m.value().get<std::string>() : m.value().dump();
      continue;
    }
    TensorInfo info = parseEntry(path, it.key(), it.value());
    if (info.end > data_size)
      fail(path, "tensor '" + info.name + "' lies past the end of the file (truncated?)");
    file->index_[info.name] = file->infos_.size();
    file->infos_.push_back(std::move(info));
  }

  std::vector<const TensorInfo*> by_offset;
  for (const auto& i : file->infos_) by_offset.push_back(&i);
  std::sort(by_offset.begin(), by_offset.end(),
            [](const TensorInfo* a, const TensorInfo* b) { return a->begin < b->begin; });
  // Compare with the furthest-reaching earlier tensor, not just the previous
  // one: an empty tensor in between must not hide an overlap.
  const TensorInfo* reach = nullptr;
  for (const TensorInfo* t : by_offset) {
    if (t->begin == t->end) continue;
    if (reach && t->begin < reach->end)
      fail(path, "tensors '" + reach->name + "' and '" + t->name + "' overlap");
    if (!reach || t->end > reach->end) reach = t;
  }
  return file;
}

SafetensorsFile::~SafetensorsFile() {
  if (map_) ::munmap(const_cast<uint8_t*>(map_), map_size_);
}

bool SafetensorsFile::contains(const std::string& name) const { return index_.count(name) != 0; }

const TensorInfo& SafetensorsFile::info(const std::string& name) const {
  const auto it = index_.find(name);
  if (it == index_.end()) throw Error("Tensor '" + name + "' is not in " + path_);
  return infos_[it->second];
}

torch::Tensor SafetensorsFile::tensor(const std::string& name) const {
  const TensorInfo& i = info(name);
  auto out = torch::empty(i.shape, torch::TensorOptions().dtype(toScalarType(i.dtype)));
  if (i.end > i.begin) std::memcpy(out.data_ptr(), map_ + data_begin_ + i.begin, i.end - i.begin);
  return out;
}

void writeSafetensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata) {
  nlohmann::json header = nlohmann::json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::vector<torch::Tensor> contiguous;
  uint64_t offset = 0;
  for (const auto& [name, t] : tensors) {
    auto c = t.detach().to(torch::kCPU).contiguous();
    const char* dtype = nullptr;
    for (const auto& r : kDTypes)
      if (r.scalar == c.scalar_type()) dtype = r.name;
    if (!dtype) throw Error("Cannot write tensor '" + name + "' to " + path + ": unsupported dtype");
    const uint64_t bytes = uint64_t(c.numel()) * uint64_t(c.element_size());
    header[name] = {{"dtype", dtype}, {"shape", c.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
    contiguous.push_back(c);
  }
  std::string head = header.dump();
  while (head.size() % 8 != 0) head.push_back(' ');
  std::string bytes(8, '\0');
  const uint64_t n = head.size();
  for (int i = 0; i < 8; ++i) bytes[size_t(i)] = char((n >> (8 * i)) & 0xff);
  bytes += head;
  bytes.reserve(bytes.size() + offset);
  for (const auto& c : contiguous)
    bytes.append(static_cast<const char*>(c.data_ptr()), size_t(c.numel()) * size_t(c.element_size()));
  writeFileAtomic(path, bytes);
}

}  // namespace sds::io
