#include "core/engine/render/periodic_fill.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace sds::render {
namespace {

constexpr int kSideReach = 24;        // covered pixels this close to a hole sample the texture
constexpr size_t kMaxSamples = 12000;  // enough for a stable mean, cheap at every slider move
constexpr float kSameSurfacePx = 1.0f;
constexpr float kSlopePerPx = 0.02f;  // a slanted far surface changes its disparity along the row

struct CpuView {
  torch::Tensor image, disparity, covered;  // [C,H,W] float32, [H,W] float32, [H,W] bool; CPU contiguous
  int64_t channels, h, w;
};

CpuView onCpu(const WarpedView& v) {
  CpuView c;
  c.image = v.image[0].to(torch::kCPU, torch::kFloat32).contiguous();
  c.disparity = v.disparity.to(torch::kCPU, torch::kFloat32).contiguous();
  c.covered = v.covered.to(torch::kCPU).contiguous();
  c.channels = c.image.size(0);
  c.h = c.covered.size(0);
  c.w = c.covered.size(1);
  return c;
}

bool sameSurface(float a, float b, int64_t apart) { return std::abs(a - b) <= kSameSurfacePx + kSlopePerPx * float(apart); }

// A hole run [x0, x1) of one row and the column of its far (background) side.
struct Run {
  int64_t x0, x1, far;
};

// Hole runs of a row that open beside a nearer surface (or at the border);
// cracks within one surface are left to the blend of the background fill.
template <typename Fn>
void forEachDisocclusion(const bool* cov, const float* d, int64_t w, Fn&& fn) {
  for (int64_t x = 0; x < w;) {
    if (cov[x]) { ++x; continue; }
    int64_t end = x;
    while (end < w && !cov[end]) ++end;
    const int64_t l = x - 1, r = end;
    const bool has_l = l >= 0, has_r = r < w;
    if ((has_l || has_r) && !(has_l && has_r && std::abs(d[l] - d[r]) <= kSameSurfacePx))
      fn(Run{x, end, has_l && (!has_r || d[l] < d[r]) ? l : r});
    x = end;
  }
}

}  // namespace

Period findBackgroundPeriod(const WarpedView& view, const PeriodicFillOptions& o) {
  const CpuView v = onCpu(view);
  const int64_t w = v.w, h = v.h;
  const int max_dx = int(std::min<double>(o.max_period_share * double(w), double(w) / 2));
  if (max_dx <= o.min_period_px + 2) return {};
  // Grey values and the far-side texture samples beside every disocclusion.
  const auto grey = v.image.mean(0).contiguous();
  const float* g = grey.data_ptr<float>();
  const float* d = v.disparity.data_ptr<float>();
  const bool* cov = v.covered.data_ptr<bool>();
  std::vector<int64_t> samples;
  for (int64_t y = 0; y < h; y += 2)
    forEachDisocclusion(cov + y * w, d + y * w, w, [&](const Run& run) {
      const int64_t step = run.far >= run.x1 ? 1 : -1;
      for (int64_t k = 0, x = run.far; k < kSideReach && x >= 0 && x < w && cov[y * w + x]; ++k, x += step)
        samples.push_back(y * w + x);
    });
  if (samples.size() < 64) return {};
  if (samples.size() > kMaxSamples) {
    const size_t stride = (samples.size() + kMaxSamples - 1) / kMaxSamples;
    std::vector<int64_t> thinned;
    for (size_t i = 0; i < samples.size(); i += stride) thinned.push_back(samples[i]);
    samples.swap(thinned);
  }
  // Mean squared grey difference to the pixel dx further right (or left), same surface only.
  const int n_dx = max_dx - o.min_period_px + 1;
  std::vector<double> score(size_t(n_dx), -1.0);
  at::parallel_for(0, n_dx, 8, [&](int64_t i0, int64_t i1) {
    for (int64_t i = i0; i < i1; ++i) {
      const int dx = o.min_period_px + int(i);
      double sum = 0;
      size_t n = 0;
      for (const int64_t s : samples) {
        const int64_t x = s % w;
        const int64_t t = x + dx < w ? s + dx : (x - dx >= 0 ? s - dx : -1);
        if (t < 0 || !cov[t] || !sameSurface(d[s], d[t], dx)) continue;
        const double e = double(g[s]) - double(g[t]);
        sum += e * e;
        ++n;
      }
      if (n * 3 >= samples.size()) score[size_t(i)] = sum / double(n);
    }
  });
  std::vector<double> valid;
  for (double s : score)
    if (s >= 0) valid.push_back(s);
  if (valid.size() < 8) return {};
  std::nth_element(valid.begin(), valid.begin() + valid.size() / 2, valid.end());
  const double median = valid[valid.size() / 2];
  int best = -1;
  for (int i = 0; i < n_dx; ++i)
    if (score[size_t(i)] >= 0 && (best < 0 || score[size_t(i)] < score[size_t(best)])) best = i;
  // A smooth surface is most alike at the smallest offset: no period, just a gradient.
  if (best <= 0 || !(median > 0)) return {};
  Period p{o.min_period_px + best, score[size_t(best)] / median};
  if (p.residual > o.max_residual) p.dx = 0;
  return p;
}

void fillPeriodic(const WarpedView& view, torch::Tensor& filled, const PeriodicFillOptions& o) {
  if (!o.enabled) return;
  const Period p = findBackgroundPeriod(view, o);
  if (p.dx <= 0) return;
  const CpuView v = onCpu(view);
  // Sources are covered pixels, which the background fill leaves as they are,
  // so `filled` may be view.image itself (the renderer fills in place).
  auto out = filled[0].to(torch::kCPU, torch::kFloat32).contiguous();
  const int64_t w = v.w, h = v.h, plane = h * w;
  const float* src = v.image.data_ptr<float>();
  const float* d = v.disparity.data_ptr<float>();
  const bool* cov = v.covered.data_ptr<bool>();
  float* op = out.data_ptr<float>();
  at::parallel_for(0, h, 16, [&](int64_t y0, int64_t y1) {
    for (int64_t y = y0; y < y1; ++y)
      forEachDisocclusion(cov + y * w, d + y * w, w, [&](const Run& run) {
        const int64_t s = run.far >= run.x1 ? 1 : -1;
        const float d_far = d[y * w + run.far];
        for (int64_t x = run.x0; x < run.x1; ++x) {
          // The nearest whole number of periods that leaves the hole on its far side.
          const int64_t gap = s > 0 ? run.x1 - x : x - (run.x0 - 1);
          const int64_t from = x + s * ((gap + p.dx - 1) / p.dx) * p.dx;
          if (from < 0 || from >= w || !cov[y * w + from] ||
              !sameSurface(d[y * w + from], d_far, std::abs(from - run.far)))
            continue;
          for (int64_t c = 0; c < v.channels; ++c) op[c * plane + y * w + x] = src[c * plane + y * w + from];
        }
      });
  });
  if (out.data_ptr() != filled.data_ptr()) filled.copy_(out.unsqueeze(0).to(filled.device(), filled.scalar_type()));
}

}  // namespace sds::render
