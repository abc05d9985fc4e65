#include "core/media/mpo.h"

#include <opencv2/imgcodecs.hpp>

#include "core/base/error.h"
#include "core/media/image_header.h"

namespace sds::media {
namespace {

// MP tags (CIPA DC-007 5.2).
constexpr uint16_t kTagVersion = 0xB000, kTagNumberOfImages = 0xB001, kTagEntry = 0xB002;
constexpr uint16_t kTagIndividualNum = 0xB101, kTagBaseViewpoint = 0xB204, kTagConvergence = 0xB205,
                   kTagBaseline = 0xB206;
constexpr uint16_t kLong = 4, kRational = 5, kUndefined = 7, kSRational = 10;

// Big-endian ("MM") TIFF-style writer; offsets are relative to the endian field.
struct BeBytes {
  std::string s;
  void u16(uint32_t v) { s.push_back(char(v >> 8)); s.push_back(char(v)); }
  void u32(uint32_t v) { u16(v >> 16); u16(v & 0xFFFF); }
  void entry(uint16_t tag, uint16_t type, uint32_t count, uint32_t value) { u16(tag); u16(type); u32(count); u32(value); }
  void entryBytes(uint16_t tag, const char (&v)[5]) { u16(tag); u16(kUndefined); u32(4); s.append(v, 4); }
};

// The MP Attribute IFD of individual image `number` at `at` (offset from the endian field).
std::string attributeIfd(uint32_t number, uint32_t at) {
  const uint32_t count = 5, values = at + 2 + 12 * count + 4;
  BeBytes b;
  b.u16(count);
  b.entryBytes(kTagVersion, "0100");
  b.entry(kTagIndividualNum, kLong, 1, number);
  b.entry(kTagBaseViewpoint, kLong, 1, 1);          // the left view is the base viewpoint
  b.entry(kTagConvergence, kSRational, 1, values);  // parallel cameras: 0 degrees
  b.entry(kTagBaseline, kRational, 1, values + 8);  // metres; a typical interocular distance
  b.u32(0);
  b.u32(0); b.u32(1);
  b.u32(65); b.u32(1000);
  return b.s;
}

std::string app2Segment(const std::string& payload) {
  const std::string body = std::string("MPF\0", 4) + payload;
  std::string seg = "\xFF\xE2";
  const size_t length = body.size() + 2;
  seg.push_back(char(length >> 8));
  seg.push_back(char(length & 0xFF));
  return seg + body;
}

// The MPF payload (endian field onwards) of the first image: MP Index IFD, its
// entries, then the first image's MP Attribute IFD.
std::string indexPayload(uint32_t size1, uint32_t size2, uint32_t offset2) {
  const uint32_t index_at = 8, entries_at = index_at + 2 + 3 * 12 + 4, attr_at = entries_at + 32;
  BeBytes b;
  b.s = std::string("MM\0\x2A", 4);
  b.u32(index_at);
  b.u16(3);
  b.entryBytes(kTagVersion, "0100");
  b.entry(kTagNumberOfImages, kLong, 1, 2);
  b.entry(kTagEntry, kUndefined, 32, entries_at);
  b.u32(attr_at);
  b.u32(kMpFlagRepresentative | kMpTypeBaselinePrimary); b.u32(size1); b.u32(0); b.u16(0); b.u16(0);
  b.u32(kMpTypeDisparity); b.u32(size2); b.u32(offset2); b.u16(0); b.u16(0);
  return b.s + attributeIfd(1, attr_at);
}

std::string secondPayload() {
  BeBytes b;
  b.s = std::string("MM\0\x2A", 4);
  b.u32(8);
  return b.s + attributeIfd(2, 8);
}

std::string jpeg(const cv::Mat& view, int quality) {
  if (view.empty() || view.type() != CV_8UC3) throw Error("MPO views must be 8-bit BGR images.");
  std::vector<uchar> bytes;
  if (!cv::imencode(".jpg", view, bytes, {cv::IMWRITE_JPEG_QUALITY, quality}))
    throw Error("Cannot encode a view as JPEG.");
  return std::string(bytes.begin(), bytes.end());
}

// Where the APP2 goes: after SOI and any APP0/APP1 (JFIF, Exif) segments.
size_t app2InsertPosition(const std::string& j) {
  size_t at = 2;
  while (at + 4 <= j.size() && uint8_t(j[at]) == 0xFF && (uint8_t(j[at + 1]) == 0xE0 || uint8_t(j[at + 1]) == 0xE1))
    at += 2 + (size_t(uint8_t(j[at + 2])) << 8 | uint8_t(j[at + 3]));
  return at;
}

std::string withApp2(const std::string& j, const std::string& payload) {
  const size_t at = app2InsertPosition(j);
  return j.substr(0, at) + app2Segment(payload) + j.substr(at);
}

}  // namespace

std::string encodeMpo(const cv::Mat& left, const cv::Mat& right, int quality) {
  const std::string j1 = jpeg(left, quality), j2 = jpeg(right, quality);
  const std::string second = withApp2(j2, secondPayload());
  // The first image's size does not depend on the values inside its payload.
  const size_t payload_size = indexPayload(0, 0, 0).size();
  const size_t endian_pos = app2InsertPosition(j1) + 4 + 4;  // marker, length, "MPF\0"
  const size_t size1 = j1.size() + 4 + 4 + payload_size;
  const std::string first = withApp2(j1, indexPayload(uint32_t(size1), uint32_t(second.size()),
                                                      uint32_t(size1 - endian_pos)));
  if (first.size() != size1) throw Error("Internal error while laying out the MPO file.");
  return first + second;
}

std::vector<cv::Mat> decodeMpo(const std::string& bytes) {
  const MpoInfo info = parseMpo(bytes);
  std::vector<cv::Mat> out;
  for (size_t i = 0; i < info.entries.size(); ++i) {
    const std::string entry = bytes.substr(info.image_starts[i], info.entries[i].size);
    // Only a JPEG reaches the decoder: OpenCV picks it by the bytes (imageFormatOf says why).
    if (imageFormatOf(entry) != std::string("JPEG"))
      throw Error("MPO image " + std::to_string(i + 1) + " is not a JPEG.");
    const std::vector<uchar> one(entry.begin(), entry.end());
    cv::Mat m = cv::imdecode(one, cv::IMREAD_COLOR);
    if (m.empty()) throw Error("MPO image " + std::to_string(i + 1) + " is not a decodable JPEG.");
    out.push_back(m);
  }
  return out;
}

}  // namespace sds::media
