// Reading the MPF structure of an MPO file back (mpo.h), for checks and import.
#include <map>

#include "core/media/mpo.h"
#include "core/base/error.h"

namespace sds::media {
namespace {

// A TIFF-style view of one APP2 "MPF" payload (offsets from its endian field).
class MpfView {
 public:
  MpfView(const std::string& file, size_t endian_pos, size_t end) : f_(file), base_(endian_pos), end_(end) {
    if (end_ < base_ + 8) throw Error("MPO: the MPF segment is too short.");
    if (f_.compare(base_, 4, std::string("MM\0\x2A", 4)) == 0) big_ = true;
    else if (f_.compare(base_, 4, std::string("II\x2A\0", 4)) == 0) big_ = false;
    else throw Error("MPO: the MPF segment has no valid byte-order header.");
  }
  uint32_t u16(size_t off) const {
    check(off, 2);
    const uint32_t a = uint8_t(f_[base_ + off]), b = uint8_t(f_[base_ + off + 1]);
    return big_ ? (a << 8 | b) : (b << 8 | a);
  }
  uint32_t u32(size_t off) const {
    return big_ ? (u16(off) << 16 | u16(off + 2)) : (u16(off + 2) << 16 | u16(off));
  }
  std::string raw(size_t off, size_t n) const { check(off, n); return f_.substr(base_ + off, n); }

  struct Entry { uint16_t type; uint32_t count; size_t value_at; };
  // IFD at `off`: tag -> entry, and the next IFD's offset.
  std::map<uint16_t, Entry> ifd(size_t off, uint32_t* next) const {
    std::map<uint16_t, Entry> out;
    const uint32_t n = u16(off);
    for (uint32_t i = 0; i < n; ++i) {
      const size_t e = off + 2 + 12 * i;
      out[uint16_t(u16(e))] = {uint16_t(u16(e + 2)), u32(e + 4), e + 8};
    }
    if (next) *next = u32(off + 2 + 12 * n);
    return out;
  }

 private:
  void check(size_t off, size_t n) const {
    if (base_ + off + n > end_) throw Error("MPO: an MPF offset points outside its segment.");
  }
  const std::string& f_;
  size_t base_, end_;
  bool big_ = true;
};

// The endian-field position and end of the APP2 "MPF" segment of the JPEG at `soi`.
std::pair<size_t, size_t> findMpf(const std::string& f, size_t soi) {
  if (soi + 2 > f.size() || uint8_t(f[soi]) != 0xFF || uint8_t(f[soi + 1]) != 0xD8)
    throw Error("MPO: no JPEG start-of-image marker at byte " + std::to_string(soi) + ".");
  size_t at = soi + 2;
  while (at + 4 <= f.size() && uint8_t(f[at]) == 0xFF) {
    const uint8_t marker = uint8_t(f[at + 1]);
    if (marker == 0xDA || marker == 0xD9) break;  // start of scan / end of image: no more headers
    const size_t length = size_t(uint8_t(f[at + 2])) << 8 | uint8_t(f[at + 3]);
    // The length field is untrusted: a segment must fit in the file (and count its own 2 bytes).
    if (length < 2 || at + 2 + length > f.size())
      throw Error("MPO: a JPEG segment at byte " + std::to_string(at) + " runs past the end of the file (truncated?).");
    if (marker == 0xE2 && length >= 6 && f.compare(at + 4, 4, std::string("MPF\0", 4)) == 0) return {at + 8, at + 2 + length};
    at += 2 + length;
  }
  throw Error("MPO: the image at byte " + std::to_string(soi) + " has no APP2 MPF segment.");
}

uint32_t individualNumber(const MpfView& v, uint32_t attr_at) {
  const auto attr = v.ifd(attr_at, nullptr);
  const auto it = attr.find(0xB101);
  if (it == attr.end()) throw Error("MPO: an MP Attribute IFD has no MPIndividualNum.");
  return v.u32(it->second.value_at);
}

}  // namespace

MpoInfo parseMpo(const std::string& f) {
  MpoInfo info;
  const auto [endian, end] = findMpf(f, 0);
  const MpfView index(f, endian, end);
  uint32_t attr_at = 0;
  const auto tags = index.ifd(index.u32(4), &attr_at);
  for (uint16_t t : {0xB000, 0xB001, 0xB002})
    if (!tags.count(t)) throw Error("MPO: the MP Index IFD lacks tag " + std::to_string(t) + ".");
  info.version = index.raw(tags.at(0xB000).value_at, 4);
  info.number_of_images = index.u32(tags.at(0xB001).value_at);
  const auto& e = tags.at(0xB002);
  if (e.count != 16 * info.number_of_images) throw Error("MPO: the MP Entry size does not match the image count.");
  const uint32_t entries_at = index.u32(e.value_at);
  for (uint32_t i = 0; i < info.number_of_images; ++i) {
    const size_t at = entries_at + 16 * i;
    MpoEntry m{index.u32(at), index.u32(at + 4), index.u32(at + 8)};
    const size_t start = i == 0 ? 0 : endian + m.offset;
    if (start + m.size > f.size()) throw Error("MPO: image " + std::to_string(i + 1) + " runs past the end of the file.");
    info.entries.push_back(m);
    info.image_starts.push_back(start);
  }
  if (attr_at != 0) info.individual_numbers.push_back(individualNumber(index, attr_at));
  for (size_t i = 1; i < info.entries.size(); ++i) {
    const auto [e2, end2] = findMpf(f, info.image_starts[i]);
    const MpfView v(f, e2, end2);
    info.individual_numbers.push_back(individualNumber(v, v.u32(4)));
  }
  return info;
}

}  // namespace sds::media
