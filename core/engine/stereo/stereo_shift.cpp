#include "core/engine/stereo/stereo_shift.h"

#include <sstream>

#include <torch/nn/functional/upsampling.h>

#include "core/base/error.h"

namespace sds::stereo {
namespace {

// numpy's float64 epsilon, which the reference compares the float32 range to.
constexpr double kRangeEpsilon = 2.220446049250313e-16;

std::string shapeText(const torch::Tensor& t) {
  std::ostringstream o;
  o << t.sizes();
  return o.str();
}

void checkDisparityRank(const torch::Tensor& disparity) {
  if (!disparity.defined() || disparity.dim() != 3)
    throw Error("The disparity map must have shape [batch, height, width]; got " +
                (disparity.defined() ? shapeText(disparity) : std::string("nothing")) + ".");
}

void checkPair(const torch::Tensor& x, const torch::Tensor& disparity) {
  if (!x.defined() || x.dim() != 4)
    throw Error("The stereo shift needs images or latents of shape [batch, channels, height, width]; got " +
                (x.defined() ? shapeText(x) : std::string("nothing")) + ".");
  checkDisparityRank(disparity);
  if (disparity.size(0) != x.size(0) || disparity.size(1) != x.size(2) || disparity.size(2) != x.size(3))
    throw Error("The disparity map " + shapeText(disparity) + " does not match the batch and size of the latents " +
                shapeText(x) + "; resize it to the latent size first.");
}

}  // namespace

torch::Tensor normalizeDisparity(const torch::Tensor& disparity) {
  checkDisparityRank(disparity);
  const auto d = disparity.to(torch::kFloat32);
  if (d.numel() == 0) return d.clone();
  if (!torch::isfinite(d).all().item<bool>())
    throw Error("The disparity map contains NaN or infinite values.");
  // One min and one max over all batch items, like the reference.
  const auto lo = d.min();
  const auto range = d.max() - lo;  // float32
  if (!(range.item<float>() > float(kRangeEpsilon))) return torch::zeros_like(d);
  return (d - lo) / range;
}

torch::Tensor resizeDisparity(const torch::Tensor& disparity, int64_t height, int64_t width) {
  checkDisparityRank(disparity);
  if (height < 1 || width < 1)
    throw Error("Cannot resize a disparity map to " + std::to_string(height) + "x" + std::to_string(width) + ".");
  namespace F = torch::nn::functional;
  const auto d = disparity.to(torch::kFloat32).unsqueeze(1);  // [B, 1, H, W]
  return F::interpolate(d, F::InterpolateFuncOptions()
                               .size(std::vector<int64_t>{height, width})
                               .mode(torch::kBicubic)
                               .align_corners(false))
      .squeeze(1);
}

double shiftPixels(double percent, int64_t width) { return (percent / 100.0) * double(width); }

torch::Tensor columnOffsets(const torch::Tensor& norm_disparity, double px, double exponent) {
  checkDisparityRank(norm_disparity);
  const auto dn = norm_disparity.to(torch::kFloat32);
  // float32 power and float32 product (the double px is rounded to float32
  // first, as torch does for a Python scalar), then truncation toward zero.
  return dn.pow(exponent).mul(px).to(torch::kInt64);
}

torch::Tensor warpColumns(const torch::Tensor& x, const torch::Tensor& offsets, bool ascending_sweep) {
  // x: [B, C, H, W]; offsets: [B, H, W]
  const int64_t W = x.size(3);
  const auto off = offsets.to(x.device(), torch::kInt64);
  if (off.numel() == 0) return torch::zeros_like(x);
  // Target column t receives from column t - k if that column's offset is k.
  // The reference's sweep keeps the last write: with an ascending sweep the
  // largest source column (smallest k) wins, descending the smallest (largest
  // k). So visiting k in that order, the first hit of each target is exactly
  // the reference's winner, ties included.
  const int64_t lo = off.min().item<int64_t>(), hi = off.max().item<int64_t>();
  const auto cols = torch::arange(W, off.options()).view({1, 1, W});
  auto source = torch::full_like(off, -1);
  for (int64_t i = 0; i <= hi - lo; ++i) {
    const int64_t k = ascending_sweep ? lo + i : hi - i;
    if (k <= -W || k >= W) continue;  // lands outside every row
    const auto from = cols - k;
    const auto inside = (from >= 0) & (from < W);
    const auto from_clamped = from.clamp(0, W - 1).expand_as(off).contiguous();
    const auto hit = inside & (off.gather(2, from_clamped) == k) & (source < 0);
    source = torch::where(hit, from_clamped, source);
  }
  const auto filled = source >= 0;
  const auto index = source.clamp_min(0).unsqueeze(1).expand_as(x).contiguous();
  return x.gather(3, index).masked_fill(~filled.unsqueeze(1), 0);
}

torch::Tensor filledMask(const torch::Tensor& view) {
  // view: [B, C, H, W]
  return (view != 0).all(1);
}

ShiftedPair shiftNormalized(const torch::Tensor& x, const torch::Tensor& norm_disparity, const ShiftParams& params) {
  checkPair(x, norm_disparity);
  const int64_t W = x.size(3);
  const auto dn = norm_disparity.to(x.device(), torch::kFloat32);
  const auto create = [&](double percent, torch::Tensor& offsets) {
    const double px = shiftPixels(percent, W);
    offsets = columnOffsets(dn, px, params.exponent);
    return warpColumns(x, offsets, px < 0);
  };
  ShiftedPair out;
  // The reference's `balance`: 0 keeps the left view, 0.5 moves both views.
  const double balance = params.shift_both ? 0.5 : 0.0;
  if (params.shift_both)
    out.left = create(+1.0 * params.scale_factor * balance, out.offsets_left);
  else
    out.left = x;
  out.right = create(-1.0 * params.scale_factor * (1.0 - balance), out.offsets_right);
  out.mask = filledMask(out.right);
  return out;
}

ShiftedPair stereoShift(const torch::Tensor& x, const torch::Tensor& disparity, const ShiftParams& params) {
  checkPair(x, disparity);
  return shiftNormalized(x, normalizeDisparity(disparity), params);
}

}  // namespace sds::stereo
