// Depth Anything 3's monocular sky handling (depth_anything_3/model/da3.py
// _process_mono_sky_estimation): sky pixels get a far but finite depth, the 0.99
// quantile of the depth where there is no sky, taken over the whole batch.
#pragma once
#include <torch/types.h>

namespace sds::depth {

struct SkyFillOptions {
  double threshold = 0.3;   // sky score >= threshold is sky (the API's reported mask uses 0.5)
  double quantile = 0.99;   // of the non-sky depth
  int64_t min_pixels = 10;  // fill only when both sky and non-sky have more pixels than this
};

// The exact q-quantile of a non-empty 1-D float tensor, linear between order
// statistics at position q * (n - 1), as torch.quantile computes it (the rank in
// float32). The official code samples 100k values above that count; this never does.
double exactQuantile(const torch::Tensor& values, double q);

// depth, sky: [...] same shape (any batch layout) -> depth with every sky pixel
// set to the quantile, or depth unchanged when either side is too small.
torch::Tensor fillSky(const torch::Tensor& depth, const torch::Tensor& sky, const SkyFillOptions& options = {});

}  // namespace sds::depth
