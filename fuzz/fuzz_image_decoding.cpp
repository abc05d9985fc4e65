// libFuzzer target: a photo or a depth map as the CLI and the studio open it
// (media::loadImage / loadDepthMap: the size checks on the declared header,
// the truncated-JPEG check, OpenCV's decoders, the NaN check, the conversion to
// 8-bit BGR or to one channel). The first byte picks the file: bit 0 a depth
// map (else a photo), bits 1-3 the extension (png jpg tif bmp webp pgm), as
// the file's name would tell OpenCV; the rest is the file.
// A clear sds::Error is a pass; a crash, a sanitizer report, a hang or a
// runaway allocation (-rss_limit_mb) is not.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/base/error.h"
#include "core/media/image_io.h"

namespace {

const char* const kExtensions[] = {"png", "jpg", "tif", "bmp", "webp", "pgm", "png", "png"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool depth = data[0] & 1;
  const std::string path = (std::filesystem::temp_directory_path() / ("sds-fuzz-decode-" + std::to_string(::getpid()) +
                                                                       "." + kExtensions[(data[0] >> 1) & 7]))
                               .string();
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data) + 1, long(size - 1));
  try {
    if (depth) {
      const cv::Mat map = sds::media::loadDepthMap(path);
      if (map.empty() || map.channels() != 1) std::abort();  // one channel, or an error
      (void)sds::media::mapTo16Bit(map);
    } else {
      const cv::Mat bgr = sds::media::toBgr8(sds::media::loadImage(path));
      if (bgr.empty() || bgr.type() != CV_8UC3) std::abort();  // 8-bit BGR, or an error
    }
  } catch (const sds::Error&) {
  }
  return 0;
}
