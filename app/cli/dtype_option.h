// --dtype, read the same way by every command that runs a network (txt2img,
// txt2stereo, img2stereo, depth, depth2stereo's inpainting, bench, verify-fixtures).
#pragma once
#include <string>

#include "app/cli/args.h"
#include "core/engine/precision.h"

namespace sds::cli {

// --dtype auto|float32|bfloat16|float16 (default kDefaultPrecision). Throws sds::Error.
Precision dtypeOption(const Args& a);

// The help lines of --dtype for the commands' usage texts, descriptions
// starting at `column` (as the command's other options).
std::string dtypeOptionHelp(int column = 24);

}  // namespace sds::cli
