// MPO (CIPA DC-007 Multi-Picture Format) stereo files, as 3D cameras and the
// Nintendo 3DS write and read them: two baseline JPEGs back to back, the first
// carrying an APP2 "MPF" segment with the MP Index IFD (version, number of
// images, MP Entry list with types, sizes and offsets), each carrying an MP
// Attribute IFD with its individual image number.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace sds::media {

constexpr uint32_t kMpTypeBaselinePrimary = 0x030000;
constexpr uint32_t kMpTypeDisparity = 0x020002;
constexpr uint32_t kMpFlagRepresentative = 0x20000000;

// left, right: CV_8UC3 BGR. The left view is the first (representative) image.
std::string encodeMpo(const cv::Mat& left, const cv::Mat& right, int jpeg_quality = 95);

struct MpoEntry {
  uint32_t attribute = 0;  // flags (bits 31..27), format (26..24, 0 = JPEG), MP type (23..0)
  uint32_t size = 0;       // bytes of the individual image
  uint32_t offset = 0;     // from the first image's MP endian field; 0 for the first image
  uint32_t type() const { return attribute & 0xFFFFFF; }
};

struct MpoInfo {
  std::string version;               // MPFVersion, "0100"
  uint32_t number_of_images = 0;     // NumberOfImages
  std::vector<MpoEntry> entries;     // MP Entry list
  std::vector<size_t> image_starts;  // file offset of every image's SOI
  std::vector<uint32_t> individual_numbers;  // MPIndividualNum of every image's MP Attribute IFD
};

// Parses and checks the structure (both SOIs where the entries say, sizes within
// the file). Throws sds::Error naming what is wrong.
MpoInfo parseMpo(const std::string& bytes);

// The decoded images of an MPO (BGR), in entry order.
std::vector<cv::Mat> decodeMpo(const std::string& bytes);

}  // namespace sds::media
