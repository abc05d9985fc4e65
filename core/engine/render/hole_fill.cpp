#include "core/engine/render/hole_fill.h"

#include <torch/torch.h>

#include "core/engine/render/row_scan.h"
#include "core/engine/render/warp_cpu.h"

namespace sds::render {
namespace {

struct RowFill {
  torch::Tensor image;     // [C,H,W]
  torch::Tensor distance;  // [H,W] float32: hole pixel -> distance to the pixel its colour came from
};

// Every hole run takes the farther side's colour (or a blend across a crack).
RowFill fillRows(const WarpedView& view, const FillOptions& o) {
  const auto& covered = view.covered;
  const int64_t w = covered.size(1);
  const auto nb = nearestSetAlongRows(covered);
  const auto has_l = nb.left.ge(0), has_r = nb.right.lt(w);
  const auto dl = gatherColumns(view.disparity, nb.left), dr = gatherColumns(view.disparity, nb.right);
  const auto src = view.image[0];  // [C,H,W]
  const auto cols = torch::arange(w, nb.left.options()).expand_as(nb.left);

  // One surface on both sides (a crack): interpolate across by position.
  const auto same = has_l & has_r & (dl - dr).abs().le(o.same_surface_px);
  const auto cl = gatherColumns(src, nb.left), cr = gatherColumns(src, nb.right);
  const auto t = (cols - nb.left).to(src.scalar_type()) / (nb.right - nb.left).clamp_min(1).to(src.scalar_type());
  const auto blended = cl + (cr - cl) * t;

  // Otherwise the farther side (smaller disparity) or the only side there is,
  // edge_skip_px further in when that is still the same surface.
  const auto use_left = has_l & (~has_r | dl.lt(dr));
  auto from = torch::where(use_left, nb.left, nb.right);
  if (o.edge_skip_px > 0) {
    const auto next = from + torch::where(use_left, -o.edge_skip_px, o.edge_skip_px);
    const auto inside = next.ge(0) & next.lt(w);
    const auto ok = inside & gatherColumns(covered, next) &
                    (gatherColumns(view.disparity, next) - gatherColumns(view.disparity, from)).abs().le(o.same_surface_px);
    from = torch::where(ok, next, from);
  }
  const auto copied = gatherColumns(src, from);
  const auto fill = torch::where(same, blended, copied);
  const auto distance = torch::where(same, torch::minimum(cols - nb.left, nb.right - cols), (cols - from).abs());
  return {torch::where(covered, src, fill), torch::where(covered, torch::zeros({}, distance.options()), distance)
                                                .to(torch::kFloat32)};
}

// Far from its source a copied colour is a poor guess and the local mean a
// better one: each hole pixel becomes the mean of its vertical run of hole
// pixels within a radius growing with the distance (prefix sums along columns).
// A run also ends where the copied colour jumps by more than `jump`.
torch::Tensor smoothColumns(const torch::Tensor& image, const torch::Tensor& covered, const torch::Tensor& distance,
                            const FillOptions& o, float jump) {
  const int64_t h = covered.size(0), w = covered.size(1);
  const auto holes = ~covered;
  const auto hole_f = holes.to(torch::kFloat64);
  const auto zero_row = torch::zeros({image.size(0), 1, covered.size(1)}, hole_f.options());
  const auto sums = torch::cat({zero_row, (image.to(torch::kFloat64) * hole_f).cumsum(1)}, 1);  // [C,H+1,W]
  const auto radius = (distance * o.smooth_slope).floor().clamp_max(double(o.smooth_max_radius)).to(torch::kLong);
  const auto run = nearestSetAlongRows(covered.t());  // nearest covered row above / below, per column
  const auto above = run.left.t(), below = run.right.t();
  const auto rows = torch::arange(h, radius.options()).unsqueeze(1);
  // Rows that start a run of their own: the colour jumps from the hole row above.
  const auto step = (image.slice(1, 1) - image.slice(1, 0, h - 1)).abs().sum(0);  // [H-1, W]
  const auto starts = torch::cat({torch::zeros({1, w}, holes.options()),
                                  holes.slice(0, 1) & holes.slice(0, 0, h - 1) & step.gt(jump)});
  const auto rows_hw = rows.expand({h, w});
  const auto run_start = std::get<0>(torch::where(starts, rows_hw, torch::zeros_like(rows_hw)).cummax(0));
  const auto next_start =
      std::get<0>(torch::where(starts, rows_hw, torch::full_like(rows_hw, h)).flip(0).cummin(0)).flip(0);
  const auto run_end = torch::cat({next_start.slice(0, 1), torch::full({1, w}, h, next_start.options())}, 0);
  const auto lo = torch::maximum(torch::maximum(rows - radius, above + 1), run_start);
  const auto hi = torch::minimum(torch::minimum(rows + radius + 1, below), run_end);
  const auto lo3 = lo.unsqueeze(0).expand_as(image), hi3 = hi.unsqueeze(0).expand_as(image);
  const auto mean = (sums.gather(1, hi3) - sums.gather(1, lo3)) / (hi - lo).clamp_min(1).to(torch::kFloat64);
  return torch::where(holes & radius.gt(0), mean.to(image.scalar_type()), image);
}

}  // namespace

float smoothingBreak(const torch::Tensor& image, const FillOptions& o) {
  if (!(o.smooth_break > 0)) return INFINITY;
  const auto [lo, hi] = torch::aminmax(image);
  return float(o.smooth_break * double(image.size(1)) * (hi.item<double>() - lo.item<double>()));
}

torch::Tensor fillFromBackground(const WarpedView& view, const FillOptions& o) {
  if (view.image.device().is_cpu() && !o.force_tensor_path) return cpu::fillFromBackground(view, o);
  RowFill rows = fillRows(view, o);
  if (o.smooth_max_radius > 0)
    rows.image = smoothColumns(rows.image, view.covered, rows.distance, o, smoothingBreak(view.image, o));
  return rows.image.unsqueeze(0);
}

}  // namespace sds::render
