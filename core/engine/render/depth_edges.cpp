#include "core/engine/render/depth_edges.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "core/base/error.h"

namespace sds::render {
namespace {

// Two colours closer than this share of the image's brightest value are no
// colour edge: the jump then stays where the depth map puts it (only the band grows).
constexpr double kMinContrast = 0.04;

// Down the columns (top and bottom edges) the band takes only pixels whose
// colour lies at least this share of the way from the far surface's colour to
// the near one's: a mixed outline row. Growing unconditionally there, or
// snapping the edge, moved rows of real far surface with the near object on the
// Middlebury Aloe pair (SSIM -0.005), whose rows' depth is already right.
constexpr float kMixedShare = 0.35f;

// One line of pixels (an image row, or a column), channel-planar: the value of
// channel ch at position x is px[ch * plane + x * stride], its disparity
// d[x * stride]. A column reads the image in place (stride = the row length):
// no transposed copies.
struct Row {
  const float* px;
  int64_t plane, channels, width;
  const float* d;
  int64_t stride = 1;
};

// A jump between columns fg and bg = fg + s (s = +-1): the near (fg) and far (bg) side.
struct Jump {
  int64_t fg, bg, s;
  float d_near, d_far;
};

// Refines the jumps along one line of pixels (a row, or a column of the
// transposed image). `mixed_only`: the band takes only pixels that look mixed
// (kMixedShare), for the columns.
class RowRefiner {
 public:
  RowRefiner(const Row& row, float* out, float jump, int band, int radius, float min_contrast2, bool mixed_only)
      : r_(row), out_(out), jump_(jump), band_(band), radius_(radius), min_contrast2_(min_contrast2),
        mixed_only_(mixed_only), near_mean_(size_t(row.channels)), far_mean_(size_t(row.channels)) {}

  void run() {
    for (int64_t x = 0; x + 1 < r_.width; ++x) {
      const float a = d(x), b = d(x + 1);
      if (std::abs(a - b) <= jump_) continue;
      const Jump j = a > b ? Jump{x, x + 1, +1, a, b} : Jump{x + 1, x, -1, b, a};
      refine(j);
    }
  }

 private:
  bool inside(int64_t x) const { return x >= 0 && x < r_.width; }
  float d(int64_t x) const { return r_.d[x * r_.stride]; }
  float px(int64_t c, int64_t x) const { return r_.px[c * r_.plane + x * r_.stride]; }
  float& out(int64_t x) { return out_[x * r_.stride]; }
  bool onNear(const Jump& j, int64_t x) const { return inside(x) && std::abs(d(x) - j.d_near) <= jump_; }
  bool onFar(const Jump& j, int64_t x) const { return inside(x) && std::abs(d(x) - j.d_far) <= jump_; }

  // Mean colour of up to radius + 1 pixels of one surface, starting one pixel
  // away from the jump (the pixel at the jump is the likeliest mix).
  void surfaceMean(const Jump& j, bool near, std::vector<float>& mean) const {
    std::fill(mean.begin(), mean.end(), 0.0f);
    const int64_t start = near ? j.fg : j.bg, step = near ? -j.s : j.s;
    int n = 0;
    for (int k = 1; k <= radius_ + 1; ++k) {
      const int64_t x = start + step * k;
      if (!(near ? onNear(j, x) : onFar(j, x))) break;
      add(mean, x);
      ++n;
    }
    if (n == 0) {
      add(mean, start);
      n = 1;
    }
    for (float& v : mean) v /= float(n);
  }

  void add(std::vector<float>& acc, int64_t x) const {
    for (int64_t c = 0; c < r_.channels; ++c) acc[size_t(c)] += px(c, x);
  }

  // Position of pixel x's colour on the line from the far mean (0) to the near mean (1).
  float nearShare(int64_t x, float contrast2) const {
    float dot = 0;
    for (int64_t c = 0; c < r_.channels; ++c)
      dot += (px(c, x) - far_mean_[size_t(c)]) * (near_mean_[size_t(c)] - far_mean_[size_t(c)]);
    return dot / contrast2;
  }

