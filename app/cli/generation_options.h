// Options that every generating command (txt2img, txt2stereo, img2stereo)
// reads the same way: where the models run, the depth model, and the
// StereoDiffusion controls. One place, so the commands cannot drift apart.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/cli/args.h"
#include "app/cli/options.h"
#include "core/engine/pipelines/stereo_controls.h"

namespace sds::cli {

// --seed (or another seed option, e.g. --inpaint-seed): a whole number from 0
// to 2^64 - 1, or nullopt when not given. Every seed the CLI reads goes
// through here, so all have one range and one message. Throws sds::Error.
std::optional<uint64_t> seedOption(const Args& a, const std::string& name = "seed");
// A seed from the system's random device (the default when none is given).
uint64_t randomSeed();

// The declarations of --model and --config-dir (read by media/generator_options.h).
OptionList modelOptions();

// The declarations of --depth-model (the estimate is made on `what`, e.g. "the
// photo") and --depth-input-size, read by media/generator_options.h.
OptionList depthModelOptions(const std::string& what);

// --scale, --exponent, --shift-fraction (which replaces a stored shift step),
// --shift-step, --attention-start, --mask-interval, --direction, --deblur,
// --shift-both and --no-kv-cache over `p` (options not given keep its values).
void applyStereoOptions(const Args& a, pipelines::StereoPassParams& p);

// The declarations of those stereo options (but --no-kv-cache, which each
// command explains itself), with the defaults of pipelines/stereo_controls.h.
OptionList stereoOptions();

}  // namespace sds::cli
