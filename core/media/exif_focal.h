// The camera's focal length from a JPEG's EXIF, for metric depth models
// (metres = focal_px x output / 300): OpenCV applies the EXIF orientation but
// exposes no tag, so the APP1 "Exif" segment is read here. The input is
// untrusted: every offset is checked against the segment, nothing is allocated
// from a size in the file, and anything malformed reads as "no EXIF".
#pragma once
#include <optional>
#include <string>

namespace sds::media {

// The focal-length tags of the Exif IFD (0 = absent).
struct ExifFocalLength {
  double focal_mm = 0;          // FocalLength (0x920A)
  double focal_35mm = 0;        // FocalLengthIn35mmFilm (0xA405)
  double plane_px_per_mm = 0;   // FocalPlaneXResolution (0xA20E) over FocalPlaneResolutionUnit (0xA210)
  double pixel_x_dimension = 0; // PixelXDimension (0xA002): the width the plane resolution refers to
};

// nullopt when `jpeg` has no readable EXIF with a focal-length tag.
std::optional<ExifFocalLength> parseExifFocalLength(const std::string& jpeg);

// A photo's focal length in pixels at its displayed size (width x height,
// after the EXIF orientation), and where it came from.
struct PhotoFocal {
  enum class Source { None, Exif35mm, ExifFocalPlane };
  Source source = Source::None;
  double focal_px = 0;    // 0 with Source::None: use the field of view
  double focal_35mm = 0;  // the 35 mm equivalent, when the file states it
  double focal_mm = 0;
};

// FocalLengthIn35mmFilm: focal_px = f35 / 36 x the long side (a 35 mm frame is
// 36 mm along its long side, so a portrait photo is measured the same way);
// else FocalLength x FocalPlaneXResolution (scaled from PixelXDimension to the
// photo's width when the file states it).
PhotoFocal photoFocal(const ExifFocalLength& exif, int width, int height);

// The same from an image file (only its first 256 KiB are read); Source::None
// when it has no usable EXIF or cannot be read. Never throws.
PhotoFocal readPhotoFocal(const std::string& path, int width, int height);

// For the command line: "1234.5 px (EXIF: 26 mm equiv.)" or "none in EXIF".
std::string describePhotoFocal(const PhotoFocal& focal);

}  // namespace sds::media
