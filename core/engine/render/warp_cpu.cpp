#include "core/engine/render/warp_cpu.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace sds::render::cpu {
namespace {

// For one row: the source column u every target sees (-1: nothing). Walking the
// sources in depth order and overwriting is the z-buffer: for shift < 0 a later
// (right) source that lands on the same target is the nearer one.
void landRow(const float* pos, int64_t w, double max_segment, bool ascending, std::vector<float>& seen) {
  std::fill(seen.begin(), seen.end(), -1.0f);
  auto joined = [&](int64_t x) {
    if (x < 0 || x + 1 >= w) return false;
    const float len = pos[x + 1] - pos[x];
    return len > 0 && len <= max_segment;
  };
  auto segment = [&](int64_t x) {
    const float p0 = pos[x], p1 = pos[x + 1], len = p1 - p0;
    const int64_t first = std::max<int64_t>(0, int64_t(std::ceil(p0)));
    const int64_t last = std::min<int64_t>(w - 1, int64_t(std::floor(p1)));
    if (ascending)
      for (int64_t c = first; c <= last; ++c) seen[c] = float(x) + (float(c) - p0) / len;
    else
      for (int64_t c = last; c >= first; --c) seen[c] = float(x) + (float(c) - p0) / len;
  };
  auto lonely = [&](int64_t x) {
    if (joined(x - 1) || joined(x)) return;
    const float c = std::nearbyint(pos[x]);
    if (c >= 0 && c <= float(w - 1)) seen[int64_t(c)] = float(x);
  };
  if (ascending) {
    for (int64_t x = 0; x < w; ++x) {
      lonely(x);
      if (joined(x)) segment(x);
    }
  } else {
    for (int64_t x = w - 1; x >= 0; --x) {
      if (joined(x)) segment(x);
      lonely(x);
    }
  }
}

// Catmull-Rom weights of pixels x0 - 1 .. x0 + 2 at x0 + f, when all four lie
// on one surface (no step above max_jump between neighbours) and f is fractional.
struct CubicTaps {
  bool valid = false;
  float w[4] = {0, 0, 0, 0};
  float apply(const float* row, int64_t x0) const {
    const float v = w[0] * row[x0 - 1] + w[1] * row[x0] + w[2] * row[x0 + 1] + w[3] * row[x0 + 2];
    // No ringing beyond the four pixels it is made of.
    const float lo = std::min(std::min(row[x0 - 1], row[x0]), std::min(row[x0 + 1], row[x0 + 2]));
    const float hi = std::max(std::max(row[x0 - 1], row[x0]), std::max(row[x0 + 1], row[x0 + 2]));
    return std::clamp(v, lo, hi);
  }
};

CubicTaps cubicTaps(const float* d, int64_t x0, int64_t x1, int64_t w, float f, float max_jump) {
  CubicTaps t;
  if (f <= 0.0f || f >= 1.0f || x0 < 1 || x1 != x0 + 1 || x0 + 2 >= w) return t;
  if (std::abs(d[x0] - d[x0 - 1]) > max_jump || std::abs(d[x1] - d[x0]) > max_jump ||
      std::abs(d[x0 + 2] - d[x1]) > max_jump)
    return t;
  const float f2 = f * f, f3 = f2 * f;
  t.w[0] = 0.5f * (-f3 + 2 * f2 - f);
  t.w[1] = 0.5f * (3 * f3 - 5 * f2 + 2);
  t.w[2] = 0.5f * (-3 * f3 + 4 * f2 + f);
  t.w[3] = 0.5f * (f3 - f2);
  t.valid = true;
  return t;
}

}  // namespace

