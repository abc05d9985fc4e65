#include "app/cli/media/stereo_outputs.h"

#include <iostream>

#include "core/media/image_io.h"
#include "core/media/stereo_export.h"
#include "core/media/stereo_formats.h"
#include "core/base/atomic_file.h"
#include "core/base/error.h"

namespace sds::cli {

Option anaglyphOption() {
  return {"anaglyph", "FMT", "anaglyph-dubois (default), anaglyph-color, anaglyph-half-color, anaglyph-gray, ..."};
}

std::string anaglyphChoice(const Args& a) {
  const std::string name = a.get("anaglyph", "anaglyph-dubois");
  if (media::parseStereoFormat(name) < media::StereoFormat::AnaglyphTrue)
    throw Error("--anaglyph needs one of the anaglyph formats, got '" + name + "'.");
  return name;
}

const std::vector<std::string>& stereoOutputNames() {
  static const std::vector<std::string> names = {"left.png",       "right.png",      "sbs.png",     "anaglyph.png",
                                                 "disparity.png",  "disparity.tiff", "params.json", "diffusion",
                                                 "right_filled_mask.png"};
  return names;
}

namespace {

// Writes one set into the existing folder `dir` (a staging folder): the views,
// side by side, the anaglyph, the disparity (16-bit PNG preview and exact
// float TIFF; none when empty) and params.json, every image carrying the
// record in its PNG text "parameters". Returns the names written.
std::vector<std::string> writeSet(const std::filesystem::path& dir, const cv::Mat& left, const cv::Mat& right,
                                  const cv::Mat& disparity, const std::string& json, const std::string& anaglyph) {
  std::filesystem::create_directories(dir);
  const media::TextChunks text = {{"parameters", json}};
  std::vector<std::string> written;
  const auto image = [&](const std::string& name, const cv::Mat& m) {
    media::writeImageAtomic((dir / name).string(), m, text);
    written.push_back(name);
  };
  image("left.png", left);
  image("right.png", right);
  image("sbs.png", media::composeStereo(left, right, media::StereoFormat::SbsParallel));
  image("anaglyph.png", media::composeStereo(left, right, media::parseStereoFormat(anaglyph)));
  if (!disparity.empty()) {
    media::exportDepthPng16((dir / "disparity.png").string(), disparity, json);
    written.push_back("disparity.png");
    image("disparity.tiff", disparity);  // exact float32: feeding it back reproduces the pair
  }
  writeFileAtomic((dir / "params.json").string(), json + "\n");
  written.push_back("params.json");
  return written;
}

void printWritten(const std::filesystem::path& dir, const std::vector<std::string>& names) {
  for (const auto& name : names) std::cout << "wrote " << (dir / name).string() << "\n";
}

}  // namespace

void writeGenerationOutputs(const std::filesystem::path& dir, const media::GenerationResult& r,
                            const std::string& anaglyph) {
  AtomicFolder folder(dir.string(), stereoOutputNames());
  const std::filesystem::path staging = folder.staging();
  const auto names = writeSet(staging, r.left, r.right, r.disparity, r.params_json, anaglyph);
  std::vector<std::string> diffusion_names;
  const bool composed = !r.right_filled.empty();
  if (composed) {
    const media::DiffusionPair& d = r.diffusion;
    diffusion_names = writeSet(staging / "diffusion", d.left, d.right, d.disparity, r.params_json, anaglyph);
    media::writeImageAtomic((staging / "right_filled_mask.png").string(), r.right_filled);
  }
  folder.commit();
  printWritten(dir, names);
  if (composed) {
    printWritten(dir / "diffusion", diffusion_names);
    printWritten(dir, {"right_filled_mask.png"});
  }
}

}  // namespace sds::cli
