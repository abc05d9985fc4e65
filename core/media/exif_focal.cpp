#include "core/media/exif_focal.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>

namespace sds::media {
namespace {

// A TIFF structure inside one APP1 payload: offsets are relative to its
// byte-order field; every read is checked against the payload's end.
class TiffView {
 public:
  TiffView(const std::string& bytes, size_t begin, size_t end) : b_(bytes), begin_(begin), end_(end) {}

  bool open() {
    if (!fits(0, 8)) return false;
    if (b_.compare(begin_, 4, std::string("MM\0\x2A", 4)) == 0) big_ = true;
    else if (b_.compare(begin_, 4, std::string("II\x2A\0", 4)) == 0) big_ = false;
    else return false;
    return true;
  }
  bool fits(uint64_t off, uint64_t n) const { return off <= end_ - begin_ && n <= end_ - begin_ - off; }
  std::optional<uint32_t> u16(uint64_t off) const {
    if (!fits(off, 2)) return std::nullopt;
    const uint32_t a = uint8_t(b_[begin_ + off]), b = uint8_t(b_[begin_ + off + 1]);
    return big_ ? (a << 8 | b) : (b << 8 | a);
  }
  std::optional<uint32_t> u32(uint64_t off) const {
    const auto hi = u16(big_ ? off : off + 2), lo = u16(big_ ? off + 2 : off);
    if (!hi || !lo) return std::nullopt;
    return *hi << 16 | *lo;
  }

