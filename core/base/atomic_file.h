// Atomic file writes: the bytes go to a temporary file beside the target, are
// flushed to disk, and only then renamed over the target, so an interrupted
// write never leaves a truncated file under the user's chosen name.
#pragma once
#include <string>

namespace sds {

// Throws sds::Error naming the path on any failure; the temporary is removed.
void writeFileAtomic(const std::string& path, const std::string& bytes);
void writeFileAtomic(const std::string& path, const void* data, size_t size);

// Reads a whole file; throws sds::Error naming the path.
std::string readFileBytes(const std::string& path);

}  // namespace sds