WarpedView forwardWarp(const torch::Tensor& image, const torch::Tensor& disparity, const WarpOptions& o) {
  const auto src = image.to(torch::kFloat32).contiguous();
  const auto d = disparity.to(torch::kFloat32).contiguous();
  const int64_t channels = src.size(1), h = d.size(0), w = d.size(1);
  auto out = torch::empty_like(src);
  auto out_d = torch::empty({h, w}, d.options());
  auto covered = torch::empty({h, w}, d.options().dtype(torch::kBool));
  const float* sp = src.data_ptr<float>();
  const float* dp = d.data_ptr<float>();
  float* op = out.data_ptr<float>();
  float* odp = out_d.data_ptr<float>();
  bool* cp = covered.data_ptr<bool>();
  const double max_segment = 1.0 + std::abs(o.shift) * o.max_jump_px;
  const bool ascending = o.shift <= 0;
  const float shift = float(o.shift);
  at::parallel_for(0, h, 16, [&](int64_t y0, int64_t y1) {
    std::vector<float> pos(w), seen(w);
    for (int64_t y = y0; y < y1; ++y) {
      const float* drow = dp + y * w;
      for (int64_t x = 0; x < w; ++x) pos[x] = float(x) + shift * drow[x];
      landRow(pos.data(), w, max_segment, ascending, seen);
      for (int64_t c = 0; c < w; ++c) {
        const float u = seen[c];
        const bool hit = u >= 0;
        cp[y * w + c] = hit;
        const int64_t x0 = hit ? std::min<int64_t>(int64_t(u), std::max<int64_t>(w - 2, 0)) : 0;
        const int64_t x1 = std::min<int64_t>(x0 + 1, w - 1);
        const float f = hit ? std::min(1.0f, u - float(x0)) : 0.0f;
        odp[y * w + c] = hit ? drow[x0] + (drow[x1] - drow[x0]) * f : 0.0f;
        const CubicTaps taps = hit && o.cubic ? cubicTaps(drow, x0, x1, w, f, float(o.max_jump_px)) : CubicTaps{};
        for (int64_t ch = 0; ch < channels; ++ch) {
          const float* row = sp + (ch * h + y) * w;
          op[(ch * h + y) * w + c] = !hit          ? 0.0f
                                     : taps.valid ? taps.apply(row, x0)
                                                  : row[x0] + (row[x1] - row[x0]) * f;
        }
      }
    }
  });
  return {out.to(image.scalar_type()), out_d, covered};
}

