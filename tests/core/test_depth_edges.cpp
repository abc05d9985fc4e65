// Depth edges and depth controls of the classical renderer (issue 13): small
// synthetic rows with known answers for the edge handling (depth_edges.h), the
// automatic convergence and the disparity cap (disparity_map.h).
#include <torch/torch.h>

#include <QtTest/QtTest>

#include "core/engine/render/depth_edges.h"
#include "core/engine/render/diffusion_fill.h"
#include "core/engine/render/stereo_views.h"
#include "core/base/error.h"

using namespace sds;
using namespace sds::render;
using torch::indexing::Slice;

namespace {

// One grey value per column, the same in the three channels: [1,3,H,W].
torch::Tensor greyRows(const std::vector<float>& columns, int64_t h) {
  const auto row = torch::tensor(columns).view({1, 1, 1, int64_t(columns.size())});
  return row.expand({1, 3, h, int64_t(columns.size())}).contiguous();
}

// A background (grey 0.2, disparity 1) with a nearer block [8, 12) (grey 0.9,
// disparity 6) whose right outline pixel 12 is a half-and-half mix (0.55) that
// the depth map, like real ones, gives to the background.
struct MixedEdgeScene {
  torch::Tensor image, disparity;
};
MixedEdgeScene mixedEdgeScene(int64_t h = 1) {
  std::vector<float> grey(24, 0.2f);
  for (int x = 8; x < 12; ++x) grey[size_t(x)] = 0.9f;
  grey[12] = 0.55f;
  auto d = torch::full({h, 24}, 1.0f);
  d.index_put_({Slice(), Slice(8, 12)}, 6.0f);
  return {greyRows(grey, h), d};
}

RenderOptions rightView(double band, double smoothing) {
  RenderOptions o;
  o.disparity.kind = MapKind::DisparityPx;
  o.edges.band_px = band;
  o.edges.smoothing_px = smoothing;
  return o;
}

torch::Tensor greyOf(const torch::Tensor& image) { return image[0][0][0]; }  // row 0, channel 0

}  // namespace

