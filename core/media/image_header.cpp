#include "core/media/image_header.h"

namespace sds::media {
namespace {

uint32_t be16(const std::string& b, size_t at) { return uint32_t(uint8_t(b[at])) << 8 | uint8_t(b[at + 1]); }
uint32_t be32(const std::string& b, size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }
int64_t le32s(const std::string& b, size_t at) {
  const uint32_t u = uint32_t(uint8_t(b[at])) | uint32_t(uint8_t(b[at + 1])) << 8 | uint32_t(uint8_t(b[at + 2])) << 16 |
                     uint32_t(uint8_t(b[at + 3])) << 24;
  return int64_t(int32_t(u));
}

bool isJpeg(const std::string& b) { return b.size() >= 3 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8; }

// SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
bool isStartOfFrame(uint8_t m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

// Walks the marker segments of the JPEG's header; calls `on(marker, at)` for each
// until it returns true. Returns the position of the first start-of-scan (or npos).
template <typename F>
size_t walkJpegHeader(const std::string& b, F on) {
  size_t at = 2;
  while (at + 4 <= b.size()) {
    if (uint8_t(b[at]) != 0xFF) { ++at; continue; }  // stray bytes between segments, as libjpeg skips them
    const uint8_t marker = uint8_t(b[at + 1]);
    if (marker == 0xFF) { ++at; continue; }  // fill byte
    if (marker == 0xDA) return at;
    if (marker == 0xD9) return std::string::npos;
    const size_t length = be16(b, at + 2);
    if (length < 2 || at + 2 + length > b.size()) return std::string::npos;
    if (on(marker, at)) return std::string::npos;
    at += 2 + length;
  }
  return std::string::npos;
}

}  // namespace

const char* imageFormatOf(const std::string& b) {
  const auto starts = [&](const char* magic, size_t n) { return b.size() >= n && b.compare(0, n, magic, n) == 0; };
  if (starts("\x89PNG\r\n\x1a\n", 8)) return "PNG";
  if (b.size() >= 3 && isJpeg(b) && uint8_t(b[2]) == 0xFF) return "JPEG";
  if (starts("II*\0", 4) || starts("MM\0*", 4) || starts("II+\0", 4) || starts("MM\0+", 4)) return "TIFF";
  if (starts("BM", 2)) return "BMP";
  if (b.size() >= 12 && starts("RIFF", 4) && b.compare(8, 4, "WEBP") == 0) return "WebP";
  if (b.size() >= 2 && b[0] == 'P' && ((b[1] >= '1' && b[1] <= '7') || b[1] == 'F' || b[1] == 'f')) return "PNM";
  if (starts("\x76\x2f\x31\x01", 4)) return "OpenEXR";
  return nullptr;
}

const char* readableImageFormats() { return "PNG, JPEG, TIFF, BMP, WebP, PNM/PFM or OpenEXR"; }

std::optional<ImageDimensions> declaredImageSize(const std::string& b) {
  static const char kPng[] = "\x89PNG\r\n\x1a\n";
  if (b.size() >= 24 && b.compare(0, 8, kPng, 8) == 0 && b.compare(12, 4, "IHDR") == 0)
    return ImageDimensions{"PNG", int64_t(be32(b, 16)), int64_t(be32(b, 20))};
  if (isJpeg(b)) {
    std::optional<ImageDimensions> found;
    walkJpegHeader(b, [&](uint8_t marker, size_t at) {
      if (!isStartOfFrame(marker) || at + 9 > b.size()) return false;
      found = ImageDimensions{"JPEG", int64_t(be16(b, at + 7)), int64_t(be16(b, at + 5))};
      return true;
    });
    return found;
  }
  if (b.size() >= 26 && b[0] == 'B' && b[1] == 'M') {
    // BITMAPINFOHEADER: signed width and height (negative height = top-down rows).
    const int64_t w = le32s(b, 18), h = le32s(b, 22);
    return ImageDimensions{"BMP", w < 0 ? -w : w, h < 0 ? -h : h};
  }
  return std::nullopt;
}

bool isTruncatedJpeg(const std::string& b) {
  if (!isJpeg(b)) return false;
  const size_t scan = walkJpegHeader(b, [](uint8_t, size_t) { return false; });
  if (scan == std::string::npos) return true;  // no scan at all: the header itself is cut off
  // Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker,
  // so FF D9 after the scan is the end-of-image marker.
  for (size_t at = scan + 2; at + 1 < b.size(); ++at)
    if (uint8_t(b[at]) == 0xFF && uint8_t(b[at + 1]) == 0xD9) return false;
  return true;
}

}  // namespace sds::media
