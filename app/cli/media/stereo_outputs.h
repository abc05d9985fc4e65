// The files every generating command writes into its output folder: left and
// right views, side-by-side, anaglyph, the disparity map (16-bit PNG preview
// and exact float TIFF) and params.json; every image carries the parameters in
// its PNG text chunk "parameters". All writes are atomic.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "app/cli/options.h"

namespace sds::cli {

struct StereoOutputs {
  cv::Mat left, right;  // CV_8UC3 BGR, the same size
  cv::Mat disparity;    // CV_32FC1, near = large; empty: not written
  std::string params_json;
  std::string anaglyph = "anaglyph-dubois";  // one of the anaglyph formats of media::parseStereoFormat
};

// Writes the set into `dir` as a whole (AtomicFolder: an interrupted run leaves
// the old set or nothing, never a mix); prints each file written. An existing
// `dir` may hold only an earlier run's outputs (see stereoOutputNames()).
void writeStereoOutputs(const std::filesystem::path& dir, const StereoOutputs& outputs);

// Writes the files of the set into the existing folder `dir` (a staging folder),
// returning their names. For commands that add more files to the same folder.
std::vector<std::string> writeStereoFiles(const std::filesystem::path& dir, const StereoOutputs& outputs);

// Every name a generating command writes into its output folder (an earlier
// run's outputs, which a new run may replace).
const std::vector<std::string>& stereoOutputNames();

// Prints "wrote <dir>/<name>" for each name.
void printWritten(const std::filesystem::path& dir, const std::vector<std::string>& names);

// The declaration of --anaglyph FMT (the format of the set's anaglyph.png).
Option anaglyphOption();

// Throws sds::Error unless `name` is an anaglyph format.
void checkAnaglyphFormat(const std::string& name);

}  // namespace sds::cli
