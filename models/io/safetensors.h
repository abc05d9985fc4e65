// Safetensors reader (pread: a file truncated while open is an error, never a
// SIGBUS) and an atomic writer.
//
// Format: 8-byte little-endian u64 header length N, N bytes of JSON
// {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}},
// then the raw little-endian C-contiguous data (offsets relative to 8 + N).
// Every header field is validated before any byte of data is touched: a
// malformed file raises sds::Error naming the file and the problem.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/types.h>

#include "models/io/safetensors_header.h"

namespace sds::io {

torch::ScalarType toScalarType(DType d);

class SafetensorsFile {
 public:
  // Opens and validates; throws sds::Error. The file stays open while any
  // copy of the returned pointer lives.
  static std::shared_ptr<const SafetensorsFile> open(const std::string& path);
  ~SafetensorsFile();
  SafetensorsFile(const SafetensorsFile&) = delete;
  SafetensorsFile& operator=(const SafetensorsFile&) = delete;

  const std::string& path() const { return path_; }
  const std::vector<TensorInfo>& tensors() const { return infos_; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  bool contains(const std::string& name) const;
  const TensorInfo& info(const std::string& name) const;  // throws if absent

  // A CPU tensor that owns a copy of the bytes, in the file's own dtype.
  torch::Tensor tensor(const std::string& name) const;

 private:
  SafetensorsFile() = default;
  void readAt(uint64_t offset, void* out, size_t bytes) const;  // throws sds::Error on a short read
  std::string path_;
  int fd_ = -1;
  uint64_t data_begin_ = 0;
  std::vector<TensorInfo> infos_;
  std::map<std::string, size_t> index_;
  std::map<std::string, std::string> metadata_;
};

// Writes a safetensors file atomically (temporary file in the same folder,
// then rename). Tensors are made contiguous and copied to the CPU.
void writeSafetensors(const std::string& path,
                      const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

}  // namespace sds::io
