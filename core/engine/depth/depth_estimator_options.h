// How a depth model is loaded and run (no torch: part of the engine's
// vocabulary, so core/media and the studio pass it as it is).
#pragma once
#include <string>

#include "core/engine/precision.h"

namespace sds::depth {

// The largest input_size accepted: far above the trained 518 / 504, and a
// bound on the activations' memory (the cost grows with its square).
inline constexpr int kMaxInputSize = 4096;

struct DepthEstimatorOptions {
  // V2: short side of the network input (multiple of 14 recommended); DA3: the
  // process resolution (long side). 0: the model's own default (518 V2, 504 DA3).
  int input_size = 0;
  std::string device = "cpu";    // "cpu", "cuda" or "cuda:N"
  // Of weights and activations; callers pass the user's choice (compute_device.h
  // resolves it; under bfloat16 on a CPU the depth model stays float32).
  Precision precision = Precision::Float32;
  // The network input's long side is kept <= factor * input_size (panoramas);
  // 0 applies the reference size rule exactly, however long the side gets.
  double max_long_side_factor = 4.0;
  // Metric models: metres = focal_px x output / 300 with focal_px at the network
  // resolution, from the photo's focal length in pixels (> 0) or else from this
  // horizontal field of view.
  double focal_px = 0;
  double horizontal_fov_degrees = 60.0;
};

}  // namespace sds::depth
