#include "core/engine/pipelines/inpaint_crops.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include <torch/torch.h>

#include "core/base/error.h"

namespace sds::pipelines {
namespace {

namespace F = torch::nn::functional;

constexpr int64_t kCell = 8;  // labelling resolution in pixels

struct Span {
  int64_t begin, end;  // [begin, end)
};

struct Box {
  int64_t top, left, bottom, right;  // pixels, bottom / right exclusive
};

// Window starts covering [g.begin, g.end) with windows of `side` inside
// [0, extent): one centred window when it fits, else an even spread whose
// neighbours overlap by at least 2 * margin.
std::vector<int64_t> windowStarts(Span g, int64_t side, int64_t margin, int64_t extent) {
  const int64_t length = g.end - g.begin;
  if (length <= side) {
    const int64_t centre = g.begin + length / 2;
    return {std::clamp(centre - side / 2, int64_t(0), extent - side)};
  }
  const int64_t travel = length - side;
  const int64_t n = (travel + (side - 2 * margin) - 1) / (side - 2 * margin) + 1;
  std::vector<int64_t> starts;
  for (int64_t i = 0; i < n; ++i)
    starts.push_back(g.begin + int64_t(std::llround(double(i) * double(travel) / double(n - 1))));
  return starts;
}

// The core of a window along one axis: less the margin where it does not
// touch the picture's border.
Span core(int64_t start, int64_t side, int64_t margin, int64_t extent) {
  return {start == 0 ? 0 : start + margin, start + side == extent ? extent : start + side - margin};
}

CropWindow makeWindow(int64_t top, int64_t left, int64_t wh, int64_t ww, int64_t mh, int64_t mw, int64_t H,
                      int64_t W) {
  CropWindow c;
  c.top = top;
  c.left = left;
  c.height = wh;
  c.width = ww;
  const Span rows = core(top, wh, mh, H), cols = core(left, ww, mw, W);
  c.core_top = rows.begin;
  c.core_bottom = rows.end;
  c.core_left = cols.begin;
  c.core_right = cols.end;
  return c;
}

// Bounding boxes (pixels, of the marked cells) of the groups of marked cells
// that lie within `join` cells of each other (8-connected after dilation),
// in raster order of their first cell.
std::vector<Box> regionBoxes(const torch::Tensor& marked_cells, int64_t join, int64_t H, int64_t W) {
  const int64_t hc = marked_cells.size(0), wc = marked_cells.size(1);
  auto grown = marked_cells.to(torch::kFloat32).unsqueeze(0).unsqueeze(0);
  if (join > 0)
    grown = F::max_pool2d(grown, F::MaxPool2dFuncOptions(2 * join + 1).stride(1).padding(join));
  const auto joined = grown[0][0].gt(0).contiguous();
  const auto marked = marked_cells.contiguous();
  const auto* in_group = joined.data_ptr<bool>();
  const auto* is_marked = marked.data_ptr<bool>();
  std::vector<int32_t> label(size_t(hc * wc), -1);
  std::vector<Box> boxes;
  for (int64_t start = 0; start < hc * wc; ++start) {
    if (!is_marked[start] || label[size_t(start)] >= 0) continue;
    const int32_t id = int32_t(boxes.size());
    Box b{H, W, 0, 0};
    std::deque<int64_t> queue{start};
    label[size_t(start)] = id;
    while (!queue.empty()) {
      const int64_t at = queue.front();
      queue.pop_front();
      const int64_t y = at / wc, x = at % wc;
      if (is_marked[at]) {
        b.top = std::min(b.top, y * kCell);
        b.left = std::min(b.left, x * kCell);
        b.bottom = std::max(b.bottom, std::min(H, (y + 1) * kCell));
        b.right = std::max(b.right, std::min(W, (x + 1) * kCell));
      }
      for (int64_t dy = -1; dy <= 1; ++dy)
        for (int64_t dx = -1; dx <= 1; ++dx) {
          const int64_t ny = y + dy, nx = x + dx;
          if (ny < 0 || nx < 0 || ny >= hc || nx >= wc) continue;
          const int64_t n = ny * wc + nx;
          if (!in_group[n] || label[size_t(n)] >= 0) continue;
          label[size_t(n)] = id;
          queue.push_back(n);
        }
    }
    boxes.push_back(b);
  }
  return boxes;
}

void addUnique(std::vector<CropWindow>& windows, const CropWindow& c) {
  for (const auto& w : windows)
    if (w.top == c.top && w.left == c.left) return;
  windows.push_back(c);
}

bool coreHasMarked(const CropWindow& c, const torch::Tensor& mask) {
  using torch::indexing::Slice;
  return mask.index({Slice(c.core_top, c.core_bottom), Slice(c.core_left, c.core_right)}).any().item<bool>();
}

}  // namespace

int64_t cropMargin(const CropPlanOptions& options, int64_t window_side) {
  return options.margin >= 0 ? options.margin : window_side / 8;
}

std::vector<CropWindow> planInpaintCrops(const torch::Tensor& mask_in, const CropPlanOptions& o) {
  if (mask_in.dim() != 2) throw Error("The inpainting mask must be [H, W].");
  if (o.multiple < 1 || o.window < o.multiple)
    throw Error("The inpainting window (" + std::to_string(o.window) + " px) must be at least " +
                std::to_string(o.multiple) + " px.");
  const int64_t H = mask_in.size(0), W = mask_in.size(1);
  const int64_t wh = std::min(o.window, H / o.multiple * o.multiple);
  const int64_t ww = std::min(o.window, W / o.multiple * o.multiple);
  if (wh < o.multiple || ww < o.multiple)
    throw Error("The picture (" + std::to_string(W) + "x" + std::to_string(H) + ") is too small to inpaint: both sides "
                "must be at least " + std::to_string(o.multiple) + " px.");
  const int64_t mh = cropMargin(o, wh), mw = cropMargin(o, ww);
  if (2 * mh >= wh || 2 * mw >= ww)
    throw Error("The inpainting context margin (" + std::to_string(o.margin) +
                " px) must be less than half the window.");
  const auto mask = mask_in.to(torch::kCPU).to(torch::kBool);
  if (!mask.any().item<bool>()) return {};

  // ---- windows around the hole regions
  const auto cells = F::max_pool2d(mask.to(torch::kFloat32).unsqueeze(0).unsqueeze(0),
                                   F::MaxPool2dFuncOptions(kCell).stride(kCell).ceil_mode(true))[0][0].gt(0);
  const int64_t join = (std::max(mh, mw) + kCell - 1) / kCell;
  std::vector<CropWindow> around;
  for (const Box& b : regionBoxes(cells, join, H, W)) {
    const Span rows{std::max<int64_t>(0, b.top - mh), std::min(H, b.bottom + mh)};
    const Span cols{std::max<int64_t>(0, b.left - mw), std::min(W, b.right + mw)};
    for (int64_t top : windowStarts(rows, wh, mh, H))
      for (int64_t left : windowStarts(cols, ww, mw, W)) addUnique(around, makeWindow(top, left, wh, ww, mh, mw, H, W));
  }

  // ---- a plain grid over the picture, for masks scattered everywhere
  std::vector<CropWindow> grid;
  for (int64_t top : windowStarts({0, H}, wh, mh, H))
    for (int64_t left : windowStarts({0, W}, ww, mw, W)) {
      const CropWindow c = makeWindow(top, left, wh, ww, mh, mw, H, W);
      if (coreHasMarked(c, mask)) grid.push_back(c);
    }
  return grid.size() < around.size() ? grid : around;
}

}  // namespace sds::pipelines
