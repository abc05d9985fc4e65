#include "core/engine/render/texture_fill.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <utility>

namespace sds::render {
namespace {

namespace F = torch::nn::functional;

constexpr int kCleanRadius = 2;     // no hole and no nearer surface this close to a source pixel
constexpr int64_t kSearchSide = 512;  // the offset search runs on the view shrunk to about this size
constexpr int kRefineSteps = 4;     // +-1 px refinement steps of an offset at each tile
constexpr int kMaxSteps = 3;         // a source in another hole steps on by the offset again, this often
constexpr double kMinOverlap = 0.1;   // an offset counts where its overlap is at least this share of the view's
constexpr size_t kMaxUsed = 4;        // the best candidates of a tile that are refined
constexpr size_t kMinWindow = 64;     // fewer far-surface pixels around a tile fit nothing
constexpr int kMaxSmoothLag = 32;     // the smooth fill's error is measured up to this distance (beyond: the variance)
constexpr double kMinRowRepeatDisparity = 1.0;  // nearer to infinity a shift per pixel of disparity means little
constexpr size_t kRowRepeatSample = 128;        // window pixels the whole-pixel search of a row repeat reads

// Read-only views of one CPU view, float32 [C,H,W] / [H,W].
struct Planes {
  const float* image;
  const float* disparity;
  const bool* covered;
  const float* source_disparity;  // the disparity where clean, NaN elsewhere (one read per source test)
  // The disparity of infinity: 0, or the farthest disparity of the view when
  // the screen plane was put in front of it (a relative map's farthest point
  // has disparity 0 before convergence). Row repeats scale with the distance from it.
  float infinity_disparity;
  int64_t channels, h, w;
  bool inside(int64_t y, int64_t x) const { return y >= 0 && y < h && x >= 0 && x < w; }
  float at(int64_t c, int64_t y, int64_t x) const { return image[(c * h + y) * w + x]; }
};

// The far surface around one tile of a hole: the clean pixels of a window
// whose disparity lies within `tol` of the tile's far side.
class TileWindow {
 public:
  TileWindow(const Planes& p, float d_far, float tol) : p_(p), d_far_(d_far), tol_(tol) {}

  // Takes the far-surface pixels of rows [y0, y1) and columns [x0, x1) (clipped).
  void collect(int64_t y0, int64_t y1, int64_t x0, int64_t x1) {
    points_.clear();
    for (int64_t y = std::max<int64_t>(0, y0); y < std::min(p_.h, y1); ++y)
      for (int64_t x = std::max<int64_t>(0, x0); x < std::min(p_.w, x1); ++x)
        if (onSurface(y, x, tol_)) points_.push_back({int32_t(y), int32_t(x)});
  }
  size_t size() const { return points_.size(); }

  // A copy may read (y, x) when every pixel its bilinear sample weighs is clean
  // far surface (twice as far off in disparity: the source is further away).
  bool sourceOk(double y, double x) const {
    const auto ya = int64_t(std::floor(y)), xa = int64_t(std::floor(x));
    const bool fy = y > double(ya), fx = x > double(xa);
    const float t = 2 * tol_;
    return onSurface(ya, xa, t) && (!fx || onSurface(ya, xa + 1, t)) && (!fy || onSurface(ya + 1, xa, t)) &&
           (!fx || !fy || onSurface(ya + 1, xa + 1, t));
  }
  // Channel c at (y, x), bilinear; (y, x) must pass sourceOk.
  float sample(int64_t c, double y, double x) const {
    const auto ya = int64_t(std::floor(y)), xa = int64_t(std::floor(x));
    const auto fy = float(y - double(ya)), fx = float(x - double(xa));
    const float a = p_.at(c, ya, xa), top = fx > 0 ? a + fx * (p_.at(c, ya, xa + 1) - a) : a;
    if (fy <= 0) return top;
    const float b = p_.at(c, ya + 1, xa), bottom = fx > 0 ? b + fx * (p_.at(c, ya + 1, xa + 1) - b) : b;
    return top + fy * (bottom - top);
  }

