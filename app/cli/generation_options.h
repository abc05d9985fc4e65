// Options that every generating command (txt2img, txt2stereo, img2stereo)
// reads the same way: where the models run, the depth model, and the
// StereoDiffusion controls. One place, so the commands cannot drift apart.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/cli/args.h"
#include "app/cli/options.h"
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

// --seed (or another seed option, e.g. --inpaint-seed): a whole number from 0
// to 2^64 - 1, or nullopt when not given. Every seed the CLI reads goes
// through here, so all have one range and one message. Throws sds::Error.
std::optional<uint64_t> seedOption(const Args& a, const std::string& name = "seed");
// A seed from the system's random device (the default when none is given).
uint64_t randomSeed();

// The declarations of --model and --config-dir (read by sdLoadOptions and the command).
OptionList modelOptions();

// The declarations of --depth-model (the estimate is made on `what`, e.g. "the
// photo") and --depth-input-size, read by loadDepthModel.
OptionList depthModelOptions(const std::string& what);

// Depth Anything V2 or 3 from --depth-model on the model's device and dtype, with
// --depth-input-size. Throws sds::Error.
std::shared_ptr<depth::DepthEstimator> loadDepthModel(const Args& a, const sd::SdLoadOptions& sd_options);

// --scale, --exponent, --shift-fraction (which replaces a stored shift step),
// --shift-step, --attention-start, --mask-interval, --direction, --deblur,
// --shift-both and --no-kv-cache over `p` (options not given keep its values).
void applyStereoOptions(const Args& a, pipelines::StereoPassParams& p);

// The declarations of those stereo options (but --no-kv-cache, which each
// command explains itself), with the defaults of pipelines/stereo_controls.h.
OptionList stereoOptions();

}  // namespace sds::cli
