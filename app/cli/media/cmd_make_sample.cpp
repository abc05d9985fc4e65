// `sdstereo make-sample`: writes the bundled sample scene (resources/sample).
#include <iostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "core/media/sample_scene.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

int run(const std::vector<std::string>& argv) {
  const Args a(argv, {"out", "width", "height"}, {});
  if (!a.positional().empty()) throw Error("Unexpected argument '" + a.positional().front() + "' (see --help).");
  const std::string dir = a.required("out");
  media::writeSampleScene(dir, int(a.integer("width", 512)), int(a.integer("height", 384)));
  std::cout << "wrote " << dir << "/image.png and " << dir << "/depth.png (16-bit inverse depth)\n";
  return 0;
}

const CommandRegistration reg{
    {"make-sample", "write the sample scene (photo + exact inverse depth) to a folder",
     "Usage: sdstereo make-sample --out DIR [--width 512] [--height 384]\n\n"
     "Ray-casts the project's own sample scene (a tiled ground, spheres, a box, sky) and writes\n"
     "DIR/image.png and DIR/depth.png (16-bit inverse depth, near = bright). Try it with:\n"
     "  sdstereo depth2stereo --image DIR/image.png --depth DIR/depth.png --depth-kind inverse-depth \\\n"
     "      --format anaglyph-dubois --out anaglyph.png",
     &run}};

}  // namespace
}  // namespace sds::cli