  // Mean squared difference between the surface and itself moved by (dy, dx);
  // +inf where less than half of the window finds a source.
  double cost(double dy, double dx) const { return measure(FixedShift{dy, dx}, 1, nullptr).mean; }
  // The largest of that error over the window's four quarters around (yc, xc)
  // (a quarter with fewer than kMinQuarter sources does not count).
  double worstQuarter(double dy, double dx, int64_t yc, int64_t xc) const {
    const int64_t centre[2] = {yc, xc};
    return measure(FixedShift{dy, dx}, 1, centre).worst_quarter;
  }
  // The mean error for each pixel moved along its row by `per_px` x its own
  // disparity (from infinity's), over every `stride`-th pixel of the window;
  // with `worst`, also the largest error of its quarters around (yc, xc).
  double rowRepeatCost(double per_px, size_t stride, int64_t yc = 0, int64_t xc = 0,
                       double* worst = nullptr) const {
    const auto along_row = [&](const Point& q) {
      return std::pair<double, double>{0.0, per_px * (p_.disparity[q.y * p_.w + q.x] - p_.infinity_disparity)};
    };
    const int64_t centre[2] = {yc, xc};
    const Measure m = measure(along_row, stride, worst ? centre : nullptr);
    if (worst) *worst = m.worst_quarter;
    return m.mean;
  }
  // The surface's mean squared deviation from its own mean: a smooth fill's error.
  double variance() const {
    double var = 0;
    for (int64_t c = 0; c < p_.channels; ++c) {
      double sum = 0, sum2 = 0;
      for (const Point& q : points_) {
        const double v = p_.at(c, q.y, q.x);
        sum += v;
        sum2 += v * v;
      }
      const auto n = double(points_.size());
      var += sum2 / n - (sum / n) * (sum / n);
    }
    return var;
  }

 private:
  static constexpr size_t kMinQuarter = 32;
  struct Point {
    int32_t y, x;
  };
  struct Measure {
    double mean = std::numeric_limits<double>::infinity();  // +inf where less than half find a source
    double worst_quarter = 0;                                // with a centre only
  };
  struct FixedShift {
    double dy, dx;
    std::pair<double, double> operator()(const Point&) const { return {dy, dx}; }
  };
  // The error of predicting every `stride`-th window pixel q by q + shift(q);
  // with `centre` (y, x), also per quarter around it.
  template <class Shift>
  Measure measure(const Shift& shift, size_t stride, const int64_t* centre) const {
    double sse = 0, quarter_sse[4] = {0, 0, 0, 0};
    size_t n = 0, counted = 0, quarter_n[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < points_.size(); i += stride, ++counted) {
      const Point& q = points_[i];
      const auto [dy, dx] = shift(q);
      const double e = error(q, dy, dx);
      if (e < 0) continue;
      sse += e;
      ++n;
      if (!centre) continue;
      const int quarter = (q.y >= centre[0] ? 2 : 0) + (q.x >= centre[1] ? 1 : 0);
      quarter_sse[quarter] += e;
      ++quarter_n[quarter];
    }
    Measure m;
    if (2 * n >= counted && n > 0) m.mean = sse / double(n);
    for (int i = 0; centre && i < 4; ++i)
      if (quarter_n[i] >= kMinQuarter) m.worst_quarter = std::max(m.worst_quarter, quarter_sse[i] / double(quarter_n[i]));
    return m;
  }
  bool onSurface(int64_t y, int64_t x, float t) const {
    return p_.inside(y, x) && std::abs(p_.source_disparity[y * p_.w + x] - d_far_) <= t;  // NaN: not clean
  }
  // Squared error summed over the channels at q against q + (dy, dx); -1 without a source.
  double error(const Point& q, double dy, double dx) const {
    if (dy == std::floor(dy) && dx == std::floor(dx)) {  // a whole-pixel offset: no interpolation
      const int64_t ys = q.y + int64_t(dy), xs = q.x + int64_t(dx);
      if (!onSurface(ys, xs, 2 * tol_)) return -1;
      double e2 = 0;
      for (int64_t c = 0; c < p_.channels; ++c) {
        const double e = p_.at(c, q.y, q.x) - p_.at(c, ys, xs);
        e2 += e * e;
      }
      return e2;
    }
    const double ys = q.y + dy, xs = q.x + dx;
    if (!sourceOk(ys, xs)) return -1;
    double e2 = 0;
    for (int64_t c = 0; c < p_.channels; ++c) {
      const double e = p_.at(c, q.y, q.x) - sample(c, ys, xs);
      e2 += e * e;
    }
    return e2;
  }

