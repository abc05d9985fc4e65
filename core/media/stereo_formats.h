// Compositing a stereo pair into the formats stereo viewers expect, and their
// export (atomic writes; parameters stored with the file).
#pragma once
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace sds::media {

enum class StereoFormat {
  Left, Right,                  // one view
  SbsParallel, SbsCross,        // full side-by-side (left|right, right|left)
  HalfSbs, OverUnder, HalfOverUnder,
  AnaglyphTrue, AnaglyphGray, AnaglyphColor, AnaglyphHalfColor, AnaglyphDubois,  // red-cyan
};

// "left" "right" "sbs" "sbs-cross" "hsbs" "ou" "hou" "anaglyph-true" "anaglyph-gray"
// "anaglyph-color" "anaglyph-half-color" "anaglyph-dubois"; throws sds::Error.
StereoFormat parseStereoFormat(const std::string& s);
std::string toString(StereoFormat f);
std::vector<StereoFormat> allStereoFormats();

// left, right: CV_8UC3 BGR of the same size.
cv::Mat composeStereo(const cv::Mat& left, const cv::Mat& right, StereoFormat format);

}  // namespace sds::media
