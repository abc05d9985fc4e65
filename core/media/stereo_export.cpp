#include "core/media/stereo_export.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include "core/media/image_io.h"
#include "core/media/mpo.h"
#include "core/media/stereo_formats.h"
#include "core/base/atomic_file.h"
#include "core/base/error.h"

namespace sds::media {
namespace {

constexpr const char* kParamsKey = "sdstereo-params";

std::string extensionOf(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

TextChunks pngText(const std::string& params_json) {
  TextChunks text{{"Software", std::string("sdstereo ") + SDSTEREO_VERSION}};
  if (!params_json.empty()) text.emplace_back(kParamsKey, params_json);
  return text;
}

// Writes one image file (+ side JSON when asked or when the format cannot hold text).
void writeOne(const std::string& path, const cv::Mat& image, const ExportRequest& r, std::vector<std::string>& written) {
  const bool png = extensionOf(path) == ".png";
  writeImageAtomic(path, image, png ? pngText(r.params_json) : TextChunks{}, r.jpeg_quality);
  written.push_back(path);
  if (!r.params_json.empty() && (r.side_json || !png)) {
    writeFileAtomic(path + ".json", r.params_json + "\n");
    written.push_back(path + ".json");
  }
}

std::string withSuffix(const std::string& path, const std::string& suffix) {
  const std::filesystem::path p(path);
  return (p.parent_path() / (p.stem().string() + suffix + p.extension().string())).string();
}

}  // namespace

std::vector<std::string> exportFormatNames() {
  std::vector<std::string> names;
  for (StereoFormat f : allStereoFormats()) names.push_back(toString(f));
  names.push_back("separate");
  names.push_back("mpo");
  return names;
}

std::vector<std::string> exportStereo(const cv::Mat& left, const cv::Mat& right, const ExportRequest& r) {
  if (r.path.empty()) throw Error("No output file was given.");
  std::vector<std::string> written;
  if (r.format == "mpo") {
    if (extensionOf(r.path) != ".mpo") throw Error("An MPO file must end in .mpo: " + r.path);
    if (left.type() != CV_8UC3 || right.type() != CV_8UC3 || left.size() != right.size())
      throw Error("An MPO needs two 8-bit BGR views of the same size.");
    writeFileAtomic(r.path, encodeMpo(left, right, r.jpeg_quality));
    written.push_back(r.path);
    if (!r.params_json.empty()) {
      writeFileAtomic(r.path + ".json", r.params_json + "\n");
      written.push_back(r.path + ".json");
    }
    return written;
  }
  if (extensionOf(r.path) == ".mpo") throw Error("Only --format mpo writes .mpo files: " + r.path);
  if (r.format == "separate") {
    writeOne(withSuffix(r.path, "-left"), left, r, written);
    writeOne(withSuffix(r.path, "-right"), right, r, written);
    return written;
  }
  writeOne(r.path, composeStereo(left, right, parseStereoFormat(r.format)), r, written);
  return written;
}

void exportDepthPng16(const std::string& path, const cv::Mat& map, const std::string& params_json) {
  if (extensionOf(path) != ".png") throw Error("A 16-bit depth map is written as PNG; the name must end in .png: " + path);
  double lo = 0, hi = 0;
  cv::minMaxLoc(map, &lo, &hi);
  std::ostringstream range;
  range.precision(9);
  range << lo << " " << hi;
  TextChunks text = pngText(params_json);
  text.emplace_back("sdstereo-map-range", range.str());  // value at 0 and at 65535
  writeImageAtomic(path, mapTo16Bit(map), text);
}

std::string paramsToJson(const RenderParams& p, const std::vector<std::pair<std::string, std::string>>& extra) {
  nlohmann::json j;
  j["renderer"] = "classical";
  j["depth_kind"] = toString(p.depth_kind);
  if (p.depth_kind != DepthKind::DisparityPx) {
    j["scale_percent"] = p.scale_percent;
    j["exponent"] = p.exponent;
  }
  switch (p.convergence_mode) {
    case render::ConvergenceMode::Fixed: j["convergence"] = p.convergence; break;
    case render::ConvergenceMode::Percentile: j["converge_percentile"] = p.converge_percentile; break;
    case render::ConvergenceMode::Default:
      if (p.depth_kind != DepthKind::DisparityPx) j["converge_percentile"] = p.converge_percentile;
      break;
  }
  if (p.max_disparity_percent > 0) j["max_disparity_percent"] = p.max_disparity_percent;
  j["edge_band_px"] = p.edge_band_px;
  j["edge_smoothing_px"] = p.edge_smoothing_px;
  j["views"] = p.view_mode == ViewMode::BothHalf ? "both" : "right-from-left";
  j["fill"] = toString(p.fill);
  if (p.fill == FillMode::Background) j["texture_fill"] = p.texture_fill;
  for (const auto& [key, value] : extra) j[key] = value;
  return j.dump();
}

}  // namespace sds::media
