#include "models/depth/sky_fill.h"

#include <torch/torch.h>

#include <cmath>

#include "core/base/error.h"

namespace sds::depth {

double exactQuantile(const torch::Tensor& values_in, double q) {
  if (values_in.dim() != 1 || values_in.numel() == 0) throw Error("A quantile needs a non-empty list of values.");
  if (!(q >= 0 && q <= 1)) throw Error("A quantile must lie in [0, 1].");
  const auto values = values_in.to(torch::kFloat32).contiguous();
  const int64_t n = values.numel();
  // torch.quantile: rank = q * (n - 1) in the input's dtype, below = floor, lerp by the fraction.
  const float rank = float(q) * float(n - 1);
  const int64_t below = std::min<int64_t>(int64_t(std::floor(rank)), n - 1);
  const int64_t above = std::min<int64_t>(below + 1, n - 1);
  const float weight = rank - float(below);
  // kthvalue is 1-based and linear time; no full sort of a large map.
  const float lo = std::get<0>(torch::kthvalue(values, below + 1)).item<float>();
  const float hi = above == below ? lo : std::get<0>(torch::kthvalue(values, above + 1)).item<float>();
  // at::lerp's two-sided form, for the same rounding.
  return weight < 0.5f ? lo + weight * (hi - lo) : hi - (hi - lo) * (1.0f - weight);
}

torch::Tensor fillSky(const torch::Tensor& depth, const torch::Tensor& sky, const SkyFillOptions& o) {
  // depth, sky: [...]
  if (!sky.defined()) return depth;
  if (depth.sizes() != sky.sizes()) throw Error("The sky map and the depth map differ in size.");
  const auto non_sky = sky < o.threshold;
  const int64_t clear = non_sky.sum().item<int64_t>();
  const int64_t covered = non_sky.numel() - clear;
  if (clear <= o.min_pixels || covered <= o.min_pixels) return depth;
  const double far = exactQuantile(depth.masked_select(non_sky), o.quantile);
  return depth.masked_fill(non_sky.logical_not(), far);
}

}  // namespace sds::depth
