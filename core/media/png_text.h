// PNG files with tEXt chunks: OpenCV writes the PNG, we splice the chunks in
// before IEND (with their CRC), so parameters travel inside the image.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

namespace sds::media {

// Keywords: 1..79 Latin-1 characters, no NUL; text without NUL. Throws sds::Error.
std::string encodePngWithText(const cv::Mat& image, const std::vector<std::pair<std::string, std::string>>& text);

// Inserts tEXt chunks before the IEND chunk of an existing PNG byte string.
std::string insertPngText(const std::string& png, const std::vector<std::pair<std::string, std::string>>& text);

// Every tEXt chunk of a PNG, in file order; CRCs are checked. Throws sds::Error.
std::vector<std::pair<std::string, std::string>> readPngText(const std::string& png);

// The CRC-32 of PNG chunks (ISO 3309 / ITU-T V.42) over bytes.
uint32_t crc32(const void* data, size_t size, uint32_t crc = 0);

}  // namespace sds::media
