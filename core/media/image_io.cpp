#include "core/media/image_io.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <mutex>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/media/image_header.h"
#include "core/media/png_text.h"
#include "core/base/atomic_file.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::media {
namespace {

std::string lowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

// A file larger than this is not an image the pipelines take.
constexpr uint64_t kMaxImageFileBytes = 1ull << 30;

// Once per process: OpenCV's own pixel limit for the formats declaredImageSize
// does not read, and no OpenCV log lines before our one error line.
void limitDecoding() {
  static const bool done = [] {
    ::setenv("OPENCV_IO_MAX_IMAGE_PIXELS", std::to_string(kMaxImagePixels).c_str(), 0);
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    return true;
  }();
  (void)done;
}

// Runs `decode` with stderr sent to a temporary file: libpng and libtiff print
// their warnings and errors there themselves, several lines before ours. Returns
// the first line they printed, for folding into our one error line.
std::string withStderrCaptured(const std::function<void()>& decode) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::fflush(stderr);
  FILE* sink = std::tmpfile();
  const int saved = sink ? ::dup(2) : -1;
  if (saved < 0 || ::dup2(::fileno(sink), 2) < 0) {
    if (saved >= 0) ::close(saved);
    if (sink) std::fclose(sink);
    decode();
    return "";
  }
  const auto restore = [&] {
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
  };
  try {
    decode();
  } catch (...) {
    restore();
    std::fclose(sink);
    throw;
  }
  restore();
  char line[512] = {0};
  std::rewind(sink);
  if (!std::fgets(line, sizeof line, sink)) line[0] = '\0';
  std::fclose(sink);
  std::string text(line);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// cv::imread applies the EXIF orientation for every flag set except IMREAD_UNCHANGED,
// so ANYDEPTH | ANYCOLOR keeps 16-bit and float data and still turns the photo upright.
cv::Mat readFile(const std::string& path, int flags, const char* what) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error("Cannot open " + std::string(what) + " " + path + ": no such file.");
  if (std::filesystem::is_directory(path, ec))
    throw Error("Cannot open " + std::string(what) + " " + path + ": it is a folder.");
  limitDecoding();
  // Regular files only (a FIFO would block), and the header's size checked
  // before the decoder allocates for it.
  const std::string bytes = readRegularFile(path, kMaxImageFileBytes, what);
  if (!imageFormatOf(bytes))
    throw Error("Cannot open " + std::string(what) + " " + path + ": not an image format this program reads (" +
                readableImageFormats() + ").");
  if (const auto dims = declaredImageSize(bytes)) {
    // Divided, not multiplied: two 32-bit sides (a PNG's) overflow an int64 product (found by fuzz_image_decoding).
    if (dims->width > 0 && dims->height > 0 && dims->width > kMaxImagePixels / dims->height)
      throw Error("Cannot open " + std::string(what) + " " + path + ": its " + dims->format + " header declares " +
                  std::to_string(dims->width) + " x " + std::to_string(dims->height) + " pixels, more than the " +
                  std::to_string(kMaxImagePixels / 1000000) + " megapixels this program decodes.");
  }
  if (isTruncatedJpeg(bytes))
    throw Error("Cannot decode " + std::string(what) + " " + path + ": the JPEG data is truncated (no end-of-image marker).");
  cv::Mat m;
  std::string chatter;
  try {
    chatter = withStderrCaptured([&] { m = cv::imread(path, flags); });
  } catch (const cv::Exception& e) {
    throw Error("Cannot decode " + std::string(what) + " " + path + ": " + e.what());
  }
  if (m.empty())
    throw Error("Cannot decode " + std::string(what) + " " + path + ": not an image file OpenCV can read" +
                (chatter.empty() ? std::string() : " (" + chatter + ")") + ".");
  // Float files (TIFF, EXR) can hold NaN or infinities, which would silently blank the output.
  if ((m.depth() == CV_32F || m.depth() == CV_64F) && !cv::checkRange(m))
    throw Error("Cannot use " + std::string(what) + " " + path + ": it holds NaN or infinite values.");
  return m;
}

}  // namespace

cv::Mat loadImage(const std::string& path) {
  return readFile(path, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR, "image");
}

cv::Mat readImageFile(const std::string& path, int imread_flags) { return readFile(path, imread_flags, "image"); }

cv::Mat loadDepthMap(const std::string& path) {
  cv::Mat m = readFile(path, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR, "depth map");
  if (m.channels() == 1) return m;
  if (m.depth() != CV_8U && m.depth() != CV_16U && m.depth() != CV_32F)
    throw Error("Cannot use depth map " + path + ": colour maps must be 8-bit, 16-bit or float.");
  cv::Mat grey;
  cv::cvtColor(m, grey, m.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  return grey;
}

cv::Mat toBgr8(const cv::Mat& image) {
  if (image.empty()) throw Error("The image is empty.");
  cv::Mat eight;
  switch (image.depth()) {
    case CV_8U: eight = image; break;
    case CV_16U: image.convertTo(eight, CV_8U, 1.0 / 257.0); break;
    case CV_32F: case CV_64F: image.convertTo(eight, CV_8U, 255.0); break;
    default: throw Error("Only 8-bit, 16-bit and float images are supported.");
  }
  switch (eight.channels()) {
    case 3: return eight;
    case 1: { cv::Mat bgr; cv::cvtColor(eight, bgr, cv::COLOR_GRAY2BGR); return bgr; }
    case 4: { cv::Mat bgr; cv::cvtColor(eight, bgr, cv::COLOR_BGRA2BGR); return bgr; }
    default: throw Error("Images with " + std::to_string(eight.channels()) + " channels are not supported.");
  }
}

std::string encodeImage(const std::string& path, const cv::Mat& image, const TextChunks& text, int jpeg_quality) {
  const std::string ext = lowerExtension(path);
  static const char* known[] = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"};
  if (std::find(std::begin(known), std::end(known), ext) == std::end(known))
    throw Error("Cannot write " + path + ": unknown image type '" + ext + "' (use .png, .jpg, .tif, .bmp or .webp).");
  if (ext == ".png") return encodePngWithText(image, text);
  std::vector<int> params;
  if (ext == ".jpg" || ext == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, jpeg_quality};
  std::vector<uchar> bytes;
  try {
    if (!cv::imencode(ext, image, bytes, params)) throw Error("Cannot encode " + path + ".");
  } catch (const cv::Exception& e) {
    throw Error("Cannot encode " + path + ": " + e.what());
  }
  return std::string(bytes.begin(), bytes.end());
}

void writeImageAtomic(const std::string& path, const cv::Mat& image, const TextChunks& text, int jpeg_quality) {
  writeFileAtomic(path, encodeImage(path, image, text, jpeg_quality));
}

cv::Mat mapTo16Bit(const cv::Mat& map) {
  if (map.empty() || map.channels() != 1) throw Error("A depth map to export must have one channel.");
  cv::Mat f;
  map.convertTo(f, CV_64F);
  double lo = 0, hi = 0;
  cv::minMaxLoc(f, &lo, &hi);
  cv::Mat out;
  if (hi > lo)
    f.convertTo(out, CV_16U, 65535.0 / (hi - lo), -lo * 65535.0 / (hi - lo));
  else
    out = cv::Mat::zeros(map.size(), CV_16U);
  return out;
}

}  // namespace sds::media
