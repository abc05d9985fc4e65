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

void checkAnaglyphFormat(const std::string& name) {
  if (media::parseStereoFormat(name) < media::StereoFormat::AnaglyphTrue)
    throw Error("--anaglyph needs one of the anaglyph formats, got '" + name + "'.");
}

const std::vector<std::string>& stereoOutputNames() {
  static const std::vector<std::string> names = {"left.png",       "right.png",      "sbs.png",     "anaglyph.png",
                                                 "disparity.png",  "disparity.tiff", "params.json", "diffusion",
                                                 "right_filled_mask.png"};
  return names;
}

std::vector<std::string> writeStereoFiles(const std::filesystem::path& dir, const StereoOutputs& o) {
  std::filesystem::create_directories(dir);
  const media::TextChunks text = {{"parameters", o.params_json}};
  std::vector<std::string> written;
  const auto image = [&](const std::string& name, const cv::Mat& m) {
    media::writeImageAtomic((dir / name).string(), m, text);
    written.push_back(name);
  };
  image("left.png", o.left);
  image("right.png", o.right);
  image("sbs.png", media::composeStereo(o.left, o.right, media::StereoFormat::SbsParallel));
  image("anaglyph.png", media::composeStereo(o.left, o.right, media::parseStereoFormat(o.anaglyph)));
  if (!o.disparity.empty()) {
    media::exportDepthPng16((dir / "disparity.png").string(), o.disparity, o.params_json);
    written.push_back("disparity.png");
    image("disparity.tiff", o.disparity);  // exact float32: feeding it back reproduces the pair
  }
  writeFileAtomic((dir / "params.json").string(), o.params_json + "\n");
  written.push_back("params.json");
  return written;
}

void printWritten(const std::filesystem::path& dir, const std::vector<std::string>& names) {
  for (const auto& name : names) std::cout << "wrote " << (dir / name).string() << "\n";
}

void writeStereoOutputs(const std::filesystem::path& dir, const StereoOutputs& o) {
  AtomicFolder folder(dir.string(), stereoOutputNames());
  const auto names = writeStereoFiles(folder.staging(), o);
  folder.commit();
  printWritten(dir, names);
}

}  // namespace sds::cli
