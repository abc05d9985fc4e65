#include "core/engine/render/disparity_map.h"

#include <torch/torch.h>

#include <cmath>
#include <sstream>

#include "core/engine/render/row_scan.h"
#include "core/base/error.h"

namespace sds::render {
namespace {

std::string str(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

// Values in [0,1] (1 = nearest) from the known entries of `v` (min-max over them).
torch::Tensor normalise(const torch::Tensor& v, const torch::Tensor& known) {
  const auto lo = torch::where(known, v, torch::full({}, INFINITY, v.options())).min();
  const auto hi = torch::where(known, v, torch::full({}, -INFINITY, v.options())).max();
  const auto range = (hi - lo).clamp_min(1e-12);
  return ((v - lo) / range).clamp(0, 1);
}

}  // namespace

void validate(const DisparityParams& p) {
  if (!std::isfinite(p.scale_percent) || p.scale_percent < 0 || p.scale_percent > 50)
    throw Error("The disparity scale must be between 0 and 50 percent of the image width, got " +
                str(p.scale_percent) + ".");
  if (!std::isfinite(p.exponent) || p.exponent <= 0 || p.exponent > 10)
    throw Error("The depth exponent must be above 0 and at most 10, got " + str(p.exponent) + ".");
  if (!std::isfinite(p.convergence) || p.convergence < 0 || p.convergence > 1)
    throw Error("The convergence must be between 0 and 1, got " + str(p.convergence) + ".");
}

torch::Tensor fillUnknownFromBackground(const torch::Tensor& disparity, const torch::Tensor& known, double fallback) {
  const int64_t w = disparity.size(1);
  const auto nb = nearestSetAlongRows(known);
  const auto has_l = nb.left.ge(0), has_r = nb.right.lt(w);
  const auto dl = gatherColumns(disparity, nb.left), dr = gatherColumns(disparity, nb.right);
  auto fill = torch::where(has_l & has_r, torch::minimum(dl, dr), torch::where(has_l, dl, dr));
  fill = torch::where(has_l | has_r, fill, torch::full({}, fallback, fill.options()));
  return torch::where(known, disparity, fill);
}

torch::Tensor disparityFromMap(const torch::Tensor& map_in, const DisparityParams& p) {
  validate(p);
  if (map_in.dim() != 2 || map_in.numel() == 0) throw Error("The depth map must be a non-empty single-channel image.");
  const auto map = map_in.to(torch::kFloat32);
  const int64_t width = map.size(1);
  const double px = p.scale_percent / 100.0 * double(width);
  if (p.kind == MapKind::InverseDepth) {
    // The common case (a slider move): one min/max pass and one affine pass.
    const auto [lo_t, hi_t] = torch::aminmax(map);
    const double lo = lo_t.item<double>(), hi = hi_t.item<double>();
    if (std::isfinite(lo) && std::isfinite(hi)) {
      const double range = std::max(hi - lo, 1e-12);
      if (p.exponent == 1.0) {  // d = (map - lo) * px / range - convergence * px, in one pass
        const double a = px / range, b = -lo * a - p.convergence * px;
        return torch::add(torch::scalar_tensor(b, map.options()), map, a);
      }
      return map.sub(lo).div_(range).clamp_(0, 1).pow_(p.exponent).sub_(p.convergence).mul_(px);
    }
  }
  auto known = torch::isfinite(map);
  if (p.kind != MapKind::InverseDepth) known = known & map.gt(0);
  if (!known.any().item<bool>())
    throw Error(p.kind == MapKind::InverseDepth ? "The depth map has no finite value."
                                                : "The depth map has no valid (positive) value.");
  const auto zero = torch::zeros({}, map.options());
  torch::Tensor disparity;
  if (p.kind == MapKind::DisparityPx) {
    const auto d = torch::where(known, map, zero);
    disparity = d - p.convergence * d.max();
  } else {
    const auto v = torch::where(known, p.kind == MapKind::Depth ? map.reciprocal() : map, zero);
    auto n = normalise(v, known);
    if (p.exponent != 1.0) n = n.pow(p.exponent);
    disparity = (n - p.convergence) * px;
  }
  if (known.all().item<bool>()) return disparity;
  const double farthest = torch::where(known, disparity, torch::full({}, INFINITY, map.options())).min().item<double>();
  return fillUnknownFromBackground(disparity, known, farthest);
}

}  // namespace sds::render
