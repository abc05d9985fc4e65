// What an image file's header promises, read before any pixel is decoded, so a
// tiny file that declares a huge picture (a "PNG bomb") is refused before the
// decoder allocates for it, and a JPEG cut off mid-scan is refused instead of
// being decoded with a grey bottom half.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace sds::media {

// Decoding limit: 8192 x 8192 (64 MP, far above any photo the pipelines use and
// well below OpenCV's own 2^30 default). Also given to OpenCV for formats not
// sniffed here (OPENCV_IO_MAX_IMAGE_PIXELS).
constexpr int64_t kMaxImagePixels = int64_t(8192) * 8192;

struct ImageDimensions {
  const char* format;  // "PNG", "JPEG", "BMP"
  int64_t width = 0;
  int64_t height = 0;
};

// The format an image file's first bytes name, among those this program reads:
// "PNG", "JPEG", "TIFF", "BMP", "WebP", "PNM" (PBM/PGM/PPM/PAM/PFM) or
// "OpenEXR"; nullptr for anything else. OpenCV picks its decoder by these bytes,
// not by the file's name, and some of its decoders (DICOM through GDCM, found
// by fuzz_image_decoding) abort the process on a malformed file instead of
// failing: only files that name one of these formats reach it.
const char* imageFormatOf(const std::string& bytes);

// The formats imageFormatOf accepts, for messages: "PNG, JPEG, TIFF, ...".
const char* readableImageFormats();

// The width and height declared by a PNG (IHDR), JPEG (first SOF marker) or BMP
// header; nullopt for other formats or when the header is not there.
std::optional<ImageDimensions> declaredImageSize(const std::string& bytes);

// True for a JPEG whose first image has no end-of-image marker after its scan
// data: the file was cut off (libjpeg only warns and pads with grey).
bool isTruncatedJpeg(const std::string& bytes);

}  // namespace sds::media
