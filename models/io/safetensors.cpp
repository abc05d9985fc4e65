#include "models/io/safetensors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/base/atomic_file.h"
#include "core/base/error.h"

namespace sds::io {
namespace {

// A header larger than this is not a tensor index but a corrupt or hostile file.
constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw Error("Invalid safetensors file " + path + ": " + what);
}

const std::pair<DType, torch::ScalarType> kScalarTypes[] = {
    {DType::F32, torch::kFloat32}, {DType::F16, torch::kFloat16}, {DType::BF16, torch::kBFloat16},
    {DType::F64, torch::kFloat64}, {DType::I64, torch::kInt64},   {DType::I32, torch::kInt32},
    {DType::I16, torch::kInt16},   {DType::I8, torch::kInt8},     {DType::U8, torch::kUInt8},
    {DType::Bool, torch::kBool},
};

}  // namespace

torch::ScalarType toScalarType(DType d) {
  for (const auto& [dtype, scalar] : kScalarTypes)
    if (dtype == d) return scalar;
  throw Error("unknown dtype");
}

std::shared_ptr<const SafetensorsFile> SafetensorsFile::open(const std::string& path) {
  std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
  file->path_ = path;
  // O_NONBLOCK: a FIFO is refused below instead of blocking the open.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw Error("Cannot open " + path + ": " + std::strerror(errno));
  file->fd_ = fd;  // closed by the destructor, also when validation throws
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) throw Error("Cannot open " + path + ": not a regular file");
  const uint64_t size = uint64_t(st.st_size);
  if (size < 8) fail(path, "the file is " + std::to_string(size) + " bytes, shorter than the 8-byte header length");

  uint8_t length_bytes[8];
  file->readAt(0, length_bytes, 8);
  const uint64_t header_len = headerLength(length_bytes);
  if (header_len == 0) fail(path, "the header is empty");
  if (header_len > kMaxHeaderBytes) fail(path, "the header length " + std::to_string(header_len) + " is implausibly large");
  if (header_len > size - 8) fail(path, "the header length runs past the end of the file (truncated?)");
  file->data_begin_ = 8 + header_len;

  std::string text(size_t(header_len), '\0');
  file->readAt(8, &text[0], text.size());
  SafetensorsHeader header = parseSafetensorsHeader(text, size - file->data_begin_, path);
  file->metadata_ = std::move(header.metadata);
  file->infos_ = std::move(header.tensors);
  for (size_t i = 0; i < file->infos_.size(); ++i) file->index_[file->infos_[i].name] = i;
  return file;
}

SafetensorsFile::~SafetensorsFile() {
  if (fd_ >= 0) ::close(fd_);
}

// pread, not a mapping: a file truncated while open gives a clear error here
// instead of a SIGBUS wherever a mapped page is touched.
void SafetensorsFile::readAt(uint64_t offset, void* out, size_t bytes) const {
  auto* dst = static_cast<char*>(out);
  size_t done = 0;
  while (done < bytes) {
    const size_t chunk = std::min<size_t>(bytes - done, size_t(1) << 30);
    const ssize_t n = ::pread(fd_, dst + done, chunk, off_t(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error("Cannot read " + path_ + ": " + std::strerror(errno));
    if (n == 0) throw Error("Cannot read " + path_ + ": the file became shorter while it was open (truncated?)");
    done += size_t(n);
  }
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
  if (i.end > i.begin) readAt(data_begin_ + i.begin, out.data_ptr(), size_t(i.end - i.begin));
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
    for (const auto& [d, scalar] : kScalarTypes)
      if (scalar == c.scalar_type()) dtype = dtypeName(d);
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
