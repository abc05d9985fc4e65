// Process-wide LibTorch set-up done once at start-up by each entry point.
#pragma once
#include <string>

namespace sds {

// Sets the intra-op thread count (SDSTEREO_THREADS or all cores: Debian's
// LibTorch starts with one thread) and other global defaults. Idempotent.
void initRuntime();

// "cuda" when LibTorch sees a CUDA device, else "cpu"; SDSTEREO_DEVICE overrides.
std::string defaultDeviceName();

// One line describing the machine and LibTorch build, for benchmarks and logs.
std::string runtimeDescription();

}  // namespace sds
