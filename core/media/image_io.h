// Reading and writing image files for the CLI and the studio: clear errors,
// 8/16-bit and float TIFF, EXIF orientation, atomic writes.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

namespace sds::media {

using TextChunks = std::vector<std::pair<std::string, std::string>>;  // PNG tEXt keyword -> text

// A photo: grey, BGR or BGRA at its own depth (8/16-bit, float), EXIF orientation
// applied. Throws sds::Error naming the file when it is missing or undecodable.
cv::Mat loadImage(const std::string& path);

// cv::imread(path, imread_flags) behind loadImage's checks (a regular file of a
// format this program reads, the header's pixel count, a truncated JPEG, NaN):
// for callers that must decode exactly as OpenCV's flags say (`compare`, the
// metrics references). Throws sds::Error naming the file.
cv::Mat readImageFile(const std::string& path, int imread_flags);

// A depth, inverse-depth or disparity map: one channel at its own depth (8/16-bit
// PNG, float TIFF, ...); colour files are converted to grey. Throws sds::Error.
cv::Mat loadDepthMap(const std::string& path);

// Any grey/BGR/BGRA image of depth 8/16-bit or float (0..1) -> CV_8UC3 BGR.
cv::Mat toBgr8(const cv::Mat& image);

// Encodes by the path's extension (.png .jpg .jpeg .tif .tiff .bmp .webp); PNGs
// carry `text` as tEXt chunks. Throws sds::Error on an unknown extension.
std::string encodeImage(const std::string& path, const cv::Mat& image, const TextChunks& text = {},
                        int jpeg_quality = 95);

// encodeImage + writeFileAtomic: the target is either the complete new file or untouched.
void writeImageAtomic(const std::string& path, const cv::Mat& image, const TextChunks& text = {},
                      int jpeg_quality = 95);

// A map as a 16-bit single-channel image: values min..max -> 0..65535 (near =
// bright for disparity / inverse depth); a constant map becomes 0.
cv::Mat mapTo16Bit(const cv::Mat& map);

}  // namespace sds::media
