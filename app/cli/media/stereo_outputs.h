// The files every generating command writes into its output folder: left and
// right views, side-by-side, anaglyph, the disparity map (16-bit PNG preview
// and exact float TIFF) and params.json; every image carries the parameters in
// its PNG text chunk "parameters". All writes are atomic.
#pragma once
#include <filesystem>
#include <string>

#include <opencv2/core.hpp>

namespace sds::cli {

struct StereoOutputs {
  cv::Mat left, right;  // CV_8UC3 BGR, the same size
  cv::Mat disparity;    // CV_32FC1, near = large; empty: not written
  std::string params_json;
  std::string anaglyph = "anaglyph-dubois";  // one of the anaglyph formats of media::parseStereoFormat
};

// Creates `dir`; prints each file written.
void writeStereoOutputs(const std::filesystem::path& dir, const StereoOutputs& outputs);

// Throws sds::Error unless `name` is an anaglyph format.
void checkAnaglyphFormat(const std::string& name);

}  // namespace sds::cli
