// Limits for reading untrusted files and JSON (configs, tokenizer files,
// safetensors headers, fixture indexes, parameter files).
//
// A hostile file must end in one clear sds::Error, never a crash, a hang or an
// exhausted memory: only regular files are read (a FIFO or a device would block
// or never end), with a size limit, and JSON is refused before parsing when it
// nests deeper than any real config does (nlohmann's dump, copies and error
// paths recurse, so 100k levels overflow the stack). Messages quote untrusted
// values only as bounded excerpts.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace sds {

// Deeper than any config, tokenizer file or safetensors header we read.
constexpr size_t kMaxJsonDepth = 64;
// Larger than any config or vocabulary (CLIP's vocab.json is 1.6 MB).
constexpr uint64_t kMaxJsonFileBytes = 64ull * 1024 * 1024;

// The whole content of the regular file `path`; throws sds::Error naming `what`
// and the path when it is missing, not a regular file, or larger than max_bytes.
// Opening never blocks (O_NONBLOCK), so a FIFO is refused instead of waited on.
std::string readRegularFile(const std::string& path, uint64_t max_bytes, const std::string& what);

// Throws sds::Error("<what> nests deeper than N levels.") when brackets outside
// strings nest deeper than max_depth. Linear, no recursion.
void requireJsonDepth(const char* begin, const char* end, const std::string& what, size_t max_depth = kMaxJsonDepth);
void requireJsonDepth(const std::string& text, const std::string& what, size_t max_depth = kMaxJsonDepth);

// Depth check, then nlohmann::json::parse; a syntax error becomes sds::Error
// "<what> is not valid JSON (<bounded message>)."
nlohmann::json parseUntrustedJson(const std::string& text, const std::string& what);
// readRegularFile + parseUntrustedJson.
nlohmann::json readUntrustedJson(const std::string& path, const std::string& what,
                                 uint64_t max_bytes = kMaxJsonFileBytes);

// At most `max_chars` of `text`, with "..." when cut (for exception texts that
// may quote a whole untrusted token).
std::string boundedText(const std::string& text, size_t max_chars = 200);
// A short description of an untrusted JSON value for messages: scalars as JSON
// (cut to max_chars), lists and objects by their size, never dumped whole.
std::string jsonExcerpt(const nlohmann::json& value, size_t max_chars = 60);

}  // namespace sds
