#include "core/engine/render/forward_warp.h"

#include <torch/torch.h>

#include <cmath>
#include <vector>

#include "core/engine/render/row_scan.h"
#include "core/engine/render/warp_cpu.h"
#include "core/base/error.h"

namespace sds::render {
namespace {

// Candidate (target column, depth key) pairs of one row set; a key is the source
// column u that a target sees, mapped so that the nearer surface has the larger key.
struct Splats {
  std::vector<torch::Tensor> columns, keys;
};

// Why the source column works as a z-buffer: two source points u1 < u2 landing on
// the same target satisfy u1 + s*d1 = u2 + s*d2, so for s < 0 the right one (u2)
// has the larger disparity (is nearer), and for s > 0 the left one does.
torch::Tensor depthKey(const torch::Tensor& u, double shift, int64_t width) {
  return shift <= 0 ? u : (double(width - 1) - u);
}

// The longest target span two joined neighbours may cover.
double maxSegment(const WarpOptions& o) { return 1.0 + std::abs(o.shift) * o.max_jump_px; }

// Each joined pair of neighbours (x, x+1) covers the integer targets between its
// two landing positions, closed at both ends.
void addSegments(Splats& s, const torch::Tensor& pos, const torch::Tensor& joined, const torch::Tensor& xs,
                 const WarpOptions& o) {
  const int64_t w = pos.size(1);
  const auto p0 = pos.slice(1, 0, w - 1), p1 = pos.slice(1, 1, w);
  const auto len = (p1 - p0).clamp_min(1e-6);
  const auto first = p0.ceil();
  const auto x0 = xs.slice(0, 0, w - 1);
  const int taps = int(std::floor(maxSegment(o))) + 1;
  const auto outside = torch::full({}, double(w), pos.options());
  const auto no_key = torch::full({}, -1.0, pos.options());
  for (int k = 0; k < taps; ++k) {
    const auto c = first + double(k);
    const auto ok = joined & c.le(p1) & c.ge(0) & c.le(double(w - 1));
    s.columns.push_back(torch::where(ok, c, outside));
    s.keys.push_back(torch::where(ok, depthKey(x0 + (c - p0) / len, o.shift, w), no_key));
  }
}

// A pixel joined to neither neighbour (a one-pixel-wide detail) lands on the nearest target.
void addLonelyPixels(Splats& s, const torch::Tensor& pos, const torch::Tensor& joined, const torch::Tensor& xs,
                     const WarpOptions& o) {
  const int64_t w = pos.size(1);
  const auto none = torch::zeros({pos.size(0), 1}, joined.options());
  const auto lonely = ~(torch::cat({none, joined}, 1) | torch::cat({joined, none}, 1));
  const auto c = pos.round();
  const auto ok = lonely & c.ge(0) & c.le(double(w - 1));
  s.columns.push_back(torch::where(ok, c, torch::full({}, double(w), pos.options())));
  s.keys.push_back(torch::where(ok, depthKey(xs.expand_as(pos), o.shift, w), torch::full({}, -1.0, pos.options())));
}

// Linear interpolation of [.., H, W] values at fractional source columns u [H,W].
torch::Tensor sampleColumns(const torch::Tensor& values, const torch::Tensor& x0, const torch::Tensor& x1,
                            const torch::Tensor& frac) {
  const auto a = gatherColumns(values, x0), b = gatherColumns(values, x1);
  return a + (b - a) * frac;
}

// The CPU kernel's Catmull-Rom sample (warp_cpu.cpp, CubicTaps) where all four
// pixels x0 - 1 .. x0 + 2 lie on one surface, the linear one elsewhere.
torch::Tensor sampleColumnsCubic(const torch::Tensor& values, const torch::Tensor& d, const torch::Tensor& x0,
                                 const torch::Tensor& frac, const torch::Tensor& linear, double max_jump) {
  const int64_t w = d.size(1);
  const auto xm = x0 - 1, x1 = x0 + 1, xp = x0 + 2;
  const auto dm = gatherColumns(d, xm), d0 = gatherColumns(d, x0), d1 = gatherColumns(d, x1), dp = gatherColumns(d, xp);
  const auto valid = frac.gt(0) & frac.lt(1) & xm.ge(0) & xp.lt(w) & (d0 - dm).abs().le(max_jump) &
                     (d1 - d0).abs().le(max_jump) & (dp - d1).abs().le(max_jump);
  const auto f = frac.to(values.scalar_type()), f2 = f * f, f3 = f2 * f;
  const auto a = gatherColumns(values, xm), b = gatherColumns(values, x0), c = gatherColumns(values, x1),
             e = gatherColumns(values, xp);
  auto v = a * (0.5 * (-f3 + 2 * f2 - f)) + b * (0.5 * (3 * f3 - 5 * f2 + 2)) + c * (0.5 * (-3 * f3 + 4 * f2 + f)) +
           e * (0.5 * (f3 - f2));
  v = torch::minimum(torch::maximum(v, torch::minimum(torch::minimum(a, b), torch::minimum(c, e))),
                     torch::maximum(torch::maximum(a, b), torch::maximum(c, e)));
  return torch::where(valid, v, linear);
}

}  // namespace

WarpedView forwardWarp(const torch::Tensor& image, const torch::Tensor& disparity, const WarpOptions& o) {
  if (image.dim() != 4 || image.size(0) != 1) throw Error("forwardWarp expects an image [1,C,H,W].");
  if (disparity.dim() != 2 || disparity.size(0) != image.size(2) || disparity.size(1) != image.size(3))
    throw Error("forwardWarp expects a disparity map [H,W] of the image's size.");
  if (image.device().is_cpu() && !o.force_tensor_path) return cpu::forwardWarp(image, disparity, o);
  const int64_t h = disparity.size(0), w = disparity.size(1);
  const auto d = disparity.to(torch::kFloat32);
  const auto xs = torch::arange(w, d.options());
  const auto pos = xs + o.shift * d;  // [H,W] landing column of every source pixel

  Splats splats;
  torch::Tensor joined = torch::zeros({h, 0}, d.options().dtype(torch::kBool));
  if (w > 1) {
    const auto len = pos.slice(1, 1, w) - pos.slice(1, 0, w - 1);
    joined = len.gt(0) & len.le(maxSegment(o));
    addSegments(splats, pos, joined, xs, o);
  }
  addLonelyPixels(splats, pos, joined, xs, o);

  const auto columns = torch::cat(splats.columns, 1).to(torch::kLong);
  const auto keys = torch::cat(splats.keys, 1);
  // One spare column (index w) collects the candidates that land nowhere.
  auto best = torch::full({h, w + 1}, -1.0, d.options()).scatter_reduce(1, columns, keys, "amax", true);
  best = best.slice(1, 0, w);
  const auto covered = best.ge(0);
  const auto u = (o.shift <= 0 ? best : double(w - 1) - best).clamp(0, double(w - 1));

  const auto x0 = u.floor().clamp(0, double(std::max<int64_t>(w - 2, 0)));
  const auto frac = (u - x0).clamp(0, 1);
  const auto x0i = x0.to(torch::kLong), x1i = (x0i + 1).clamp_max(w - 1);
  const auto fmask = covered.to(d.scalar_type());
  WarpedView out;
  out.disparity = sampleColumns(d, x0i, x1i, frac) * fmask;
  const auto src = image[0];
  auto colours = sampleColumns(src, x0i, x1i, frac.to(src.scalar_type()));
  if (o.cubic) colours = sampleColumnsCubic(src, d, x0i, frac, colours, o.max_jump_px);
  out.image = (colours * fmask.to(src.scalar_type())).unsqueeze(0);
  out.covered = covered;
  return out;
}

}  // namespace sds::render
