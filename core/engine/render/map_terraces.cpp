#include "core/engine/render/map_terraces.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cmath>
#include <vector>

namespace sds::render {
namespace {

using torch::indexing::None;
using torch::indexing::Slice;

// Float32 values of a scaled map (k * 0.3) are whole multiples of the step only
// to a few ulps; a relative 1e-3 still tells 1 step from 2 over 4096 levels.
constexpr double kStepTolerance = 1e-3;

// One line of the map: a row (stride 1) or a column (stride = the row length).
struct Line {
  const float* value;
  const bool* known;
  int64_t length, stride;
  float at(int64_t i) const { return value[i * stride]; }
  bool isKnown(int64_t i) const { return known[i * stride]; }
};

// Adds each ramp terrace of `line` to the running sums (same stride as the line).
void addRamps(const Line& line, double step, float* sum, float* weight) {
  const auto oneStep = [step](double d) { return std::abs(std::abs(d) - step) <= kStepTolerance * step; };
  int64_t start = 0;
  while (start < line.length) {
    const float level = line.at(start);
    const bool known = line.isKnown(start);
    int64_t end = start + 1;
    while (end < line.length && line.at(end) == level && line.isKnown(end) == known) ++end;
    if (known && start > 0 && end < line.length && line.isKnown(start - 1) && line.isKnown(end)) {
      const double below = double(level) - line.at(start - 1), above = double(line.at(end)) - level;
      // Same sign: the terrace is a stair between its neighbours, not a ridge or a trough.
      if (oneStep(below) && oneStep(above) && (below > 0) == (above > 0)) {
        const double direction = below > 0 ? step : -step, length = double(end - start);
        const float w = float(1.0 / length);
        for (int64_t i = start; i < end; ++i) {
          // The midpoints sit half a pixel outside the run: at start - 0.5 and end - 0.5.
          const double t = (double(i - start) + 0.5) / length - 0.5;
          sum[i * line.stride] += w * float(level + direction * t);
          weight[i * line.stride] += w;
        }
      }
    }
    start = end;
  }
}

}  // namespace

torch::Tensor knownValues(const torch::Tensor& map, bool zero_is_unknown) {
  auto known = torch::isfinite(map);
  return zero_is_unknown ? known & map.gt(0) : known;
}

MapLevels coarseMapLevels(const torch::Tensor& map, bool zero_is_unknown) {
  if (map.dim() != 2 || map.size(1) < 2) return {};
  // Every 8th row: any slanted surface shows the step, at an eighth of the cost
  // (this runs on every render, coarse map or not).
  const auto rows = map.index({Slice(None, None, 8)});
  const auto known = knownValues(rows, zero_is_unknown);
  const auto left = rows.index({Slice(), Slice(None, -1)}), right = rows.index({Slice(), Slice(1, None)});
  const auto both = known.index({Slice(), Slice(None, -1)}) & known.index({Slice(), Slice(1, None)});
  const auto steps = (right - left).abs().masked_select(both & right.ne(left));
  if (steps.numel() == 0) return {};
  const double step = steps.min().item<double>();
  if (!(step > 0) || !std::isfinite(step)) return {};
  const auto [lo, hi] = torch::aminmax(rows.masked_select(known));
  const double count = (hi.item<double>() - lo.item<double>()) / step;
  if (!(count <= double(kMaxTerraceLevels))) return {};
  const auto ratio = steps.to(torch::kFloat64) / step;
  if (!(ratio - ratio.round()).abs().le(kStepTolerance * ratio).all().item<bool>()) return {};
  return {step, count};
}

torch::Tensor smoothTerraces(const torch::Tensor& map, double step, bool zero_is_unknown) {
  const auto m = map.to(torch::kCPU, torch::kFloat32).contiguous();
  const auto k = knownValues(m, zero_is_unknown).contiguous();
  const int64_t h = m.size(0), w = m.size(1);
  std::vector<float> sum(size_t(h * w), 0.0f), weight(size_t(h * w), 0.0f);
  const float* value = m.data_ptr<float>();
  const bool* is_known = k.data_ptr<bool>();
  // Rows, then columns; each pass writes only its own lines' sums.
  at::parallel_for(0, h, 16, [&](int64_t y0, int64_t y1) {
    for (int64_t y = y0; y < y1; ++y)
      addRamps(Line{value + y * w, is_known + y * w, w, 1}, step, sum.data() + y * w, weight.data() + y * w);
  });
  at::parallel_for(0, w, 64, [&](int64_t x0, int64_t x1) {
    for (int64_t x = x0; x < x1; ++x)
      addRamps(Line{value + x, is_known + x, h, w}, step, sum.data() + x, weight.data() + x);
  });
  auto out = m.clone();
  float* o = out.data_ptr<float>();
  for (int64_t i = 0; i < h * w; ++i)
    if (weight[size_t(i)] > 0) o[i] = sum[size_t(i)] / weight[size_t(i)];
  return out.to(map.device());
}

}  // namespace sds::render