  // The value of `tag` in the IFD at `ifd` as a number (SHORT, LONG or
  // RATIONAL, first of its count); nullopt when absent or malformed.
  std::optional<double> number(uint32_t ifd, uint32_t tag) const {
    const auto count = u16(ifd);
    if (!count || !fits(ifd, 2 + uint64_t(*count) * 12)) return std::nullopt;
    for (uint32_t i = 0; i < *count; ++i) {
      const uint64_t e = uint64_t(ifd) + 2 + 12 * uint64_t(i);
      if (*u16(e) != tag) continue;
      const uint32_t type = *u16(e + 2);
      const auto n = u32(e + 4);
      if (!n || *n == 0) return std::nullopt;
      if (type == 3) return u16(e + 8).value();  // SHORT, inline
      if (type == 4) return double(*u32(e + 8));  // LONG, inline
      if (type == 5) {                             // RATIONAL: two LONGs at an offset
        const auto at = u32(e + 8);
        if (!at) return std::nullopt;
        const auto num = u32(*at), den = u32(uint64_t(*at) + 4);
        if (!num || !den || *den == 0) return std::nullopt;
        return double(*num) / double(*den);
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

 private:
  const std::string& b_;
  size_t begin_, end_;
  bool big_ = true;
};

// [begin, end) of the TIFF structure of the first APP1 "Exif\0\0" segment.
std::optional<std::pair<size_t, size_t>> findExif(const std::string& f) {
  if (f.size() < 4 || uint8_t(f[0]) != 0xFF || uint8_t(f[1]) != 0xD8) return std::nullopt;
  size_t at = 2;
  while (at + 4 <= f.size() && uint8_t(f[at]) == 0xFF) {
    const uint8_t marker = uint8_t(f[at + 1]);
    if (marker == 0xDA || marker == 0xD9) break;  // scan data or end: no more headers
    if (marker == 0xFF) {  // fill byte before a marker
      ++at;
      continue;
    }
    const size_t length = size_t(uint8_t(f[at + 2])) << 8 | uint8_t(f[at + 3]);
    if (length < 2 || at + 2 + length > f.size()) return std::nullopt;  // runs past the data we have
    if (marker == 0xE1 && length >= 8 + 6 && f.compare(at + 4, 6, std::string("Exif\0\0", 6)) == 0)
      return std::make_pair(at + 10, at + 2 + length);
    at += 2 + length;
  }
  return std::nullopt;
}

// px per mm from a resolution and its FocalPlaneResolutionUnit.
double perMm(double resolution, double unit) {
  if (unit == 2) return resolution / 25.4;  // inch (the default)
  if (unit == 3) return resolution / 10.0;  // cm
  if (unit == 4) return resolution;         // mm
  if (unit == 5) return resolution * 1000;  // um
  return 0;                                 // none / unknown: no physical scale
}

bool plausible(double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; }

}  // namespace

std::optional<ExifFocalLength> parseExifFocalLength(const std::string& jpeg) {
  const auto segment = findExif(jpeg);
  if (!segment) return std::nullopt;
  TiffView tiff(jpeg, segment->first, segment->second);
  if (!tiff.open()) return std::nullopt;
  const auto ifd0 = tiff.u32(4);
  if (!ifd0) return std::nullopt;
  const auto exif_ifd = tiff.number(*ifd0, 0x8769);  // ExifIFDPointer
  if (!exif_ifd || *exif_ifd <= 0 || *exif_ifd > 0xFFFFFFFFu) return std::nullopt;
  const uint32_t ifd = uint32_t(*exif_ifd);
  ExifFocalLength out;
  out.focal_mm = tiff.number(ifd, 0x920A).value_or(0);
  out.focal_35mm = tiff.number(ifd, 0xA405).value_or(0);
  if (const auto res = tiff.number(ifd, 0xA20E))
    out.plane_px_per_mm = perMm(*res, tiff.number(ifd, 0xA210).value_or(2));
  out.pixel_x_dimension = tiff.number(ifd, 0xA002).value_or(0);
  // Values no camera writes are treated as absent.
  if (!plausible(out.focal_mm, 0.1, 5000)) out.focal_mm = 0;
  if (!plausible(out.focal_35mm, 1, 10000)) out.focal_35mm = 0;
  if (!plausible(out.plane_px_per_mm, 1, 1e6)) out.plane_px_per_mm = 0;
  if (!plausible(out.pixel_x_dimension, 1, 1e6)) out.pixel_x_dimension = 0;
  if (out.focal_mm == 0 && out.focal_35mm == 0) return std::nullopt;
  return out;
}

PhotoFocal photoFocal(const ExifFocalLength& exif, int width, int height) {
  PhotoFocal f;
  f.focal_35mm = exif.focal_35mm;
  f.focal_mm = exif.focal_mm;
  if (width <= 0 || height <= 0) return f;
  if (exif.focal_35mm > 0) {
    f.source = PhotoFocal::Source::Exif35mm;
    f.focal_px = exif.focal_35mm / 36.0 * double(std::max(width, height));
  } else if (exif.focal_mm > 0 && exif.plane_px_per_mm > 0) {
    f.source = PhotoFocal::Source::ExifFocalPlane;
    const double scale = exif.pixel_x_dimension > 0 ? double(width) / exif.pixel_x_dimension : 1.0;
    f.focal_px = exif.focal_mm * exif.plane_px_per_mm * scale;
  }
  return f;
}

PhotoFocal readPhotoFocal(const std::string& path, int width, int height) {
  constexpr std::streamsize kHead = 256 * 1024;  // EXIF sits in the first segments
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::string head(size_t(kHead), '\0');
  in.read(head.data(), kHead);
  head.resize(size_t(std::max<std::streamsize>(0, in.gcount())));
  const auto exif = parseExifFocalLength(head);
  return exif ? photoFocal(*exif, width, height) : PhotoFocal{};
}

std::string describePhotoFocal(const PhotoFocal& f) {
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(1);
  switch (f.source) {
    case PhotoFocal::Source::Exif35mm: o << f.focal_px << " px (EXIF: " << f.focal_35mm << " mm equiv.)"; break;
    case PhotoFocal::Source::ExifFocalPlane:
      o << f.focal_px << " px (EXIF: " << f.focal_mm << " mm and the focal-plane resolution)";
      break;
    default: o << "none in EXIF"; break;
  }
  return o.str();
}

}  // namespace sds::media
