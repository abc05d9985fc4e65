// Options that every generating command (txt2img, txt2stereo, img2stereo)
// reads the same way: where the models run, the depth model, and the
// StereoDiffusion controls. One place, so the commands cannot drift apart.
#pragma once
#include <memory>

#include "app/cli/args.h"
#include "core/engine/pipelines/txt2stereo.h"
#include "models/sd/stable_diffusion.h"

namespace sds::depth {
class DepthEstimator;
}

namespace sds::cli {

// --device (cpu, cuda, cuda:N; checked against what LibTorch sees), --dtype
// (dtype_option.h; the choice and why go to stderr) and --config-dir, for a text-to-image model (an
// inpainting one is refused). Throws sds::Error.
sd::SdLoadOptions sdLoadOptions(const Args& a);

// Depth Anything V2 or 3 from --depth-model on the model's device and dtype, with
// --depth-input-size. Throws sds::Error.
std::shared_ptr<depth::DepthEstimator> loadDepthModel(const Args& a, const sd::SdLoadOptions& sd_options);

// --scale, --exponent, --shift-fraction (which replaces a stored shift step),
// --shift-step, --attention-start, --mask-interval, --direction, --deblur,
// --shift-both and --no-kv-cache over `p` (options not given keep its values).
void applyStereoOptions(const Args& a, pipelines::Txt2StereoParams& p);

// The help lines of those stereo options, with the defaults of
// pipelines/stereo_controls.h (shared by txt2stereo and img2stereo).
std::string stereoOptionsHelp();

}  // namespace sds::cli
