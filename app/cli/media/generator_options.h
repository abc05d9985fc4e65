// What every generating command (txt2img, txt2stereo, img2stereo) hands to
// media::Generator, read the same way: the models and where they run.
#pragma once
#include <string>

#include "app/cli/args.h"
#include "core/media/generation.h"

namespace sds::cli {

// --model, --config-dir, --depth-model, --depth-input-size, --device (checked
// against what LibTorch sees) and --dtype (its choice and why go to stderr).
// Nothing is loaded. Throws sds::Error.
media::GeneratorModels generatorModels(const Args& a);

// `generator` set to the command's models (as above), `request` checked before
// the (slow) load, then the models loaded: the depth model too when the
// request has no map. Returns what was loaded. Throws sds::Error.
media::LoadedModelSummary loadFor(media::Generator& generator, const Args& a, const media::GenerationRequest& request);

// "SD 1.x (diffusers) on cpu bfloat16" (without the dtype: "... on cpu").
std::string describeModel(const media::LoadedModelSummary& model, bool with_dtype = true);

}  // namespace sds::cli
