#include "core/media/png_text.h"

#include <opencv2/imgcodecs.hpp>

#include <array>
#include <cstring>

#include "core/base/error.h"

namespace sds::media {
namespace {

const char kSignature[] = "\x89PNG\r\n\x1a\n";

uint32_t readBe32(const std::string& s, size_t at) {
  return uint32_t(uint8_t(s[at])) << 24 | uint32_t(uint8_t(s[at + 1])) << 16 | uint32_t(uint8_t(s[at + 2])) << 8 |
         uint32_t(uint8_t(s[at + 3]));
}

void appendBe32(std::string& s, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) s.push_back(char((v >> shift) & 0xFF));
}

std::string textChunk(const std::string& key, const std::string& text) {
  if (key.empty() || key.size() > 79 || key.find('\0') != std::string::npos)
    throw Error("A PNG text keyword must have 1 to 79 characters without NUL, got '" + key + "'.");
  if (text.find('\0') != std::string::npos) throw Error("PNG text for '" + key + "' must not contain NUL.");
  const std::string body = "tEXt" + key + std::string(1, '\0') + text;
  std::string chunk;
  appendBe32(chunk, uint32_t(body.size() - 4));
  chunk += body;
  appendBe32(chunk, crc32(body.data(), body.size()));
  return chunk;
}

void requireSignature(const std::string& png) {
  if (png.size() < 8 || png.compare(0, 8, kSignature, 8) != 0) throw Error("The data is not a PNG file.");
}

}  // namespace

uint32_t crc32(const void* data, size_t size, uint32_t crc) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  crc = ~crc;
  const auto* p = static_cast<const uint8_t*>(data);
  for (size_t i = 0; i < size; ++i) crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

std::string insertPngText(const std::string& png, const std::vector<std::pair<std::string, std::string>>& text) {
  requireSignature(png);
  // Walk the chunks to find IEND rather than searching bytes that may occur in image data.
  size_t at = 8;
  while (at + 12 <= png.size()) {
    const uint32_t length = readBe32(png, at);
    if (png.compare(at + 4, 4, "IEND") == 0) {
      std::string chunks;
      for (const auto& [key, value] : text) chunks += textChunk(key, value);
      return png.substr(0, at) + chunks + png.substr(at);
    }
    at += 12 + size_t(length);
  }
  throw Error("The PNG data has no IEND chunk.");
}

std::string encodePngWithText(const cv::Mat& image, const std::vector<std::pair<std::string, std::string>>& text) {
  std::vector<uchar> bytes;
  try {
    if (!cv::imencode(".png", image, bytes)) throw Error("Cannot encode the image as PNG.");
  } catch (const cv::Exception& e) {
    throw Error(std::string("Cannot encode the image as PNG: ") + e.what());
  }
  const std::string png(bytes.begin(), bytes.end());
  return text.empty() ? png : insertPngText(png, text);
}

std::vector<std::pair<std::string, std::string>> readPngText(const std::string& png) {
  requireSignature(png);
  std::vector<std::pair<std::string, std::string>> out;
  size_t at = 8;
  while (at + 12 <= png.size()) {
    const size_t length = readBe32(png, at);
    if (at + 12 + length > png.size()) throw Error("The PNG data is truncated.");
    if (crc32(png.data() + at + 4, length + 4) != readBe32(png, at + 8 + length))
      throw Error("A PNG chunk has a wrong CRC.");
    if (png.compare(at + 4, 4, "tEXt") == 0) {
      const std::string body = png.substr(at + 8, length);
      const size_t nul = body.find('\0');
      if (nul == std::string::npos) throw Error("A PNG tEXt chunk has no keyword separator.");
      out.emplace_back(body.substr(0, nul), body.substr(nul + 1));
    }
    if (png.compare(at + 4, 4, "IEND") == 0) return out;
    at += 12 + length;
  }
  throw Error("The PNG data has no IEND chunk.");
}

}  // namespace sds::media
