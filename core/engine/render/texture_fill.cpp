#include "core/engine/render/texture_fill.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sds::render {
namespace {

namespace F = torch::nn::functional;

constexpr int kCleanRadius = 2;     // no hole and no nearer surface this close to a source pixel
constexpr int64_t kSearchSide = 512;  // the offset search runs on the view shrunk to about this size
constexpr int kRefineSteps = 3;     // +-1 px refinement steps of an offset at each run
constexpr int kMaxSteps = 3;         // a source in another hole steps on by the offset again, this often
constexpr double kMinOverlap = 0.1;   // an offset counts where its overlap is at least this share of the view's

// Read-only views of one CPU view, float32 [C,H,W] / [H,W].
struct Planes {
  const float* image;
  const float* disparity;
  const bool* clean;
  const bool* covered;
  int64_t channels, h, w;
  bool inside(int64_t y, int64_t x) const { return y >= 0 && y < h && x >= 0 && x < w; }
  float at(int64_t c, int64_t y, int64_t x) const { return image[(c * h + y) * w + x]; }
};

// How well an offset predicts the far surface around one hole run's far-side edge.
struct Window {
  const Planes& p;
  int64_t yc, xc;
  float d_far, tol;
  int radius;
  int64_t min_count;

  bool onSurface(int64_t y, int64_t x) const {
    return p.inside(y, x) && p.clean[y * p.w + x] && std::abs(p.disparity[y * p.w + x] - d_far) <= tol;
  }
  // Mean squared difference between the surface and itself moved by (dx, dy); +inf without enough overlap.
  double cost(int dx, int dy) const {
    double sse = 0;
    int64_t n = 0;
    for (int64_t y = yc - radius; y <= yc + radius; ++y)
      for (int64_t x = xc - radius; x <= xc + radius; ++x) {
        if (!onSurface(y, x)) continue;
        const int64_t ys = y + dy, xs = x + dx;
        if (!p.inside(ys, xs) || !p.clean[ys * p.w + xs]) continue;
        for (int64_t c = 0; c < p.channels; ++c) {
          const double e = p.at(c, y, x) - p.at(c, ys, xs);
          sse += e * e;
        }
        ++n;
      }
    return n >= min_count ? sse / double(n) : std::numeric_limits<double>::infinity();
  }
  // The surface's mean squared deviation from its own mean: a smooth fill's error.
  double variance() const {
    std::vector<double> sum(size_t(p.channels), 0.0), sum2(size_t(p.channels), 0.0);
    int64_t n = 0;
    for (int64_t y = yc - radius; y <= yc + radius; ++y)
      for (int64_t x = xc - radius; x <= xc + radius; ++x) {
        if (!onSurface(y, x)) continue;
        for (int64_t c = 0; c < p.channels; ++c) {
          const double v = p.at(c, y, x);
          sum[size_t(c)] += v;
          sum2[size_t(c)] += v * v;
        }
        ++n;
      }
    if (n < min_count) return 0;
    double var = 0;
    for (int64_t c = 0; c < p.channels; ++c)
      var += sum2[size_t(c)] / double(n) - (sum[size_t(c)] / double(n)) * (sum[size_t(c)] / double(n));
    return var;
  }
};

struct Ranked {
  Offset offset;
  double cost;
};

// Refined by +-1 px steps: the search grid is coarser than a pixel, and a
// draped texture's period drifts across the view.
Ranked refine(const Window& win, Ranked best) {
  for (int step = 0; step < kRefineSteps; ++step) {
    Ranked next = best;
    for (int ddy = -1; ddy <= 1; ++ddy)
      for (int ddx = -1; ddx <= 1; ++ddx) {
        if (!ddx && !ddy) continue;
        const Offset o{best.offset.dx + ddx, best.offset.dy + ddy, best.offset.energy};
        const double c = win.cost(o.dx, o.dy);
        if (c < next.cost) next = {o, c};
      }
    if (next.offset.dx == best.offset.dx && next.offset.dy == best.offset.dy) break;
    best = next;
  }
  return best;
}

// The offsets that predict the window better than max_cost, best first: the
// kMaxUsed best candidates, each refined.
constexpr size_t kMaxUsed = 4;
std::vector<Ranked> rankOffsets(const Window& win, const std::vector<Offset>& candidates, double max_cost) {
  std::vector<Ranked> all;
  for (const auto& o : candidates) {
    const double c = win.cost(o.dx, o.dy);
    if (std::isfinite(c)) all.push_back({o, c});
  }
  std::sort(all.begin(), all.end(), [](const Ranked& a, const Ranked& b) { return a.cost < b.cost; });
  if (all.size() > kMaxUsed) all.resize(kMaxUsed);
  std::vector<Ranked> used;
  for (const auto& r : all) {
    const Ranked f = refine(win, r);
    if (f.cost < max_cost) used.push_back(f);
  }
  std::sort(used.begin(), used.end(), [](const Ranked& a, const Ranked& b) { return a.cost < b.cost; });
  return used;
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
  const auto offsets = dominantOffsets(out, clean, o);
  if (offsets.empty()) return filled;
  const int64_t channels = out.size(1), h = out.size(2), w = out.size(3);
  const Planes p{out.data_ptr<float>(), cpu.disparity.data_ptr<float>(), clean.data_ptr<bool>(),
                 cpu.covered.data_ptr<bool>(), channels, h, w};
  float* ip = out.data_ptr<float>();
  // One surface: within twice the warp's jump threshold (a slanted surface
  // changes within a window); a source may lie twice as far off (it is further away).
  const auto tol = float(std::max(2.0 * jump_px, 1.0));
  const int r = o.window_radius_px;
  const int64_t min_count = (2 * r + 1) * (2 * r + 1) / 6;
  // Rows in parallel: each writes only its own hole pixels and reads only clean
  // (covered, never written) ones.
  at::parallel_for(0, h, 8, [&](int64_t y0, int64_t y1) {
    for (int64_t y = y0; y < y1; ++y) {
      const bool* crow = p.covered + y * w;
      const float* drow = p.disparity + y * w;
      for (int64_t x = 0; x < w;) {
        if (crow[x]) { ++x; continue; }
        const int64_t run_start = x;
        while (x < w && !crow[x]) ++x;
        const int64_t l = run_start - 1, rr = x;  // the run is (l, rr)
        const bool has_l = l >= 0, has_r = rr < w;
        if (!has_l && !has_r) continue;
        if (has_l && has_r && std::abs(drow[l] - drow[rr]) <= 1.0f) continue;  // a crack: the blend is right
        // The hole shows the farther side (as in the background fill).
        const int64_t from = (has_l && (!has_r || drow[l] < drow[rr])) ? l : rr;
        const Window win{p, y, from, drow[from], tol, r, min_count};
        const double variance = win.variance();
        const auto ranked = rankOffsets(win, offsets, o.accept_ratio * variance);
        if (ranked.empty()) continue;
        // What the smooth fill's error is at distance k from its source: about
        // that of predicting the surface by itself moved k px along the row,
        // and never above the variance (where the column smoothing takes over).
        const int dir = from == rr ? 1 : -1;
        std::vector<double> smooth_error(size_t(rr - run_start + 1), variance);
        for (size_t k = 1; k < smooth_error.size(); ++k) {
          const double e = win.cost(dir * int(k), 0);
          if (std::isfinite(e)) smooth_error[k] = std::min(e, variance);
        }
        // Each pixel copies through the best offset whose source is clean far
        // surface; a multiple of a repetition's offset is one too, so a source
        // that falls into another hole steps on (up to kMaxSteps times). The
        // copy and the smooth fill are two predictions with their own errors:
        // they are mixed by inverse error, b / (b + c) for the copy.
        for (int64_t c = run_start; c < rr; ++c) {
          bool done = false;
          for (size_t i = 0; i < ranked.size() && !done; ++i) {
            const Offset& of = ranked[i].offset;
            for (int k = 1; k <= kMaxSteps && !done; ++k) {
              const int64_t ys = y + k * of.dy, xs = c + k * of.dx;
              if (!p.inside(ys, xs)) break;
              if (!p.clean[ys * w + xs] || std::abs(p.disparity[ys * w + xs] - drow[from]) > 2 * tol) continue;
              const double b = smooth_error[size_t(std::abs(c - from))];
              const auto weight = float(b / std::max(b + ranked[i].cost, 1e-12));
              for (int64_t ch = 0; ch < channels; ++ch) {
                float& v = ip[(ch * h + y) * w + c];
                v += weight * (p.at(ch, ys, xs) - v);
              }
              done = true;
            }
          }
        }
      }
    }
  });
  return out.to(filled.device(), filled.scalar_type());
}

}  // namespace sds::render
