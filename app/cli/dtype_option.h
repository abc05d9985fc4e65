// --dtype, read the same way by every command that runs a network (txt2img,
// txt2stereo, img2stereo, depth, depth2stereo's inpainting, bench, verify-fixtures),
// and the --device of the commands that load networks there.
#pragma once
#include <string>

#include "app/cli/args.h"
#include "app/cli/options.h"
#include "core/engine/compute_device.h"
#include "core/engine/precision.h"

namespace sds::cli {

// --dtype auto|float32|bfloat16|float16 (default kDefaultPrecision). Throws sds::Error.
Precision dtypeOption(const Args& a);

// The dtype `precision` resolves to on `device`, with the one line every
// command prints on stderr: "dtype: bfloat16 (auto: ...)".
ComputeDtype reportDtype(Precision precision, const c10::Device& device);

// The declaration of --dtype, for the commands' option lists.
OptionList dtypeOptions();

// The declaration of --device (cpu, cuda or cuda:N) of the commands that load
// networks there (parseDevice reads it).
Option deviceOption();

}  // namespace sds::cli