  const Planes& p_;
  float d_far_, tol_;
  std::vector<Point> points_;
};

// An offset in pixels (fractional after refinement) and its error on a window;
// for a row repeat (see fitRowRepeat) dx is the shift per pixel of disparity.
struct Fit {
  double dy = 0, dx = 0, cost = std::numeric_limits<double>::infinity();
  bool row_repeat = false;
  // Where pixel (y, x), showing a surface at disparity d from infinity's, copies from after `steps` repeats.
  std::pair<double, double> source(int64_t y, int64_t x, float d, int steps) const {
    return row_repeat ? std::pair<double, double>{double(y), double(x) + steps * dx * d}
                      : std::pair<double, double>{double(y) + steps * dy, double(x) + steps * dx};
  }
};

// Refined by +-1 px steps (the search grid is coarser than a pixel, and a
// draped texture's period drifts across the view), then to a fraction of a
// pixel by a parabola through each axis' three costs, kept only where it lowers
// the cost (a sharp V-shaped minimum, as of an exact repetition, stays whole).
Fit refine(const TileWindow& win, Fit f) {
  // Whole-pixel costs met so far (neighbouring steps share most of their 3x3).
  std::map<std::pair<int, int>, double> known{{{int(f.dy), int(f.dx)}, f.cost}};
  const auto cost = [&](int dy, int dx) {
    const auto [it, fresh] = known.try_emplace({dy, dx}, 0.0);
    if (fresh) it->second = win.cost(dy, dx);
    return it->second;
  };
  for (int step = 0; step < kRefineSteps; ++step) {
    Fit next = f;
    for (int ddy = -1; ddy <= 1; ++ddy)
      for (int ddx = -1; ddx <= 1; ++ddx) {
        if (!ddx && !ddy) continue;
        const double c = cost(int(f.dy) + ddy, int(f.dx) + ddx);
        if (c < next.cost) next = {f.dy + ddy, f.dx + ddx, c};
      }
    if (next.dy == f.dy && next.dx == f.dx) break;
    f = next;
  }
  const auto vertex = [](double c0, double c1, double c2) {
    const double den = c0 - 2 * c1 + c2;
    return std::isfinite(den) && den > 1e-12 ? std::clamp(0.5 * (c0 - c2) / den, -0.5, 0.5) : 0.0;
  };
  Fit sub = f;
  const int y = int(f.dy), x = int(f.dx);
  sub.dy += vertex(cost(y - 1, x), f.cost, cost(y + 1, x));
  sub.dx += vertex(cost(y, x - 1), f.cost, cost(y, x + 1));
  sub.cost = win.cost(sub.dy, sub.dx);
  return sub.cost < f.cost ? sub : f;
}

// Per hole pixel: the disparity of the far side it shows, its distance to the
// pixel the smooth fill copied, and which way that pixel lies (+1 right, -1
// left); far = -1 for pixels the texture fill leaves (cracks, rows without a
// covered pixel).
struct HoleSides {
  std::vector<float> far, distance;
  std::vector<int8_t> direction;
};

HoleSides holeSides(const Planes& p) {
  HoleSides s{std::vector<float>(size_t(p.h * p.w), -1.0f), std::vector<float>(size_t(p.h * p.w), 0.0f),
              std::vector<int8_t>(size_t(p.h * p.w), 0)};
  at::parallel_for(0, p.h, 16, [&](int64_t y0, int64_t y1) {
    for (int64_t y = y0; y < y1; ++y) {
      const bool* crow = p.covered + y * p.w;
      const float* drow = p.disparity + y * p.w;
      for (int64_t x = 0; x < p.w;) {
        if (crow[x]) { ++x; continue; }
        const int64_t start = x;
        while (x < p.w && !crow[x]) ++x;
        const int64_t l = start - 1, r = x;  // the run is (l, r)
        const bool has_l = l >= 0, has_r = r < p.w;
        if (!has_l && !has_r) continue;
        if (has_l && has_r && std::abs(drow[l] - drow[r]) <= 1.0f) continue;  // a crack: the blend is right
        // The hole shows the farther side (as in the background fill).
        const int64_t from = (has_l && (!has_r || drow[l] < drow[r])) ? l : r;
        for (int64_t c = start; c < r; ++c) {
          const auto i = size_t(y * p.w + c);
          s.far[i] = drow[from];
          s.distance[i] = float(std::abs(c - from));
          s.direction[i] = from == r ? 1 : -1;
        }
      }
    }
  });
  return s;
}

// The offsets that fit the window, best first (see the header).
std::vector<Fit> fitOffsets(const TileWindow& win, const std::vector<Offset>& candidates, double variance,
                            int64_t yc, int64_t xc, const TextureFillOptions& o) {
  std::vector<Fit> ranked;
  for (const auto& c : candidates) {
    const Fit f{double(c.dy), double(c.dx), win.cost(c.dy, c.dx)};
    if (std::isfinite(f.cost)) ranked.push_back(f);
  }
  std::sort(ranked.begin(), ranked.end(), [](const Fit& a, const Fit& b) { return a.cost < b.cost; });
  if (ranked.size() > kMaxUsed) ranked.resize(kMaxUsed);
  std::vector<Fit> kept;
  for (const Fit& r : ranked) {
    const Fit f = refine(win, r);
    if (!(f.cost < o.accept_ratio * variance)) continue;
    if (!(win.worstQuarter(f.dy, f.dx, yc, xc) < o.quadrant_ratio * variance)) continue;
    const bool seen = std::any_of(kept.begin(), kept.end(), [&](const Fit& k) {
      return std::abs(k.dy - f.dy) < 1 && std::abs(k.dx - f.dx) < 1;
    });
    if (!seen) kept.push_back(f);
  }
  std::sort(kept.begin(), kept.end(), [](const Fit& a, const Fit& b) { return a.cost < b.cost; });
  return kept;
}

// A texture repeating along a surface that keeps its depth along the rows (a
// floor, a road, a facade facing the camera) repeats in the image by a shift
// along the row proportional to the disparity: a period T of the surface shows
// as T f / Z px, and the disparity is B f / Z. So on a floor in perspective,
// whose period changes from row to row, one factor k = T / B describes every
// row, where no single 2-D offset does. Searched on the window: shifts of 8 px
// up to the view's width at the tile's far-side disparity (near the camera a
// floor's period can be most of the view; where too few of the window's pixels
// find a source the cost says so), first in whole pixels on a sample of the
// window, then the best few to a quarter pixel on all of it.
std::optional<Fit> fitRowRepeat(const TileWindow& win, double d_far, double variance, int64_t yc, int64_t xc,
                                int64_t width, const TextureFillOptions& o) {
  if (d_far < kMinRowRepeatDisparity) return std::nullopt;
  const size_t stride = std::max<size_t>(1, win.size() / kRowRepeatSample);
  // Only true minima of the cost along the shift count: on a smooth surface
  // every short shift fits about as well as the smooth fill, and the cost just
  // rises from the shortest one.
  std::vector<Fit> coarse;
  for (int sign = -1; sign <= 1; sign += 2) {
    std::vector<double> cost;
    for (int shift = o.min_offset_px - 1; shift <= width - 1; ++shift)
      cost.push_back(win.rowRepeatCost(sign * shift / d_far, stride));
    for (size_t i = 1; i + 1 < cost.size(); ++i)
      if (cost[i] < cost[i - 1] && cost[i] <= cost[i + 1])
        coarse.push_back({0, sign * double(o.min_offset_px - 1 + int(i)) / d_far, cost[i], true});
  }
  std::sort(coarse.begin(), coarse.end(), [](const Fit& a, const Fit& b) { return a.cost < b.cost; });
  Fit best;
  for (size_t i = 0; i < std::min(coarse.size(), kMaxUsed); ++i)
    for (int q = -3; q <= 3; ++q) {
      const double per_px = coarse[i].dx + q * 0.25 / d_far;
      const double c = win.rowRepeatCost(per_px, 1);
      if (c < best.cost) best = {0, per_px, c, true};
    }
  double worst = 0;
  win.rowRepeatCost(best.dx, 1, yc, xc, &worst);
  if (!(best.cost < o.accept_ratio * variance) || !(worst < o.quadrant_ratio * variance)) return std::nullopt;
  return best;
}

// What one tile fitted: its far side's disparity, the offsets that hold (best
// first; none: the tile keeps the smooth fill) and the smooth fill's error by
// distance to its source, for a source on either side.
struct TileFit {
  bool holds_holes = false;  // a tile without hole pixels fits nothing and does not count in the blend
  float d_far = 0;
  double variance = 0;  // of the window the fits were measured on
  std::vector<Fit> fits;
  std::vector<double> smooth_error[2];
};

TileFit fitTile(const Planes& p, const HoleSides& sides, const std::vector<Offset>& offsets, int64_t ty, int64_t ty1,
                int64_t tx, int64_t tx1, float tol, const TextureFillOptions& o) {
  TileFit out;
  std::vector<float> far;
  int max_lag[2] = {0, 0};
  for (int64_t y = ty; y < ty1; ++y)
    for (int64_t x = tx; x < tx1; ++x) {
      const auto at = size_t(y * p.w + x);
      if (sides.far[at] < 0) continue;
      far.push_back(sides.far[at]);
      int& lag = max_lag[sides.direction[at] > 0 ? 1 : 0];
      lag = std::max(lag, std::min(kMaxSmoothLag, int(sides.distance[at])));
    }
  if (far.empty()) return out;
  std::nth_element(far.begin(), far.begin() + ptrdiff_t(far.size() / 2), far.end());
  out.holds_holes = true;
  out.d_far = far[far.size() / 2];
  TileWindow win(p, out.d_far, tol);
  int margin = o.window_radius_px;
  win.collect(ty - margin, ty1 + margin, tx - margin, tx1 + margin);
  while (win.size() < size_t(o.min_window_pixels) && margin + margin / 2 <= o.max_window_radius_px && margin > 1) {
    margin += margin / 2;
    win.collect(ty - margin, ty1 + margin, tx - margin, tx1 + margin);
  }
  if (win.size() < kMinWindow) return out;
  const double variance = out.variance = win.variance();
  if (!(variance > 0)) return out;  // a flat surface: the smooth fill is already right
  const int64_t yc = (ty + ty1) / 2, xc = (tx + tx1) / 2;
  out.fits = fitOffsets(win, offsets, variance, yc, xc, o);
  if (out.fits.empty())
    if (const auto repeat = fitRowRepeat(win, out.d_far - p.infinity_disparity, variance, yc, xc, p.w, o))
      out.fits.push_back(*repeat);
  if (out.fits.empty()) return out;
  // About that of predicting the surface by itself moved k px along the row,
  // and never above the variance (where the column smoothing takes over);
  // measured as far as this tile's pixels lie from their sources (beyond: the variance).
  for (int side = 0; side < 2; ++side) {
    out.smooth_error[side].assign(size_t(max_lag[side]) + 1, variance);
    for (int k = 1; k <= max_lag[side]; ++k) {
      const double e = win.cost(0, side ? k : -k);
      if (std::isfinite(e)) out.smooth_error[side][size_t(k)] = std::min(e, variance);
    }
  }
  return out;
}

// Adds to `delta` (per channel) `share` x the tile's copy at hole pixel (y, x)
// minus the smooth fill there: the copy from the best offset whose source is
// clean far surface (a multiple of a repetition's offset is one too, so a
// source that falls into another hole steps on, up to kMaxSteps times), mixed
// with the smooth fill by inverse error, b / (b + c) for the copy. False when
// no offset finds a source.
bool copyAt(const Planes& p, const TileFit& f, const HoleSides& sides, int64_t y, int64_t x, float tol, float share,
            std::vector<float>& delta) {
  const auto at = size_t(y * p.w + x);
  const TileWindow surface(p, f.d_far, tol);
  const int side = sides.direction[at] > 0 ? 1 : 0;
  const auto lag = size_t(std::min(kMaxSmoothLag, int(sides.distance[at])));
  for (const Fit& fit : f.fits)
    for (int k = 1; k <= kMaxSteps; ++k) {
      const auto [ys, xs] = fit.source(y, x, sides.far[at] - p.infinity_disparity, k);
      if (!surface.sourceOk(ys, xs)) continue;
      const auto& curve = f.smooth_error[side];
      const double b = lag < curve.size() ? curve[lag] : f.variance;
      const auto weight = float(b / std::max(b + fit.cost, 1e-12)) * share;
      for (int64_t ch = 0; ch < p.channels; ++ch)
        delta[size_t(ch)] += weight * (surface.sample(ch, ys, xs) - p.at(ch, y, x));
      return true;
    }
  return false;
}

// The tiles (row-major index) holding at least one hole pixel the fill treats,
// interleaved so that parallel chunks share the work (holes cluster).
std::vector<int64_t> holeTiles(const HoleSides& sides, int64_t h, int64_t w, int64_t tile) {
  const int64_t tiles_x = (w + tile - 1) / tile, tiles_y = (h + tile - 1) / tile;
  std::vector<uint8_t> used(size_t(tiles_x * tiles_y), 0);
  for (int64_t y = 0; y < h; ++y)
    for (int64_t x = 0; x < w; ++x)
      if (sides.far[size_t(y * w + x)] >= 0) used[size_t((y / tile) * tiles_x + x / tile)] = 1;
  std::vector<int64_t> list;
  for (int64_t t = 0; t < int64_t(used.size()); ++t)
    if (used[size_t(t)]) list.push_back(t);
  std::vector<int64_t> interleaved;
  constexpr int64_t kStride = 16;
  for (int64_t first = 0; first < kStride; ++first)
    for (int64_t i = first; i < int64_t(list.size()); i += kStride) interleaved.push_back(list[size_t(i)]);
  return interleaved;
}

}  // namespace

torch::Tensor cleanFarPixels(const WarpedView& view, double jump_px) {
  const auto cov = view.covered.to(torch::kCPU).contiguous();
  const auto d = view.disparity.to(torch::kCPU, torch::kFloat32).contiguous();
  const int64_t h = cov.size(0), w = cov.size(1);
  auto clean = torch::empty({h, w}, cov.options());
  const bool* cp = cov.data_ptr<bool>();
  const float* dp = d.data_ptr<float>();
  bool* out = clean.data_ptr<bool>();
  const auto jump = float(jump_px);
  at::parallel_for(0, h, 16, [&](int64_t y0, int64_t y1) {
    for (int64_t y = y0; y < y1; ++y)
      for (int64_t x = 0; x < w; ++x) {
        bool ok = cp[y * w + x];
        const float dq = dp[y * w + x];
        for (int64_t yy = std::max<int64_t>(0, y - kCleanRadius); ok && yy <= std::min(h - 1, y + kCleanRadius); ++yy)
          for (int64_t xx = std::max<int64_t>(0, x - kCleanRadius); ok && xx <= std::min(w - 1, x + kCleanRadius); ++xx)
            ok = cp[yy * w + xx] && dp[yy * w + xx] <= dq + jump;
        out[y * w + x] = ok;
      }
  });
  return clean.to(view.covered.device());
}

std::vector<Offset> dominantOffsets(const torch::Tensor& image, const torch::Tensor& clean,
                                    const TextureFillOptions& o) {
  torch::NoGradGuard no_grad;
  const auto img = image.to(torch::kCPU, torch::kFloat32)[0];
  const int64_t h = img.size(1), w = img.size(2);
  const int64_t s = std::max<int64_t>(1, (std::max(h, w) + kSearchSide - 1) / kSearchSide);
  auto m = clean.to(torch::kCPU, torch::kFloat32).view({1, 1, h, w});
  auto g = img.mean(0).view({1, 1, h, w}) * m;
  if (s > 1) {  // block means; a block counts only when all of it is clean
    m = F::avg_pool2d(m, F::AvgPool2dFuncOptions(s).stride(s));
    g = F::avg_pool2d(g, F::AvgPool2dFuncOptions(s).stride(s)) / m.clamp_min(1e-6);
    m = m.ge(0.999).to(torch::kFloat32);
    g = g * m;
  }
  m = m[0][0], g = g[0][0];
  const int64_t hs = m.size(0), ws = m.size(1);
  const int64_t radius = std::min(hs, ws) / 3, min_len = std::max<int64_t>(1, (o.min_offset_px + s - 1) / s);
  if (radius <= min_len || m.sum().item<double>() < 16) return {};
  // Correlations sum_q a(q) b(q + o) for every offset at once; padding by the
  // search radius keeps the circular FFT from wrapping.
  const std::vector<int64_t> size{hs + radius, ws + radius};
  const auto fm = torch::fft::rfft2(m, size), fg = torch::fft::rfft2(g, size), fg2 = torch::fft::rfft2(g * g, size);
  const auto overlap = torch::fft::irfft2(fm.conj() * fm, size);
  const auto sq = torch::fft::irfft2(fg2.conj() * fm + fm.conj() * fg2 - 2.0 * fg.conj() * fg, size);
  auto energy = sq / overlap.clamp_min(1.0);
  energy.masked_fill_(overlap.lt(kMinOverlap * overlap[0][0].item<double>()), std::numeric_limits<float>::infinity());
  // Offsets -radius..radius on both axes, (0, 0) at the centre.
  energy = energy.roll({radius, radius}, {0, 1}).slice(0, 0, 2 * radius + 1).slice(1, 0, 2 * radius + 1).contiguous();
  const auto ys = torch::arange(-radius, radius + 1, torch::kFloat32).view({-1, 1});
  const auto xs = torch::arange(-radius, radius + 1, torch::kFloat32).view({1, -1});
  // The dominant offsets are the true local minima (5x5) of the energy, away
  // from the trivial one at (0, 0) (whose slope would otherwise leave minima on
  // the edge of any excluded disc).
  const auto neg = -energy.view({1, 1, 2 * radius + 1, 2 * radius + 1});
  const auto long_enough = (ys * ys + xs * xs).ge(double(min_len * min_len)).view_as(neg);
  const auto peak =
      F::max_pool2d(neg, F::MaxPool2dFuncOptions(5).stride(1).padding(2)).eq(neg) & neg.isfinite() & long_enough;
  const auto flat = torch::where(peak, energy.view({1, 1, 2 * radius + 1, 2 * radius + 1}),
                                 torch::full({}, std::numeric_limits<float>::infinity()))
                        .flatten();
  const int64_t k = std::min<int64_t>(o.candidates, peak.sum().item<int64_t>());
  if (k <= 0) return {};
  const auto [values, indices] = flat.topk(k, 0, /*largest=*/false);
  const auto v = values.to(torch::kFloat64).contiguous(), idx = indices.contiguous();
  std::vector<Offset> out;
  for (int64_t i = 0; i < k; ++i) {
    const int64_t at = idx.data_ptr<int64_t>()[i], side = 2 * radius + 1;
    out.push_back({int((at % side - radius) * s), int((at / side - radius) * s), v.data_ptr<double>()[i]});
  }
  return out;
}

torch::Tensor textureFill(const torch::Tensor& filled, const WarpedView& view, double jump_px,
                          const TextureFillOptions& o) {
  torch::NoGradGuard no_grad;
  auto out = filled.to(torch::kCPU, torch::kFloat32).contiguous().clone();
  WarpedView cpu{out, view.disparity.to(torch::kCPU, torch::kFloat32).contiguous(),
                 view.covered.to(torch::kCPU).contiguous()};
  const auto clean = cleanFarPixels(cpu, jump_px);
  const auto offsets = dominantOffsets(out, clean, o);  // may be empty: row repeats are searched per tile
  const int64_t channels = out.size(1), h = out.size(2), w = out.size(3);
  const auto source_disparity =
      torch::where(clean, cpu.disparity, torch::full({}, std::numeric_limits<float>::quiet_NaN())).contiguous();
  const auto seen = cpu.disparity.masked_select(cpu.covered);
  const float infinity = seen.numel() ? std::min(0.0f, seen.min().item<float>()) : 0.0f;
  const Planes p{out.data_ptr<float>(), cpu.disparity.data_ptr<float>(),
                 cpu.covered.data_ptr<bool>(), source_disparity.data_ptr<float>(), infinity, channels, h, w};
  float* ip = out.data_ptr<float>();
  // One surface: within twice the warp's jump threshold (a slanted surface
  // changes within a window); a source may lie twice as far off (it is further away).
  const auto tol = float(std::max(2.0 * jump_px, 1.0));
  const HoleSides sides = holeSides(p);
  const int64_t tile = std::max(1, o.tile_px), tiles_x = (w + tile - 1) / tile, tiles_y = (h + tile - 1) / tile;
  const std::vector<int64_t> tiles = holeTiles(sides, h, w, tile);
  std::vector<TileFit> fitted(size_t(tiles_x * tiles_y));
  at::parallel_for(0, int64_t(tiles.size()), 1, [&](int64_t i0, int64_t i1) {
    for (int64_t i = i0; i < i1; ++i) {
      const int64_t t = tiles[size_t(i)], ty = (t / tiles_x) * tile, tx = (t % tiles_x) * tile;
      fitted[size_t(t)] = fitTile(p, sides, offsets, ty, std::min(h, ty + tile), tx, std::min(w, tx + tile), tol, o);
    }
  });
  // Each hole pixel blends the copies of the four tiles whose centres surround
  // it (bilinear weights, over those that hold holes of its surface), so
  // neighbouring tiles' offsets meet without a seam and a tile that found none
  // fades into the smooth fill. Tiles in parallel: each
  // writes only its own hole pixels and reads only clean (covered, never
  // written) ones.
  at::parallel_for(0, int64_t(tiles.size()), 1, [&](int64_t i0, int64_t i1) {
    std::vector<float> delta(static_cast<size_t>(channels), 0.0f);
    for (int64_t i = i0; i < i1; ++i) {
      const int64_t t = tiles[size_t(i)], ty = (t / tiles_x) * tile, tx = (t % tiles_x) * tile;
      for (int64_t y = ty; y < std::min(h, ty + tile); ++y)
        for (int64_t x = tx; x < std::min(w, tx + tile); ++x) {
          const auto at = size_t(y * w + x);
          if (sides.far[at] < 0) continue;
          const double u = (double(x) + 0.5) / double(tile) - 0.5, v = (double(y) + 0.5) / double(tile) - 0.5;
          const auto cu = int64_t(std::floor(u)), cv = int64_t(std::floor(v));
          std::fill(delta.begin(), delta.end(), 0.0f);
          bool any = false;
          float counted = 0;  // the shares of the surrounding tiles that hold holes of this surface
          for (int64_t dv = 0; dv <= 1; ++dv)
            for (int64_t du = 0; du <= 1; ++du) {
              const auto share = float((du ? u - double(cu) : 1.0 - (u - double(cu))) *
                                       (dv ? v - double(cv) : 1.0 - (v - double(cv))));
              const int64_t nu = std::clamp<int64_t>(cu + du, 0, tiles_x - 1);
              const int64_t nv = std::clamp<int64_t>(cv + dv, 0, tiles_y - 1);
              const TileFit& f = fitted[size_t(nv * tiles_x + nu)];
              if (share <= 0 || !f.holds_holes || std::abs(f.d_far - sides.far[at]) > tol) continue;
              counted += share;
              if (!f.fits.empty()) any = copyAt(p, f, sides, y, x, tol, share, delta) || any;
            }
          if (!any) continue;
          for (int64_t ch = 0; ch < channels; ++ch) ip[(ch * h + y) * w + x] += delta[size_t(ch)] / counted;
        }
    }
  });
  return out.to(filled.device(), filled.scalar_type());
}

}  // namespace sds::render