namespace {

// Row pass: every hole run takes the farther side's colour (or a blend across a
// crack); `dist` gets each hole pixel's distance to the pixel it copies.
void fillRows(float* ip, float* dist, const float* dp, const bool* cp, int64_t channels, int64_t h, int64_t w,
              float same, int64_t skip) {
  at::parallel_for(0, h, 16, [&](int64_t y0, int64_t y1) {
    for (int64_t y = y0; y < y1; ++y) {
      const bool* crow = cp + y * w;
      const float* drow = dp + y * w;
      float* drow_out = dist + y * w;
      for (int64_t x = 0; x < w;) {
        if (crow[x]) { drow_out[x++] = 0; continue; }
        int64_t end = x;
        while (end < w && !crow[end]) ++end;  // hole run [x, end)
        const int64_t l = x - 1, r = end;
        const bool has_l = l >= 0, has_r = r < w;
        const bool blend = has_l && has_r && std::abs(drow[l] - drow[r]) <= same;
        int64_t from = (has_l && (!has_r || drow[l] < drow[r])) ? l : r;
        const int64_t next = from + (from == l ? -skip : skip);
        if (skip > 0 && next >= 0 && next < w && crow[next] && std::abs(drow[next] - drow[from]) <= same) from = next;
        for (int64_t c = x; c < end; ++c)
          drow_out[c] = blend ? float(std::min(c - l, r - c)) : float(std::abs(c - from));
        for (int64_t ch = 0; ch < channels && (has_l || has_r); ++ch) {
          float* row = ip + (ch * h + y) * w;
          if (blend)
            for (int64_t c = x; c < end; ++c) row[c] = row[l] + (row[r] - row[l]) * float(c - l) / float(r - l);
          else
            for (int64_t c = x; c < end; ++c) row[c] = row[from];
        }
        x = end;
      }
    }
  });
}

// Column pass: a copied colour is a good guess next to its source and a poor one
// far away, where the local mean predicts better. Each hole pixel becomes the
// mean of its vertical run of hole pixels within a radius growing with `dist`;
// a run also ends where the copied colour jumps by more than `jump` (summed
// over the channels). Row-major over blocks of columns, prefix sums restarting
// at each run.
void smoothColumns(float* ip, const float* dist, const bool* cp, int64_t channels, int64_t h, int64_t w,
                   const FillOptions& o, float jump) {
  // True when hole rows y - 1 and y of column x are one run (no strong edge between them).
  const auto joined = [&](int64_t y, int64_t x) {
    if (cp[(y - 1) * w + x]) return false;
    float d = 0;
    for (int64_t ch = 0; ch < channels; ++ch) d += std::abs(ip[(ch * h + y) * w + x] - ip[(ch * h + y - 1) * w + x]);
    return d <= jump;
  };
  at::parallel_for(0, w, 128, [&](int64_t x0, int64_t x1) {
    const int64_t n = x1 - x0;
    // Only hole entries are ever written or read: no need to clear the buffers.
    std::unique_ptr<int32_t[]> start(new int32_t[h * n]), end(new int32_t[h * n]);
    std::unique_ptr<float[]> prefix(new float[channels * h * n]);
    for (int64_t y = 0; y < h; ++y)
      for (int64_t i = 0; i < n; ++i) {
        if (cp[y * w + x0 + i]) continue;
        const bool run = y > 0 && joined(y, x0 + i);
        start[y * n + i] = run ? start[(y - 1) * n + i] : int32_t(y);
        for (int64_t ch = 0; ch < channels; ++ch)
          prefix[(ch * h + y) * n + i] =
              (run ? prefix[(ch * h + y - 1) * n + i] : 0.0f) + ip[(ch * h + y) * w + x0 + i];
      }
    for (int64_t y = h - 1; y >= 0; --y)
      for (int64_t i = 0; i < n; ++i) {
        if (cp[y * w + x0 + i]) continue;
        // Row y + 1 continues y's run exactly when the forward pass gave it y's start.
        const bool run = y + 1 < h && !cp[(y + 1) * w + x0 + i] && start[(y + 1) * n + i] == start[y * n + i];
        end[y * n + i] = run ? end[(y + 1) * n + i] : int32_t(y + 1);
      }
    for (int64_t y = 0; y < h; ++y)
      for (int64_t i = 0; i < n; ++i) {
        const int64_t at = y * w + x0 + i;
        if (cp[at]) continue;
        const int64_t r = std::min<int64_t>(o.smooth_max_radius, int64_t(dist[at] * o.smooth_slope));
        if (r <= 0) continue;
        const int64_t s0 = start[y * n + i], lo = std::max(y - r, s0), hi = std::min<int64_t>(y + r + 1, end[y * n + i]);
        for (int64_t ch = 0; ch < channels; ++ch) {
          const float* pc = prefix.get() + ch * h * n;
          const float below = lo > s0 ? pc[(lo - 1) * n + i] : 0.0f;
          ip[(ch * h + y) * w + x0 + i] = (pc[(hi - 1) * n + i] - below) / float(hi - lo);
        }
      }
  });
}

}  // namespace

void fillInPlace(WarpedView& view, const FillOptions& o) {
  if (view.image.scalar_type() != torch::kFloat32 || !view.image.is_contiguous())
    view.image = view.image.to(torch::kFloat32).contiguous();
  const auto d = view.disparity.contiguous();
  const auto cov = view.covered.contiguous();
  const int64_t channels = view.image.size(1), h = cov.size(0), w = cov.size(1);
  float* ip = view.image.data_ptr<float>();
  auto dist = torch::empty({h, w}, d.options());
  fillRows(ip, dist.data_ptr<float>(), d.data_ptr<float>(), cov.data_ptr<bool>(), channels, h, w,
           float(o.same_surface_px), o.edge_skip_px);
  if (o.smooth_max_radius > 0)
    smoothColumns(ip, dist.data_ptr<float>(), cov.data_ptr<bool>(), channels, h, w, o, smoothingBreak(view.image, o));
}

torch::Tensor fillFromBackground(const WarpedView& view, const FillOptions& o) {
  WarpedView copy = view;
  copy.image = view.image.to(torch::kFloat32).contiguous().clone();
  fillInPlace(copy, o);
  return copy.image.to(view.image.scalar_type());
}

}  // namespace sds::render::cpu
