#include "core/engine/render/disparity_map.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>

#include "core/engine/render/map_terraces.h"
#include "core/engine/render/row_scan.h"
#include "core/base/error.h"

namespace sds::render {
namespace {

std::string str(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

// True when lo..hi holds no variation float32 can represent: the map is flat, so
// every pixel lies on one plane and the disparity is zero.
bool isFlat(double lo, double hi) { return !(hi - lo > 1e-6 * std::max(std::abs(lo), std::abs(hi))); }

// Values in [0,1] (1 = nearest) from the known entries of `v` (min-max over them);
// nullopt for a flat map.
std::optional<torch::Tensor> normalise(const torch::Tensor& v, const torch::Tensor& known) {
  const double lo = torch::where(known, v, torch::full({}, INFINITY, v.options())).min().item<double>();
  const double hi = torch::where(known, v, torch::full({}, -INFINITY, v.options())).max().item<double>();
  if (isFlat(lo, hi)) return std::nullopt;
  return ((v - lo) / (hi - lo)).clamp(0, 1);
}

}  // namespace

void validate(const DisparityParams& p) {
  if (!std::isfinite(p.scale_percent) || p.scale_percent < 0 || p.scale_percent > 50)
    throw Error("The disparity scale must be between 0 and 50 percent of the image width, got " +
                str(p.scale_percent) + ".");
  if (!std::isfinite(p.exponent) || p.exponent < controls::kExponent.min || p.exponent > controls::kExponent.max)
    throw Error("The depth exponent must be above 0 and at most " + str(controls::kExponent.max) + ", got " +
                str(p.exponent) + ".");
  if (!std::isfinite(p.convergence) || p.convergence < 0 || p.convergence > 1)
    throw Error("The convergence must be between 0 and 1, got " + str(p.convergence) + ".");
  if (!std::isfinite(p.converge_percentile) || p.converge_percentile < 0 || p.converge_percentile > 100)
    throw Error("The convergence percentile must be between 0 and 100, got " + str(p.converge_percentile) + ".");
  const Control& cap = controls::kMaxDisparityPercent;
  if (!std::isfinite(p.max_disparity_percent) || p.max_disparity_percent < cap.min || p.max_disparity_percent > cap.max)
    throw Error("The disparity cap must be between 0 (none) and 50 percent of the image width, got " +
                str(p.max_disparity_percent) + ".");
}

double percentileOf(const torch::Tensor& values, double percent) {
  const auto v = values.reshape({-1}).to(torch::kFloat32);
  if (v.numel() == 0) throw Error("percentileOf needs at least one value.");
  const auto [lo_t, hi_t] = torch::aminmax(v);
  const double lo = lo_t.item<double>(), hi = hi_t.item<double>();
  if (!(hi > lo)) return lo;
  constexpr int64_t kBins = 4096;
  const auto counts = torch::histc(v, kBins, lo, hi).to(torch::kCPU, torch::kFloat64).cumsum(0).contiguous();
  const double* cum = counts.data_ptr<double>();
  const double want = std::clamp(percent, 0.0, 100.0) / 100.0 * cum[kBins - 1];
  const int64_t bin = std::lower_bound(cum, cum + kBins, want) - cum;
  if (bin >= kBins) return hi;
  // Linear within the bin that crosses the wanted count.
  const double before = bin > 0 ? cum[bin - 1] : 0.0, in_bin = cum[bin] - before;
  const double t = in_bin > 0 ? (want - before) / in_bin : 0.0;
  return lo + (double(bin) + t) * (hi - lo) / double(kBins);
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

namespace {

bool percentileConvergence(const DisparityParams& p) {
  return p.convergence_mode == ConvergenceMode::Percentile ||
         (p.convergence_mode == ConvergenceMode::Default && p.kind != MapKind::DisparityPx);
}

// Convergence by percentile (when `by_percentile`, over the known pixels) and
// the cap, on a disparity computed without a percentile offset.
torch::Tensor placeOnScreen(torch::Tensor d, const torch::Tensor& known, bool by_percentile, const DisparityParams& p,
                            int64_t width) {
  if (by_percentile) {
    const auto values = known.defined() && !known.all().item<bool>() ? d.masked_select(known) : d;
    d = d - percentileOf(values, p.converge_percentile);
  }
  if (p.max_disparity_percent > 0) {
    const double cap = p.max_disparity_percent / 100.0 * double(width);
    d = d.clamp(-cap, cap);
  }
  return d;
}

}  // namespace

torch::Tensor disparityFromMap(const torch::Tensor& map_in, const DisparityParams& p) {
  validate(p);
  if (map_in.dim() != 2 || map_in.numel() == 0) throw Error("The depth map must be a non-empty single-channel image.");
  auto map = map_in.to(torch::kFloat32);
  const int64_t width = map.size(1);
  const double px = p.scale_percent / 100.0 * double(width);
  const bool zero_is_unknown = p.kind != MapKind::InverseDepth;
  // A map of few levels (8-bit, whole pixels) is a staircase; where a level is
  // a visible share of a pixel its terraces become the ramps they were rounded
  // from (map_terraces.h). A relative map's levels share the scale's pixels.
  const MapLevels levels = coarseMapLevels(map, zero_is_unknown);
  const double px_per_level = p.kind == MapKind::DisparityPx ? levels.step : px / std::max(levels.count, 1.0);
  const bool terraced = levels.step > 0 && px_per_level >= kMinTerraceStepPx;
  if (terraced) map = smoothTerraces(map, levels.step, zero_is_unknown);
  const bool fixed = p.convergence_mode == ConvergenceMode::Fixed;
  if (p.kind == MapKind::InverseDepth) {
    // The common case (a slider move): one min/max pass and one affine pass.
    const auto [lo_t, hi_t] = torch::aminmax(map);
    const double lo = lo_t.item<double>(), hi = hi_t.item<double>();
    if (std::isfinite(lo) && std::isfinite(hi)) {
      if (isFlat(lo, hi)) return torch::zeros_like(map);
      const double range = hi - lo;
      // One pass only while float32 keeps the precision: map * a and lo * a cancel,
      // so a range tiny against the values (or a huge a) would round to garbage.
      if (p.exponent == 1.0 && range > 1e-3 * std::max(std::abs(lo), std::abs(hi)) && px / range < 1e30) {
        const double a = px / range;
        // The percentile of an affine map is the affine map of the percentile.
        const double offset = fixed ? p.convergence * px
                                    : (percentileConvergence(p) ? (percentileOf(map, p.converge_percentile) - lo) * a : 0.0);
        const auto d = torch::add(torch::scalar_tensor(-lo * a - offset, map.options()), map, a);
        return placeOnScreen(d, {}, false, p, width);
      }
      auto d = map.sub(lo).div_(range).clamp_(0, 1).pow_(p.exponent).sub_(fixed ? p.convergence : 0.0).mul_(px);
      return placeOnScreen(d, {}, percentileConvergence(p), p, width);
    }
  }
  const auto known = knownValues(map, zero_is_unknown);
  if (!known.any().item<bool>())
    throw Error(p.kind == MapKind::InverseDepth ? "The depth map has no finite value."
                                                : "The depth map has no valid (positive) value.");
  const auto zero = torch::zeros({}, map.options());
  torch::Tensor disparity;
  if (p.kind == MapKind::DisparityPx) {
    const auto d = torch::where(known, map, zero);
    const double largest = d.abs().max().item<double>();
    // Beyond several image widths nothing of the view is left (1e30 would blank it silently).
    if (largest > 16.0 * double(width))
      throw Error("The disparity map holds a disparity of " + str(largest) + " px, far more than the image width of " +
                  std::to_string(width) + " px.");
    disparity = fixed ? d - p.convergence * d.max() : d;
  } else {
    // In float64: 1 / 1e-40 overflows float32 but is an ordinary (very near) depth.
    const auto map64 = terraced ? map.to(torch::kFloat64) : map_in.to(torch::kFloat64);
    const auto v = torch::where(known, p.kind == MapKind::Depth ? map64.reciprocal() : map64, zero.to(torch::kFloat64));
    auto n = normalise(v, known);
    if (!n) return torch::zeros_like(map);
    if (p.exponent != 1.0) *n = n->pow(p.exponent);
    disparity = ((*n - (fixed ? p.convergence : 0.0)) * px).to(torch::kFloat32);
  }
  disparity = placeOnScreen(disparity, known, percentileConvergence(p), p, width);
  if (known.all().item<bool>()) return disparity;
  const double farthest = torch::where(known, disparity, torch::full({}, INFINITY, map.options())).min().item<double>();
  return fillUnknownFromBackground(disparity, known, farthest);
}

}  // namespace sds::render
