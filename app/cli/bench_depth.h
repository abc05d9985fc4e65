// One depth-map timing, shared by the "depth" and "dtype" bench sections.
#pragma once
#include <string>

#include <c10/core/ScalarType.h>

#include "app/cli/bench_registry.h"
#include "models/depth/depth_anything.h"

namespace sds::cli {

// A random-weight Depth Anything network of `config` on a side x side input in
// `dtype` on o.device: median of several runs, with the peak memory in the note.
BenchRow timeDepthModel(const BenchOptions& o, const std::string& what, const depth::DepthAnythingConfig& config,
                        int side, c10::ScalarType dtype);

}  // namespace sds::cli
