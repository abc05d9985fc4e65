// Declarations of every fixture-kind handler (see runner.h for the contract).
#pragma once
#include "core/verify/runner.h"

namespace sds::verify {

// Stable Diffusion case kinds (kind_*.cpp).
void runDdimCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);

// Whole-set kinds (top-level "kind").

}  // namespace sds::verify
