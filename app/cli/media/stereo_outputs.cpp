#include "app/cli/media/stereo_outputs.h"

#include <iostream>

#include "core/media/image_io.h"
#include "core/media/stereo_export.h"
#include "core/media/stereo_formats.h"
#include "core/base/atomic_file.h"
#include "core/base/error.h"

namespace sds::cli {

void checkAnaglyphFormat(const std::string& name) {
  if (media::parseStereoFormat(name) < media::StereoFormat::AnaglyphTrue)
    throw Error("--anaglyph needs one of the anaglyph formats, got '" + name + "'.");
}

void writeStereoOutputs(const std::filesystem::path& dir, const StereoOutputs& o) {
  std::filesystem::create_directories(dir);
  const media::TextChunks text = {{"parameters", o.params_json}};
  const auto image = [&](const std::string& name, const cv::Mat& m) {
    media::writeImageAtomic((dir / name).string(), m, text);
    std::cout << "wrote " << (dir / name).string() << "\n";
  };
  image("left.png", o.left);
  image("right.png", o.right);
  image("sbs.png", media::composeStereo(o.left, o.right, media::StereoFormat::SbsParallel));
  image("anaglyph.png", media::composeStereo(o.left, o.right, media::parseStereoFormat(o.anaglyph)));
  if (!o.disparity.empty()) {
    media::exportDepthPng16((dir / "disparity.png").string(), o.disparity, o.params_json);
    std::cout << "wrote " << (dir / "disparity.png").string() << "\n";
    image("disparity.tiff", o.disparity);  // exact float32: feeding it back reproduces the pair
  }
  writeFileAtomic((dir / "params.json").string(), o.params_json + "\n");
  std::cout << "wrote " << (dir / "params.json").string() << "\n";
}

}  // namespace sds::cli
