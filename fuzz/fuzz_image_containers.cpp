// libFuzzer target: the byte-level image parsers that run before any decoder:
// PNG text chunks, MPO structure, the header sniffing (size, truncated JPEG) and
// the EXIF focal length.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/media/exif_focal.h"
#include "core/media/image_header.h"
#include "core/media/mpo.h"
#include "core/media/png_text.h"
#include "core/base/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try { sds::media::readPngText(bytes); } catch (const sds::Error&) {}
  try { sds::media::insertPngText(bytes, {{"parameters", "{}"}}); } catch (const sds::Error&) {}
  try { sds::media::parseMpo(bytes); } catch (const sds::Error&) {}
  (void)sds::media::declaredImageSize(bytes);
  (void)sds::media::isTruncatedJpeg(bytes);
  (void)sds::media::parseExifFocalLength(bytes);  // never throws
  return 0;
}
