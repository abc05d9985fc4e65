// Writing a stereo pair to disk in a viewer's format: a composed image (SBS,
// over-under, anaglyph, one view), separate left/right files, or an MPO. The
// parameters that made the image travel with it: a PNG tEXt chunk, and/or a
// side JSON file. Every write is atomic.
#pragma once
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/media/render_params.h"

namespace sds::media {

struct ExportRequest {
  std::string path;         // the file; for "separate" the name that -left / -right are added to
  std::string format;       // a StereoFormat name, "separate" or "mpo"
  std::string params_json;  // what made the image (may be empty)
  bool side_json = false;   // also write <path>.json (always written for non-PNG files when params_json is set)
  int jpeg_quality = 95;
};

// Every name ExportRequest::format accepts (the composed formats, then "separate", "mpo").
std::vector<std::string> exportFormatNames();

// Throws sds::Error on an unknown format, a bad extension (.mpo only for "mpo")
// or a failed write. Returns the paths written.
std::vector<std::string> exportStereo(const cv::Mat& left, const cv::Mat& right, const ExportRequest& request);

// A disparity / inverse-depth map as a 16-bit PNG (near = bright, min..max ->
// 0..65535); the tEXt chunk records the range so values can be restored.
void exportDepthPng16(const std::string& path, const cv::Mat& map, const std::string& params_json = {});

// The renderer's parameters as a JSON object string (plus free-form extras such
// as the input file names), for ExportRequest::params_json.
std::string paramsToJson(const RenderParams& params, const std::vector<std::pair<std::string, std::string>>& extra = {});

}  // namespace sds::media
