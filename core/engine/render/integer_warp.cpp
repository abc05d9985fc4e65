#include "core/engine/render/integer_warp.h"

#include <limits>

#include <torch/torch.h>

#include "core/base/error.h"

namespace sds::render {

IntegerWarp integerForwardWarp(const torch::Tensor& image, const torch::Tensor& disparity) {
  if (image.dim() != 4 || image.size(0) != 1) throw Error("The image to warp must be [1, C, H, W].");
  const int64_t C = image.size(1), H = image.size(2), W = image.size(3);
  if (disparity.dim() != 2 || disparity.size(0) != H || disparity.size(1) != W)
    throw Error("The disparity must be [H, W] at the image's size.");
  torch::NoGradGuard no_grad;
  const auto opts = torch::TensorOptions().dtype(torch::kInt64).device(image.device());
  const auto d = disparity.to(image.device()).to(torch::kInt64);                        // [H, W]
  const auto cols = torch::arange(W, opts).unsqueeze(0).expand({H, W});
  const auto rows = torch::arange(H, opts).unsqueeze(1).expand({H, W});
  const auto target_col = cols - d;
  const auto inside = (target_col >= 0) & (target_col < W);
  const auto target = (rows * W + target_col).masked_select(inside);                    // [n] flat targets
  const auto source_d = d.masked_select(inside);                                        // [n]
  // The nearest candidate of every target: a z-buffer as one scatter-max.
  // Equal disparities never share a target (x - d is injective), so the
  // winner is unique.
  const int64_t none = std::numeric_limits<int64_t>::min();
  auto nearest = torch::full({H * W}, none, opts);
  nearest.scatter_reduce_(0, target, source_d, "amax", /*include_self=*/true);
  const auto wins = source_d == nearest.index_select(0, target);
  const auto source = (rows * W + cols).masked_select(inside).masked_select(wins);     // flat sources of winners
  const auto winner_target = target.masked_select(wins);

  const auto flat = image.reshape({C, H * W});
  auto out = torch::zeros_like(flat);
  out.index_copy_(1, winner_target, flat.index_select(1, source));
  IntegerWarp r;
  r.image = out.reshape({1, C, H, W});
  r.holes = (nearest == none).reshape({H, W});
  return r;
}

}  // namespace sds::render
