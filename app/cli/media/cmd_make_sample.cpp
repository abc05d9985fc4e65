// `sdstereo make-sample`: writes the bundled sample scene (resources/sample).
#include <iostream>
#include <string>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "core/media/sample_scene.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

std::string sizeRange() {
  return std::to_string(media::kSampleMinSide) + ".." + std::to_string(media::kSampleMaxSide);
}

const OptionList& options() {
  static const OptionList list = {
      {"out", "DIR", "the folder the scene is written to (created)"},
      {"width", "W", "image width in pixels, " + sizeRange() + " (default 512)"},
      {"height", "H", "image height in pixels, " + sizeRange() + " (default 384)"},
      {"right-scale", "PCT",
       "also ray-cast the exact right view for a largest disparity of PCT % of the width\n"
       "(the camera moved by the matching baseline) to DIR/right.png, and the left view's\n"
       "disparity in pixels that it realises to DIR/disparity.tiff (float)"},
  };
  return list;
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  const std::string dir = a.required("out");
  const double right = a.number("right-scale", 0);
  if (a.has("right-scale") && !(right > 0 && right <= 50)) throw Error("--right-scale must be in (0, 50] percent.");
  media::writeSampleScene(dir, a.integerIn("width", 512, media::kSampleMinSide, media::kSampleMaxSide),
                           a.integerIn("height", 384, media::kSampleMinSide, media::kSampleMaxSide), right);
  std::cout << "wrote " << dir << "/image.png and " << dir << "/depth.png (16-bit inverse depth)\n";
  if (right > 0)
    std::cout << "wrote " << dir << "/right.png (the exact right view) and " << dir
              << "/disparity.tiff (its disparity in px, float)\n";
  return 0;
}

const CommandRegistration reg{
    {"make-sample", "write the sample scene (photo + exact inverse depth) to a folder",
     "Usage: sdstereo make-sample --out DIR [--width 512] [--height 384] [--right-scale PCT]\n\n"
     "Ray-casts the project's own sample scene (a tiled ground, spheres, a box, sky) and writes\n"
     "DIR/image.png and DIR/depth.png (16-bit inverse depth, near = bright).\n\n" +
         options().help(22) +
         "\nTry it with:\n"
         "  sdstereo depth2stereo --image DIR/image.png --depth DIR/depth.png --depth-kind inverse-depth \\\n"
         "      --format anaglyph-dubois --out anaglyph.png\n"
         "and, with --right-scale PCT, compare with the exact right view:\n"
         "  sdstereo depth2stereo --image DIR/image.png --depth DIR/depth.png --depth-kind inverse-depth \\\n"
         "      --scale PCT --convergence 0 --format right --out ours.png\n"
         "  sdstereo compare ours.png DIR/right.png --disparity DIR/disparity.tiff",
     &run}};

}  // namespace
}  // namespace sds::cli
