#include "models/common/json_limits.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/base/error.h"

namespace sds {

std::string readRegularFile(const std::string& path, uint64_t max_bytes, const std::string& what) {
  const std::string name = what.empty() ? path : what + " " + path;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw Error("Cannot read " + name + ": " + std::strerror(errno) + ".");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error("Cannot read " + name + ": it is not a regular file.");
  }
  if (uint64_t(st.st_size) > max_bytes) {
    ::close(fd);
    throw Error("Cannot read " + name + ": it is " + std::to_string(st.st_size) + " bytes, more than the " +
                std::to_string(max_bytes) + " such a file may have.");
  }
  std::string bytes(size_t(st.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pread(fd, &bytes[done], bytes.size() - done, off_t(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = n < 0 ? std::strerror(errno) : "it became shorter while being read";
      ::close(fd);
      throw Error("Cannot read " + name + ": " + why + ".");
    }
    done += size_t(n);
  }
  ::close(fd);
  return bytes;
}

void requireJsonDepth(const char* begin, const char* end, const std::string& what, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (const char* p = begin; p < end; ++p) {
    const char c = *p;
    if (in_string) {
      if (c == '\\') ++p;  // skip the escaped character (a quote must not end the string)
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        throw Error(what + " nests deeper than " + std::to_string(max_depth) + " levels; it is not a file this program writes or reads.");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

void requireJsonDepth(const std::string& text, const std::string& what, size_t max_depth) {
  requireJsonDepth(text.data(), text.data() + text.size(), what, max_depth);
}

nlohmann::json parseUntrustedJson(const std::string& text, const std::string& what) {
  requireJsonDepth(text, what);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw Error(what + " is not valid JSON (" + boundedText(e.what()) + ").");
  }
}

nlohmann::json readUntrustedJson(const std::string& path, const std::string& what, uint64_t max_bytes) {
  // "The tokenizer file" starts a sentence; inside "Cannot read ..." it is lower case.
  std::string inner = what;
  if (!inner.empty() && inner[0] >= 'A' && inner[0] <= 'Z') inner[0] = char(inner[0] - 'A' + 'a');
  return parseUntrustedJson(readRegularFile(path, max_bytes, inner), what + " " + path);
}

std::string boundedText(const std::string& text, size_t max_chars) {
  return text.size() <= max_chars ? text : text.substr(0, max_chars) + "...";
}

std::string jsonExcerpt(const nlohmann::json& value, size_t max_chars) {
  if (value.is_array()) return "a list of " + std::to_string(value.size()) + " entries";
  if (value.is_object()) return "an object with " + std::to_string(value.size()) + " fields";
  return boundedText(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), max_chars);
}

}  // namespace sds