class TestDepthEdges : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void mixedEdgePixelMovesWithTheForeground() {
    const auto s = mixedEdgeScene();
    // The block lands on [2, 6); its outline pixel must land right beside it, at 6 ...
    const auto v = renderWithDisparity(s.image, s.disparity, RenderOptions{rightView(1, 3)});
    const auto row = greyOf(v.right);
    QVERIFY(torch::allclose(row.slice(0, 2, 6), torch::full({4}, 0.9f)));
    QCOMPARE(row[6].item<float>(), 0.55f);
    // ... and nothing of the outline may float in the background beyond it.
    QVERIFY(torch::allclose(row.slice(0, 7), torch::full({17}, 0.2f)));
    // Without the edge handling it stays behind at 11: the halo this guards against.
    const auto plain = greyOf(renderWithDisparity(s.image, s.disparity, rightView(0, 0)).right);
    QCOMPARE(plain[11].item<float>(), 0.55f);
  }

  // A top edge: the row above a nearer block is a half-and-half mix that the
  // map gives to the background. It must move with the block (no line left
  // floating beside it); a row of plain background above it stays.
  void mixedTopRowMovesWithTheForeground() {
    const int64_t h = 12, w = 24;
    auto image = torch::full({1, 3, h, w}, 0.2f);
    image.index_put_({Slice(), Slice(), Slice(5, 10), Slice(8, 14)}, 0.9f);
    image.index_put_({Slice(), Slice(), 4, Slice(8, 14)}, 0.55f);  // the block's anti-aliased top row
    auto d = torch::full({h, w}, 1.0f);
    d.index_put_({Slice(5, 10), Slice(8, 14)}, 6.0f);
    EdgeOptions o;
    o.band_px = 1;
    o.smoothing_px = 3;
    const auto refined = refineDepthEdges(image, d, o, 1.5);
    QVERIFY(torch::allclose(refined.index({4, Slice(8, 14)}), torch::full({6}, 6.0f)));  // joins the block
    QVERIFY(torch::allclose(refined.index({3, Slice(8, 14)}), torch::full({6}, 1.0f)));  // background stays
    QVERIFY(torch::allclose(refined.index({10, Slice(8, 14)}), torch::full({6}, 1.0f)));  // plain row below stays
    // Rendered: no grey line is left where the block was.
    const auto v = renderWithDisparity(image, d, RenderOptions{rightView(1, 3)});
    QVERIFY(torch::allclose(v.right.index({0, 0, 4, Slice(8, 14)}), torch::full({6}, 0.2f), 1e-4, 1e-4));
    QVERIFY(torch::allclose(v.right.index({0, 0, 4, Slice(2, 8)}), torch::full({6}, 0.55f), 1e-4, 1e-4));
  }

  void depthEdgeSnapsToTheColourEdge() {
    // The depth map's jump lies one pixel right of the colour edge: pixel 13
    // has the background's colour but the block's disparity.
    std::vector<float> grey(24, 0.2f);
    for (int x = 8; x < 12; ++x) grey[size_t(x)] = 0.9f;
    grey[12] = 0.6f;
    auto d = torch::full({1, 24}, 1.0f);
    d.index_put_({Slice(), Slice(8, 14)}, 6.0f);
    EdgeOptions o;
    o.band_px = 0;
    o.smoothing_px = 3;
    const auto r = refineDepthEdges(greyRows(grey, 1), d, o, 1.5);
    auto want = d.clone();
    want.index_put_({0, 13}, 1.0f);  // back to the background; the mostly-near mix (12) stays near
    QVERIFY(torch::equal(r, want));
    o.smoothing_px = 0;  // off: the map as given
    QVERIFY(torch::equal(refineDepthEdges(greyRows(grey, 1), d, o, 1.5), d));
  }

  void holeNextToAnEdgeIsFilledOnlyFromTheBackground() {
    // A textured background (0.1 / 0.2 / 0.3), a near block [10, 16) at 0.9 and
    // a two-pixel soft outline (0.7, 0.45) that the depth map gives to the
    // background: every hole pixel must get background colours only.
    std::vector<float> grey(32);
    for (int x = 0; x < 32; ++x) grey[size_t(x)] = 0.1f + 0.1f * float(x % 3);
    for (int x = 10; x < 16; ++x) grey[size_t(x)] = 0.9f;
    grey[16] = 0.7f;
    grey[17] = 0.45f;
    const int64_t h = 6;
    auto d = torch::full({h, 32}, 1.0f);
    d.index_put_({Slice(), Slice(10, 16)}, 8.0f);
    const auto image = greyRows(grey, h);
    const auto v = renderWithDisparity(image, d, rightView(1, 3));
    QVERIFY(v.right_holes.any().item<bool>());
    const auto filled = v.right[0].masked_select(v.right_holes.unsqueeze(0).expand({3, h, 32}));
    QVERIFY2(filled.le(0.3f + 1e-5f).all().item<bool>(), qPrintable(QString::number(filled.max().item<float>())));
    QVERIFY(filled.ge(0.1f - 1e-5f).all().item<bool>());
    // The plain renderer copies the outline's second pixel into the hole.
    const auto plain = renderWithDisparity(image, d, rightView(0, 0));
    QVERIFY(plain.right[0].masked_select(plain.right_holes.unsqueeze(0).expand({3, h, 32})).gt(0.3f).any().item<bool>());
  }

  void photoCompositionMovesTheOutlineToo() {
    const auto s = mixedEdgeScene(3);
    DiffusionFillOptions o;
    o.seam_px = 0;
    o.match_colour = false;
    const auto diffusion = torch::zeros({1, 3, 3, 24});  // black: shows where it is used
    const auto c = composeWithDiffusionFill(s.image, s.disparity, diffusion, o);
    const auto row = greyOf(c.image);
    QCOMPARE(row[6].item<float>(), 0.55f);
    QVERIFY(row.slice(0, 7).ne(0.55f).all().item<bool>());
    o.edges = {0, 0};
    QCOMPARE(greyOf(composeWithDiffusionFill(s.image, s.disparity, diffusion, o).image)[11].item<float>(), 0.55f);
  }

  void automaticConvergencePutsThePercentileAtZeroParallax() {
    torch::manual_seed(7);
    const auto map = torch::rand({40, 100});
    DisparityParams p;  // relative map, default: zero parallax at the 99th percentile
    p.scale_percent = 10;  // 10 px for the nearest
    const auto d = disparityFromMap(map, p);
    const int64_t n = d.numel();
    const double at99 = std::get<0>(d.reshape({-1}).kthvalue(int64_t(0.99 * double(n)))).item<double>();
    const double bin = 10.0 / 4096;  // the percentile's histogram resolution
    QVERIFY2(std::abs(at99) <= 2 * bin, qPrintable(QString::number(at99)));
    const double in_front = d.gt(bin).to(torch::kFloat64).mean().item<double>();
    QVERIFY2(in_front > 0.005 && in_front <= 0.011, qPrintable(QString::number(in_front)));
    QVERIFY(torch::allclose(d - d.min(), map.sub(map.min()).div(map.max() - map.min()) * 10.0, 1e-4, 1e-4));
    // Any percentile, any kind: the median of a depth map.
    DisparityParams m;
    m.kind = MapKind::Depth;
    m.convergence_mode = ConvergenceMode::Percentile;
    m.converge_percentile = 50;
    const auto dm = disparityFromMap(map + 0.5, m);
    const double median = std::get<0>(dm.reshape({-1}).kthvalue(n / 2)).item<double>();
    QVERIFY2(std::abs(median) <= 2 * 3.0 / 4096, qPrintable(QString::number(median)));
    // A disparity in pixels is used as given unless a convergence is asked for.
    DisparityParams px;
    px.kind = MapKind::DisparityPx;
    QVERIFY(torch::equal(disparityFromMap(map * 20 + 1, px), map * 20 + 1));
    px.convergence_mode = ConvergenceMode::Percentile;
    px.converge_percentile = 100;
    QVERIFY(disparityFromMap(map * 20 + 1, px).max().item<float>() <= 1e-4f);
  }

  void theCapHolds() {
    torch::manual_seed(3);
    const auto map = torch::rand({30, 200});
    DisparityParams p;
    p.scale_percent = 20;  // 40 px
    p.convergence_mode = ConvergenceMode::Percentile;
    p.converge_percentile = 50;  // about -20 .. +20 px
    const auto free = disparityFromMap(map, p);
    p.max_disparity_percent = 5;  // 10 px
    const auto capped = disparityFromMap(map, p);
    QVERIFY(capped.abs().max().item<float>() <= 10.0f + 1e-5f);
    QVERIFY(free.abs().max().item<float>() > 15.0f);
    const auto inside = free.abs().le(10.0f);
    QVERIFY(torch::equal(capped.masked_select(inside), free.masked_select(inside)));
    // In pixels too, when asked.
    DisparityParams px;
    px.kind = MapKind::DisparityPx;
    px.max_disparity_percent = 5;
    QVERIFY(disparityFromMap(map * 30 + 1, px).max().item<float>() <= 10.0f + 1e-5f);
  }

  void badEdgeOptionsThrow() {
    const auto s = mixedEdgeScene();
    QVERIFY_THROWS_EXCEPTION(sds::Error, refineDepthEdges(s.image, s.disparity, EdgeOptions{-1, 3}, 1.5));
    QVERIFY_THROWS_EXCEPTION(sds::Error, refineDepthEdges(s.image, s.disparity, EdgeOptions{1, 100}, 1.5));
    QVERIFY_THROWS_EXCEPTION(sds::Error, refineDepthEdges(s.image, s.disparity.narrow(1, 0, 5), EdgeOptions{}, 1.5));
    DisparityParams p;
    p.converge_percentile = 101;
    QVERIFY_THROWS_EXCEPTION(sds::Error, validate(p));
    p = {};
    p.max_disparity_percent = -1;
    QVERIFY_THROWS_EXCEPTION(sds::Error, validate(p));
  }
};

QTEST_GUILESS_MAIN(TestDepthEdges)
#include "test_depth_edges.moc"
