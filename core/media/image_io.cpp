#include "core/media/image_io.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/media/png_text.h"
#include "core/base/atomic_file.h"
#include "core/base/error.h"

namespace sds::media {
namespace {

std::string lowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

// cv::imread applies the EXIF orientation for every flag set except IMREAD_UNCHANGED,
// so ANYDEPTH | ANYCOLOR keeps 16-bit and float data and still turns the photo upright.
cv::Mat readFile(const std::string& path, int flags, const char* what) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error("Cannot open " + std::string(what) + " " + path + ": no such file.");
  if (std::filesystem::is_directory(path, ec))
    throw Error("Cannot open " + std::string(what) + " " + path + ": it is a folder.");
  cv::Mat m;
  try {
    m = cv::imread(path, flags);
  } catch (const cv::Exception& e) {
    throw Error("Cannot decode " + std::string(what) + " " + path + ": " + e.what());
  }
  if (m.empty())
    throw Error("Cannot decode " + std::string(what) + " " + path + ": not an image file OpenCV can read.");
  return m;
}

}  // namespace

cv::Mat loadImage(const std::string& path) {
  return readFile(path, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR, "image");
}

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