  // The first far-side column after aligning the jump with the colour edge.
  int64_t alignedFarStart(const Jump& j) {
    if (radius_ <= 0) return j.bg;
    surfaceMean(j, true, near_mean_);
    surfaceMean(j, false, far_mean_);
    float contrast2 = 0;
    for (size_t c = 0; c < near_mean_.size(); ++c) contrast2 += (near_mean_[c] - far_mean_[c]) * (near_mean_[c] - far_mean_[c]);
    if (contrast2 < min_contrast2_) return j.bg;
    // Far-side pixels that look like the near surface belong to it ...
    int k = 0;
    while (k < radius_ && onFar(j, j.bg + j.s * k) && nearShare(j.bg + j.s * k, contrast2) >= 0.5f) ++k;
    if (k > 0) {
      for (int i = 0; i < k; ++i) out(j.bg + j.s * i) = std::max(out(j.bg + j.s * i), j.d_near);
      return j.bg + j.s * k;
    }
    // ... and near-side pixels that look like the far one belong to it (one near pixel always stays).
    int m = 0;
    while (m < radius_ && onNear(j, j.fg - j.s * (m + 1)) && nearShare(j.fg - j.s * m, contrast2) < 0.5f) ++m;
    for (int i = 0; i < m; ++i) out(j.fg - j.s * i) = j.d_far;
    return j.fg - j.s * (m - 1);
  }

  void refine(const Jump& j) {
    const int64_t start = alignedFarStart(j);
    float contrast2 = 0;
    if (mixed_only_) {
      surfaceMean(j, true, near_mean_);
      surfaceMean(j, false, far_mean_);
      for (size_t c = 0; c < near_mean_.size(); ++c)
        contrast2 += (near_mean_[c] - far_mean_[c]) * (near_mean_[c] - far_mean_[c]);
      if (contrast2 < min_contrast2_) return;  // no colour edge: nothing looks mixed
    }
    // The band: the near surface grows over the mixed outline pixels.
    for (int i = 0; i < band_; ++i) {
      const int64_t x = start + j.s * i;
      if (!onFar(j, x) && !onNear(j, x)) break;
      if (mixed_only_ && nearShare(x, contrast2) < kMixedShare) break;
      out(x) = std::max(out(x), j.d_near);
    }
  }

  Row r_;
  float* out_;
  float jump_;
  int band_, radius_;
  float min_contrast2_;
  bool mixed_only_;
  std::vector<float> near_mean_, far_mean_;
};

std::string str(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

void checkRange(const Control& c, double v) {
  if (!std::isfinite(v) || v < c.min || v > c.max)
    throw Error("--" + std::string(c.name) + " must be between " + str(c.min) + " and " + str(c.max) + ", got " +
                str(v) + ".");
}

}  // namespace

void validate(const EdgeOptions& o) {
  checkRange(controls::kEdgeBandPx, o.band_px);
  checkRange(controls::kEdgeSmoothingPx, o.smoothing_px);
}

torch::Tensor refineDepthEdges(const torch::Tensor& image, const torch::Tensor& disparity, const EdgeOptions& o,
                               double jump_px) {
  validate(o);
  if (image.dim() != 4 || image.size(0) != 1) throw Error("refineDepthEdges expects an image [1,C,H,W].");
  if (disparity.dim() != 2 || disparity.size(0) != image.size(2) || disparity.size(1) != image.size(3))
    throw Error("refineDepthEdges expects a disparity map [H,W] of the image's size.");
  const int band = int(std::lround(o.band_px)), radius = int(std::lround(o.smoothing_px));
  if (band == 0 && radius == 0) return disparity.to(torch::kFloat32);
  const auto src = image.to(torch::kCPU, torch::kFloat32).contiguous();
  const auto d = disparity.to(torch::kCPU, torch::kFloat32).contiguous();
  auto out = d.clone();
  const int64_t channels = src.size(1), h = d.size(0), w = d.size(1);
  const double brightest = std::max(src.max().item<double>(), 1e-6);
  const auto min_contrast2 = float(std::pow(kMinContrast * brightest, 2));
  const float* sp = src.data_ptr<float>();
  const float* dp = d.data_ptr<float>();
  float* op = out.data_ptr<float>();
  at::parallel_for(0, h, 16, [&](int64_t y0, int64_t y1) {
    for (int64_t y = y0; y < y1; ++y) {
      const Row row{sp + y * w, h * w, channels, w, dp + y * w};
      RowRefiner(row, op + y * w, float(jump_px), band, radius, min_contrast2, false).run();
    }
  });
  if (band == 0) return out.to(disparity.device());
  // Top and bottom edges, down the columns of the result: a mixed outline row
  // that kept the far side's disparity would stay behind when the near surface
  // moves, a line floating beside it. The band only (no snapping), over pixels
  // that look mixed.
  const auto rows_done = out.clone();  // the columns read the row pass's result, and write `out`
  const float* rp = rows_done.data_ptr<float>();
  // Blocks of neighbouring columns: a column's strided loads hit the cache lines the previous one brought in.
  at::parallel_for(0, w, 64, [&](int64_t x0, int64_t x1) {
    for (int64_t x = x0; x < x1; ++x) {
      const Row column{sp + x, h * w, channels, h, rp + x, w};
      RowRefiner(column, op + x, float(jump_px), band, 0, min_contrast2, true).run();
    }
  });
  return out.to(disparity.device());
}

}  // namespace sds::render
