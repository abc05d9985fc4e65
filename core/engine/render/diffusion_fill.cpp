#include "core/engine/render/diffusion_fill.h"

#include <algorithm>
#include <cmath>

#include <torch/torch.h>

#include "core/base/error.h"

namespace sds::render {

namespace F = torch::nn::functional;

// Weight of the diffusion output: 1 on holes, 0 beyond 2 * r from them. A
// max-pool dilates the holes by r, a box filter of radius r then ramps down,
// so every hole pixel keeps weight exactly 1.
torch::Tensor seamWeight(const torch::Tensor& holes, int64_t r) {
  auto w = holes.to(torch::kFloat32).unsqueeze(0).unsqueeze(0);  // [1, 1, H, W]
  if (r <= 0) return w[0][0];
  const int64_t k = 2 * r + 1;
  w = F::max_pool2d(w, F::MaxPool2dFuncOptions(k).stride(1).padding(r));
  w = F::avg_pool2d(w, F::AvgPool2dFuncOptions(k).stride(1).padding(r).count_include_pad(false));
  return torch::where(holes, torch::ones_like(w[0][0]), w[0][0]);
}

// Per-channel a * x + b fitted to `target` over `where` (least squares).
torch::Tensor matchColours(const torch::Tensor& x, const torch::Tensor& target, const torch::Tensor& where) {
  const int64_t n = where.sum().item<int64_t>();
  if (n < 16) return x;
  auto out = x.clone();
  for (int64_t c = 0; c < x.size(1); ++c) {
    const auto xs = x[0][c].masked_select(where).to(torch::kFloat64);
    const auto ts = target[0][c].masked_select(where).to(torch::kFloat64);
    const double mx = xs.mean().item<double>(), mt = ts.mean().item<double>();
    const double var = (xs - mx).pow(2).mean().item<double>();
    const double cov = ((xs - mx) * (ts - mt)).mean().item<double>();
    // A flat channel or a wild fit (little overlap, strong clipping) keeps the gain at 1.
    double a = var > 1e-8 ? cov / var : 1.0;
    if (!(a >= 0.5 && a <= 2.0)) a = 1.0;
    out[0][c] = x[0][c] * a + (mt - a * mx);
  }
  return out.clamp(0, 1);
}

double seamPixels(const DiffusionFillOptions& options, int64_t width) {
  return options.seam_px >= 0 ? options.seam_px : std::max(2.0, 0.003 * double(width));
}

ComposedView composeWithDiffusionFill(const torch::Tensor& photo01, const torch::Tensor& disparity_px,
                                      const torch::Tensor& diffusion01, const DiffusionFillOptions& options) {
  if (photo01.dim() != 4 || photo01.size(0) != 1 || photo01.size(1) != 3)
    throw Error("The photo must be [1, 3, H, W].");
  const int64_t H = photo01.size(2), W = photo01.size(3);
  if (disparity_px.dim() != 2 || disparity_px.size(0) != H || disparity_px.size(1) != W)
    throw Error("The disparity must be [H, W] at the photo's size.");
  if (diffusion01.dim() != 4 || diffusion01.size(0) != 1 || diffusion01.size(1) != 3)
    throw Error("The diffusion view must be [1, 3, h, w].");
  torch::NoGradGuard no_grad;
  const auto photo = photo01.to(torch::kFloat32);
  const auto disparity = refineDepthEdges(photo, disparity_px.to(photo.device(), torch::kFloat32), options.edges,
                                          options.warp.max_jump_px);
  const WarpedView warped = forwardWarp(photo, disparity, options.warp);
  if (options.open_holes) {
    ComposedView out;
    out.disparity_px = disparity_px;
    out.holes = ~warped.covered;
    out.weight = out.holes.to(torch::kFloat32);
    out.image = warped.image;  // black where nothing landed
    return out;
  }

  auto fill = diffusion01.to(photo.device(), torch::kFloat32);
  if (fill.size(2) != H || fill.size(3) != W)
    fill = F::interpolate(fill, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{H, W})
                                    .mode(torch::kBicubic)
                                    .align_corners(false))
               .clamp(0, 1);
  if (options.match_colour) fill = matchColours(fill, warped.image, warped.covered);

  ComposedView out;
  out.disparity_px = disparity_px;
  out.holes = ~warped.covered;
  out.weight = seamWeight(out.holes, int64_t(std::lround(seamPixels(options, W))));
  const auto w = out.weight.unsqueeze(0).unsqueeze(0);
  out.image = warped.image * (1 - w) + fill * w;
  return out;
}

}  // namespace sds::render
