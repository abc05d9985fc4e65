// The classical renderer (core/engine/render + core/media/stereo_render): pixel
// checks on small synthetic rows with known answers, and the quality bar on the
// real half-resolution Aloe pair.
#include <torch/torch.h>

#include <cmath>

#include <QtTest/QtTest>

#include <opencv2/imgcodecs.hpp>

#include "core/engine/render/map_terraces.h"
#include "core/engine/render/stereo_views.h"
#include "core/engine/render/texture_fill.h"
#include "core/media/image_metrics.h"
#include "core/media/stereo_render.h"
#include "core/base/error.h"

using namespace sds;
using namespace sds::render;

namespace {

// [1,3,H,W] with a distinct value per column (and channel), so shifts are visible.
torch::Tensor rampImage(int64_t h, int64_t w) {
  auto x = torch::arange(w, torch::kFloat32).div(w).view({1, 1, 1, w});
  auto c = torch::tensor({1.0f, 0.5f, 0.25f}).view({1, 3, 1, 1});
  return (x * c + 0.01f).expand({1, 3, h, w}).contiguous();
}

// The plain warp and fill (the edge handling has its own tests in test_depth_edges).
RenderOptions rightView() {
  RenderOptions o;
  o.disparity.kind = MapKind::DisparityPx;
  o.edges.band_px = 0;
  o.edges.smoothing_px = 0;
  return o;
}

// One row with a background at disparity 2 and a nearer block [6, 10) at disparity 5.
struct BlockScene {
  torch::Tensor image, disparity;
};
BlockScene blockScene() {
  const int64_t w = 20;
  auto image = torch::full({1, 3, 1, w}, 0.2f);
  image.index_put_({0, torch::indexing::Slice(), 0, torch::indexing::Slice(6, 10)}, 0.9f);
  auto d = torch::full({1, w}, 2.0f);
  d.index_put_({0, torch::indexing::Slice(6, 10)}, 5.0f);
  return {image, d};
}

// A wallpaper: a random 12 x 10 tile repeated, [1,3,H,W].
torch::Tensor wallpaper(int64_t h, int64_t w, int seed) {
  torch::manual_seed(uint64_t(seed));
  const auto tile = torch::rand({1, 3, 10, 12});
  return tile.repeat({1, 1, (h + 9) / 10, (w + 11) / 12}).slice(2, 0, h).slice(3, 0, w).contiguous();
}

// A wallpaper background at disparity 2 behind a block [20, 40) x [40, 56) at
// disparity 12 that carries another wallpaper of the same lattice: its right
// view opens a 10 px hole right of the block (and 2 px at the right border),
// where the true right view continues the background's pattern.
struct WallpaperScene {
  torch::Tensor image, disparity, background;
};
WallpaperScene wallpaperScene() {
  const int64_t h = 60, w = 96;
  using torch::indexing::Slice;
  const auto background = wallpaper(h, w + 2, 7);
  auto image = background.slice(3, 0, w).clone();
  image.index_put_({Slice(), Slice(), Slice(20, 40), Slice(40, 56)},
                   wallpaper(h, w, 8).index({Slice(), Slice(), Slice(20, 40), Slice(40, 56)}));
  auto d = torch::full({h, w}, 2.0f);
  d.index_put_({Slice(20, 40), Slice(40, 56)}, 12.0f);
  return {image, d, background};
}

// A grating whose periods are no whole number of pixels (10.4 px across, 9.7 px
// down) at disparity 2 behind a block [30, 66) x [60, 90) of noise at
// disparity 32: the right view opens a 30 px hole right of the block, which
// only a copy placed to a fraction of a pixel continues in phase.
WallpaperScene gratingScene() {
  const int64_t h = 96, w = 160;
  using torch::indexing::Slice;
  const auto x = torch::arange(w + 2, torch::kFloat32).view({1, -1});
  const auto y = torch::arange(h, torch::kFloat32).view({-1, 1});
  const double two_pi = 2 * M_PI;
  const auto grey = 0.5f + 0.4f * torch::sin(x * float(two_pi / 10.4)) * torch::cos(y * float(two_pi / 9.7));
  const auto background = torch::stack({grey, 0.8f * grey + 0.1f, 1.0f - grey}).unsqueeze(0);  // [1,3,H,W+2]
  auto image = background.slice(3, 0, w).clone();
  torch::manual_seed(9);
  image.index_put_({Slice(), Slice(), Slice(30, 66), Slice(60, 90)}, torch::rand({1, 3, 36, 30}));
  auto d = torch::full({h, w}, 2.0f);
  d.index_put_({Slice(30, 66), Slice(60, 90)}, 32.0f);
  return {image, d, background};
}

// The right view's mean error in its holes against the scene's background
// moved by the background's disparity (2 px), with or without the texture fill.
float holeError(const WallpaperScene& s, bool texture) {
  auto o = rightView();
  o.texture_fill = texture;
  const auto v = renderWithDisparity(s.image, s.disparity, o);
  const auto truth = s.background.slice(3, 2, 2 + s.image.size(3));
  return (v.right - truth).abs().mean(1)[0].masked_select(v.right_holes).mean().item<float>();
}

}  // namespace

class TestRenderer : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void zeroDisparityGivesTheLeftView() {
    const auto img = torch::rand({1, 3, 5, 9});
    const auto v = renderWithDisparity(img, torch::zeros({5, 9}), rightView());
    QVERIFY(torch::equal(v.right, img));
    QVERIFY(!v.right_holes.any().item<bool>());
  }

  void constantDisparityShiftsExactly() {
    const auto img = rampImage(3, 16);
    const auto v = renderWithDisparity(img, torch::full({3, 16}, 3.0f), rightView());
    using torch::indexing::Slice;
    // right(x) = left(x + 3); the last 3 columns see nothing of the left view.
    QVERIFY(torch::allclose(v.right.index({Slice(), Slice(), Slice(), Slice(0, 13)}),
                            img.index({Slice(), Slice(), Slice(), Slice(3, 16)})));
    QVERIFY(!v.right_holes.index({Slice(), Slice(0, 13)}).any().item<bool>());
    QVERIFY(v.right_holes.index({Slice(), Slice(13, 16)}).all().item<bool>());
  }

  void fractionalDisparityInterpolates() {
    const auto img = rampImage(1, 16);
    const auto v = renderWithDisparity(img, torch::full({1, 16}, 2.5f), rightView());
    using torch::indexing::Slice;
    const auto a = img.index({Slice(), Slice(), Slice(), Slice(2, 14)});
    const auto b = img.index({Slice(), Slice(), Slice(), Slice(3, 15)});
    QVERIFY(torch::allclose(v.right.index({Slice(), Slice(), Slice(), Slice(0, 12)}), (a + b) * 0.5, 1e-5, 1e-6));
  }

  void nearerSurfaceWins() {
    const auto s = blockScene();
    const auto v = renderWithDisparity(s.image, s.disparity, rightView());
    // The block lands on [1, 5); background pixels 3..6 land there too and must lose.
    using torch::indexing::Slice;
    QVERIFY(torch::allclose(v.right.index({0, Slice(), 0, Slice(1, 5)}), torch::full({3, 4}, 0.9f)));
    QCOMPARE(v.right_holes.index({0, Slice(1, 5)}).any().item<bool>(), false);
  }

  void holesAreFilledFromTheBackgroundSide() {
    const auto s = blockScene();
    const auto v = renderWithDisparity(s.image, s.disparity, rightView());
    using torch::indexing::Slice;
    // Block's right edge lands at 4, the background after it at 8: 5..7 were behind the block.
    QVERIFY(v.right_holes.index({0, Slice(5, 8)}).all().item<bool>());
    QVERIFY(torch::allclose(v.right.index({0, Slice(), 0, Slice(5, 8)}), torch::full({3, 3}, 0.2f), 1e-5, 1e-5));
  }

  // The fill's smoothing along a hole's columns never averages across a strong
  // edge of the background (here a horizon): a pale blend of sky and ground
  // would float beside the object as a ghost. Both the CPU kernel and the
  // tensor path.
  void holeSmoothingKeepsAStrongBackgroundEdge() {
    using torch::indexing::Slice;
    const int64_t h = 40, w = 60;
    const auto sky = torch::tensor({0.55f, 0.75f, 0.95f}).view({1, 3, 1, 1});
    const auto ground = torch::tensor({0.55f, 0.35f, 0.10f}).view({1, 3, 1, 1});
    auto image = torch::cat({sky.expand({1, 3, 20, w}), ground.expand({1, 3, 20, w})}, 2).contiguous();
    image.index_put_({Slice(), Slice(), Slice(10, 30), Slice(20, 30)}, 0.9f);  // a near block across the horizon
    auto d = torch::full({h, w}, 2.0f);
    d.index_put_({Slice(10, 30), Slice(20, 30)}, 12.0f);
    // Values in [0, 1] (the engine's) and in [0, 255] (media's): the limit follows the view's range.
    for (const auto& [tensor_path, scale] : {std::pair{false, 1.0f}, {true, 1.0f}, {false, 255.0f}, {true, 255.0f}}) {
      auto o = rightView();
      o.texture_fill = false;
      o.fill_options.force_tensor_path = tensor_path;
      o.warp.force_tensor_path = tensor_path;
      const auto v = renderWithDisparity(image * scale, d, o);
      const auto right = v.right / scale;
      // The block's right edge lands at 18, the background after it at 28: 18..27 were behind it.
      const auto holes = v.right_holes.index({Slice(10, 30), Slice(19, 27)});
      QVERIFY(holes.all().item<bool>());
      const auto filled = right.index({0, Slice(), Slice(10, 30), Slice(19, 27)});
      QVERIFY(torch::allclose(filled.slice(1, 0, 10), sky[0].expand({3, 10, 8}), 1e-5, 1e-5));
      QVERIFY(torch::allclose(filled.slice(1, 10, 20), ground[0].expand({3, 10, 8}), 1e-5, 1e-5));
    }
  }

  void leftViewHolesAreFilledFromTheBackgroundSideToo() {
    auto o = rightView();
    o.both_views = true;
    const auto s = blockScene();
    const auto v = renderWithDisparity(s.image, s.disparity, o);
    QVERIFY(v.left_holes.any().item<bool>());
    const auto holes = v.left_holes[0];
    const auto values = v.left[0][0][0];
    for (int64_t x = 0; x < holes.size(0); ++x)
      if (holes[x].item<bool>()) QVERIFY(std::abs(values[x].item<float>() - 0.2f) < 1e-5);
  }

  void dominantOffsetsAreTheWallpapersLattice() {
    const auto image = wallpaper(60, 96, 3);
    TextureFillOptions o;
    o.candidates = 8;  // 14 lattice vectors lie within the search radius (20 px here)
    const auto offsets = dominantOffsets(image, torch::ones({60, 96}, torch::kBool), o);
    QCOMPARE(offsets.size(), size_t(8));
    for (const auto& o : offsets) {  // the strongest repetitions: exact lattice vectors, nothing shorter than 8 px
      QVERIFY2(o.dx % 12 == 0 && o.dy % 10 == 0, qPrintable(QString("%1,%2").arg(o.dx).arg(o.dy)));
      QVERIFY(o.dx * o.dx + o.dy * o.dy >= 64);
      QVERIFY(o.energy < 1e-6);
    }
    // Noise does not repeat: its best offset is no better than any other, the
    // mean squared difference of independent greys (means of three uniform
    // channels, variance 1/36) is 1/18.
    torch::manual_seed(4);
    const auto noise = dominantOffsets(torch::rand({1, 3, 60, 96}), torch::ones({60, 96}, torch::kBool), o);
    QVERIFY(!noise.empty());
    QVERIFY2(noise.front().energy > 0.04, qPrintable(QString::number(noise.front().energy)));
  }

  void cleanPixelsKeepAwayFromHolesAndNearerSurfaces() {
    // One row: far surface (disparity 1), a nearer one (5) from column 8, a hole at 14..15.
    WarpedView v;
    v.covered = torch::ones({1, 20}, torch::kBool);
    v.covered.slice(1, 14, 16).fill_(false);
    v.disparity = torch::full({1, 20}, 1.0f);
    v.disparity.slice(1, 8, 14).fill_(5.0f);
    v.disparity.slice(1, 14, 16).fill_(0.0f);
    v.image = torch::zeros({1, 3, 1, 20});
    const auto clean = cleanFarPixels(v, 1.5)[0];
    for (int64_t x = 0; x < 20; ++x) {
      // Far pixels within 2 px of the nearer surface (6, 7) or of the hole (16, 17) are out; the nearer
      // surface itself is clean where no hole is near (a source for its own kind), the hole is not.
      const bool expected = x <= 5 || (x >= 8 && x <= 11) || x >= 18;
      QVERIFY2(clean[x].item<bool>() == expected, qPrintable(QString::number(x)));
    }
  }

  void textureFillContinuesTheBackgroundsPattern() {
    const auto s = wallpaperScene();
    auto o = rightView();
    o.texture_fill = true;
    const auto v = renderWithDisparity(s.image, s.disparity, o);
    using torch::indexing::Slice;
    // The truth of the right view's background: right(x) = background(x + 2).
    const auto truth = s.background.index({Slice(), Slice(), Slice(), Slice(2, 98)});
    const auto holes = v.right_holes;
    QVERIFY(holes.index({Slice(20, 40), Slice(44, 54)}).all().item<bool>());
    const auto n = holes.sum().item<int64_t>();
    QCOMPARE(n, int64_t(20 * 10 + 60 * 2));
    const auto error = (v.right - truth).abs().amax(1)[0];  // [H,W]
    // Every hole pixel continues the background's pattern exactly: nothing of
    // the block's own wallpaper (the same lattice, another motif) is copied.
    QVERIFY2(error.masked_select(holes).max().item<float>() < 1e-5,
             qPrintable(QString::number(error.masked_select(holes).max().item<float>())));
    // The smooth fill alone cannot: the same holes are far off the pattern.
    o.texture_fill = false;
    const auto smooth = renderWithDisparity(s.image, s.disparity, o);
    QVERIFY((smooth.right - truth).abs().amax(1)[0].masked_select(holes).mean().item<float>() > 0.1f);
  }

  void textureFillHelpsOnAnImperfectRepetition() {
    // The wallpaper with a little noise on every pixel: no copy is exact any
    // more, but the holes still come out far closer to the pattern than the
    // smooth fill's, and never take the block's motif.
    auto s = wallpaperScene();
    torch::manual_seed(6);
    s.image = s.image + 0.05f * torch::randn_like(s.image);
    const float smooth = holeError(s, false), textured = holeError(s, true);
    QVERIFY2(textured < 0.1f && textured < 0.5f * smooth,
             qPrintable(QString("%1 vs %2").arg(textured).arg(smooth)));
  }

  void textureFillPlacesAFractionalPeriodInPhase() {
    const auto s = gratingScene();
    using torch::indexing::Slice;
    QVERIFY(renderWithDisparity(s.image, s.disparity, rightView())
                .right_holes.index({Slice(30, 66), Slice(62, 88)})
                .all()
                .item<bool>());
    // A whole-pixel copy one period away is 0.4 px out of phase, two periods
    // away 0.8 px: per-run whole-pixel offsets left a mean error of 0.021 here.
    const float smooth = holeError(s, false), textured = holeError(s, true);
    QVERIFY2(textured < 0.012f && textured < 0.1f * smooth,
             qPrintable(QString("%1 vs %2").arg(textured).arg(smooth)));
  }

  void textureFillKeepsTheSmoothFillWithoutRepetition() {
    // The same scene on noise: no offset predicts the background, so the hole
    // keeps the background fill exactly.
    auto s = wallpaperScene();
    torch::manual_seed(5);
    s.image = torch::rand_like(s.image);
    auto o = rightView();
    o.texture_fill = false;
    const auto smooth = renderWithDisparity(s.image, s.disparity, o);
    o.texture_fill = true;
    const auto textured = renderWithDisparity(s.image, s.disparity, o);
    QVERIFY(torch::equal(smooth.right, textured.right));
  }

  void slantedPlaneHasNoCracks() {
    // Disparity falling by 0.6 px per pixel: targets spread 1.6 px apart, which a
    // per-pixel splat would leave with a crack every other pixel.
    const int64_t w = 40;
    const auto d = (30.0f - 0.6f * torch::arange(w, torch::kFloat32)).view({1, w});
    const auto v = renderWithDisparity(rampImage(1, w), d, rightView());
    using torch::indexing::Slice;
    // Left pixel 0 lands at -30, pixel 39 at 39 - 6.6 = 32.4: targets 0..32 are all seen.
    QVERIFY(!v.right_holes.index({0, Slice(0, 33)}).any().item<bool>());
    // The view is monotone along the row (a stretched ramp), no black pixel inside.
    const auto row = v.right[0][0][0].slice(0, 0, 33);
    QVERIFY((row.slice(0, 1) - row.slice(0, 0, -1)).ge(-1e-6).all().item<bool>());
  }

  void compressedPlaneKeepsOrder() {
    const int64_t w = 30;
    const auto d = (0.5f * torch::arange(w, torch::kFloat32)).view({1, w});  // nearer to the right
    const auto v = renderWithDisparity(rampImage(1, w), d, rightView());
    using torch::indexing::Slice;
    // Pixel x lands at 0.5 x: every target in 0..14 is covered by the surface.
    QVERIFY(!v.right_holes.index({0, Slice(0, 15)}).any().item<bool>());
    const auto row = v.right[0][0][0].slice(0, 0, 15);
    QVERIFY((row.slice(0, 1) - row.slice(0, 0, -1)).gt(0).all().item<bool>());
  }

  void bothViewsShiftHalfEachWay() {
    auto o = rightView();
    o.both_views = true;
    const auto img = rampImage(2, 16);
    const auto v = renderWithDisparity(img, torch::full({2, 16}, 4.0f), o);
    using torch::indexing::Slice;
    QVERIFY(torch::allclose(v.right.index({Slice(), Slice(), Slice(), Slice(0, 14)}),
                            img.index({Slice(), Slice(), Slice(), Slice(2, 16)})));
    QVERIFY(torch::allclose(v.left.index({Slice(), Slice(), Slice(), Slice(2, 16)}),
                            img.index({Slice(), Slice(), Slice(), Slice(0, 14)})));
  }

  void cpuKernelMatchesTheTensorPath() {
    torch::manual_seed(3);
    const auto img = torch::rand({1, 3, 12, 50});
    auto d = torch::rand({12, 50}) * 3;  // rough surfaces, steps both ways
    d.slice(1, 10, 20) += 8;
    d.slice(1, 30, 33) += 20;
    for (double shift : {-1.0, -0.5, 0.5}) {
      WarpOptions a;
      a.shift = shift;
      WarpOptions b = a;
      b.force_tensor_path = true;
      const WarpedView va = forwardWarp(img, d, a), vb = forwardWarp(img, d, b);
      QVERIFY(torch::equal(va.covered, vb.covered));
      QVERIFY(torch::allclose(va.image, vb.image, 1e-5, 1e-5));
      QVERIFY(torch::allclose(va.disparity, vb.disparity, 1e-5, 1e-5));
      FillOptions tensor_fill;
      tensor_fill.force_tensor_path = true;
      QVERIFY(torch::allclose(fillFromBackground(va, {}), fillFromBackground(vb, tensor_fill), 1e-5, 1e-5));
    }
  }

  void inverseDepthScalesToPercentOfWidth() {
    DisparityParams p;
    p.kind = MapKind::InverseDepth;
    p.convergence_mode = ConvergenceMode::Fixed;
    p.scale_percent = 10;
    const auto map = torch::tensor({{0.0f, 0.5f, 1.0f, 1.0f, 0.25f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f}});
    const auto d = disparityFromMap(map * 200 + 7, p);  // offset and range do not matter
    QVERIFY(torch::allclose(d, map * 1.0f));            // 10 % of 10 px = 1 px for the nearest
    p.convergence = 0.5;
    QVERIFY(torch::allclose(disparityFromMap(map, p), map - 0.5f));
    p.convergence = 0;
    p.exponent = 2;
    QVERIFY(torch::allclose(disparityFromMap(map, p), map * map));
  }

  void depthIsInvertedAndUnknownsTakeTheBackground() {
    DisparityParams p;
    p.kind = MapKind::Depth;
    p.convergence_mode = ConvergenceMode::Fixed;
    p.scale_percent = 50;  // 2 px for the nearest in a 4-pixel row
    const auto d = disparityFromMap(torch::tensor({{1.0f, 2.0f, 0.0f, 4.0f}}), p);
    // 1/z = 1, .5, ?, .25 -> normalised 1, 1/3, ?, 0; the unknown takes the farther neighbour.
    QVERIFY(torch::allclose(d, torch::tensor({{2.0f, 2.0f / 3, 0.0f, 0.0f}}), 1e-5, 1e-6));
    DisparityParams px;
    px.kind = MapKind::DisparityPx;
    const auto g = disparityFromMap(torch::tensor({{0.0f, 9.0f, 0.0f, 0.0f, 3.0f, 0.0f}}), px);
    QVERIFY(torch::equal(g, torch::tensor({{9.0f, 9.0f, 3.0f, 3.0f, 3.0f, 3.0f}})));
  }

  // A slanted plane stored in whole pixels (Middlebury's ground truth, an 8-bit
  // map) is a staircase; its terraces go back to the plane within the error
  // that the pixel grid leaves (half a pixel's slope), not the rounding's 0.5.
  void terracedPlaneBecomesThePlaneItWasRoundedFrom() {
    const int64_t h = 40, w = 120;
    const auto x = torch::arange(w, torch::kFloat32).view({1, w}), y = torch::arange(h, torch::kFloat32).view({h, 1});
    const auto plane = 20.0f + 0.23f * x + 0.11f * y;  // [h, w], 30 levels
    const auto stored = plane.round();
    const MapLevels levels = coarseMapLevels(stored, false);
    QCOMPARE(levels.step, 1.0);
    QVERIFY(levels.count > 25 && levels.count < 35);  // sampled rows: about 30
    const auto smoothed = smoothTerraces(stored, 1.0, false);
    // Away from the borders every terrace has a step on both sides along a row or a column.
    using torch::indexing::Slice;
    const auto inner = Slice(10, -10);
    const auto error = (smoothed - plane).abs().index({inner, inner});
    QVERIFY2(error.max().item<double>() < 0.13, qPrintable(QString::number(error.max().item<double>())));
    QVERIFY2(error.mean().item<double>() < 0.05, qPrintable(QString::number(error.mean().item<double>())));
    QVERIFY((stored - plane).abs().index({inner, inner}).mean().item<double>() > 0.2);  // what it was
    // No value leaves its level's half step.
    QVERIFY((smoothed - stored).abs().max().item<double>() <= 0.5);
    // A half-size map's values halved (steps of 0.5 px) are terraces of 0.5.
    QCOMPARE(coarseMapLevels(stored * 0.5f, false).step, 0.5);
  }

  // Depth edges (jumps of several levels), ridges (one level up and down again)
  // and values beside unknown ones are not ramps: they stay as given.
  void edgesRidgesAndUnknownsStayAsGiven() {
    const auto edge = torch::tensor({{2.0f, 2.0f, 7.0f, 7.0f, 7.0f, 2.0f, 2.0f}});
    QVERIFY(torch::equal(smoothTerraces(edge, 1.0, true), edge));
    const auto ridge = torch::tensor({{2.0f, 3.0f, 3.0f, 4.0f, 4.0f, 3.0f, 3.0f, 2.0f}});
    // 3,3 (between 2 and 4) is a ramp; the 4,4 ridge is not.
    const auto r = smoothTerraces(ridge, 1.0, true);
    QVERIFY(torch::allclose(r.index({0, torch::indexing::Slice(1, 3)}), torch::tensor({2.75f, 3.25f})));
    QVERIFY(torch::equal(r.index({0, torch::indexing::Slice(3, 5)}), torch::tensor({4.0f, 4.0f})));
    // Disparity in pixels: 0 is unknown, so 0 -> 1 is no step and the 1,1 run stays.
    const auto px = torch::tensor({{0.0f, 1.0f, 1.0f, 2.0f, 2.0f, 3.0f}});
    const auto p = smoothTerraces(px, 1.0, true);
    QVERIFY(torch::equal(p.index({0, torch::indexing::Slice(0, 3)}), torch::tensor({0.0f, 1.0f, 1.0f})));
    QVERIFY(torch::allclose(p.index({0, torch::indexing::Slice(3, 5)}), torch::tensor({1.75f, 2.25f})));
  }

  // Maps of many levels or without a common step are continuous: left alone.
  void continuousMapsHaveNoTerraces() {
    torch::manual_seed(3);
    const auto model_output = torch::rand({64, 64});  // a depth model's floats
    QCOMPARE(coarseMapLevels(model_output, false).step, 0.0);
    const auto sixteen_bit = (torch::rand({64, 64}) * 65535).round();  // one level far below a pixel
    QCOMPARE(coarseMapLevels(sixteen_bit, false).step, 0.0);
    auto mixed = torch::arange(64, torch::kFloat32).repeat({64, 1});
    mixed.index_put_({8, 5}, 5.3f);  // one value off the step: no common step
    QCOMPARE(coarseMapLevels(mixed, false).step, 0.0);
    QCOMPARE(coarseMapLevels(torch::full({8, 8}, 3.0f), false).step, 0.0);
    // End to end: a float map's disparity is the plain affine one.
    DisparityParams p;
    p.kind = MapKind::DisparityPx;
    QVERIFY(torch::equal(disparityFromMap(model_output * 10 + 1, p), model_output * 10 + 1));
  }

  // Through disparityFromMap: a whole-pixel disparity map's staircase is smoothed.
  void wholePixelDisparityIsSmoothedOnTheWayIn() {
    const auto x = torch::arange(80, torch::kFloat32).view({1, 80}).expand({16, 80});
    const auto plane = 10.0f + 0.3f * x;
    DisparityParams p;
    p.kind = MapKind::DisparityPx;
    const auto d = disparityFromMap(plane.round(), p);
    using torch::indexing::Slice;
    const auto error = [&](const torch::Tensor& t) { return (t - plane).abs().index({Slice(), Slice(8, -8)}).mean().item<double>(); };
    // Rounding leaves 0.25 px on average; the terraces' ramps a third of that.
    QVERIFY2(error(d) < 0.08, qPrintable(QString::number(error(d))));
    QVERIFY(error(plane.round()) > 0.2);

    // A relative 8-bit map: its 255 levels share the scale's pixels.
    const auto ramp = torch::arange(1024, torch::kFloat32).view({1, 1024}).expand({8, 1024}) * (255.0f / 1023);
    DisparityParams relative;
    relative.convergence_mode = ConvergenceMode::Fixed;
    relative.scale_percent = 3;  // 30.7 px / 255 levels: 0.12 px a level, below what shows
    const auto eight_bit = ramp.round();
    QVERIFY(torch::allclose(disparityFromMap(eight_bit, relative), eight_bit * (30.72f / 255)));
    relative.scale_percent = 12;  // 0.48 px a level: smoothed
    const auto true_px = ramp * (122.88f / 255);
    const auto smoothed_error = (disparityFromMap(eight_bit, relative) - true_px).abs().mean().item<double>();
    const auto rounded_error = (eight_bit * (122.88f / 255) - true_px).abs().mean().item<double>();
    QVERIFY2(smoothed_error < 0.3 * rounded_error, qPrintable(QString::number(smoothed_error / rounded_error)));
  }

  void badParametersThrow() {
    DisparityParams p;
    p.scale_percent = -1;
    QVERIFY_THROWS_EXCEPTION(sds::Error, validate(p));
    p = {};
    p.exponent = 0;
    QVERIFY_THROWS_EXCEPTION(sds::Error, validate(p));
    p = {};
    p.convergence = 1.5;
    QVERIFY_THROWS_EXCEPTION(sds::Error, validate(p));
    p = {};
    p.kind = MapKind::DisparityPx;
    QVERIFY_THROWS_EXCEPTION(sds::Error, disparityFromMap(torch::zeros({4, 4}), p));
  }

  void badInputsThrowFromTheMatApi() {
    media::RenderParams p;
    const cv::Mat image(8, 8, CV_8UC3, cv::Scalar(10, 20, 30));
    QVERIFY_THROWS_EXCEPTION(sds::Error, media::renderStereo(cv::Mat(), cv::Mat(8, 8, CV_8UC1), p));
    QVERIFY_THROWS_EXCEPTION(sds::Error, media::renderStereo(image, cv::Mat(), p));
    QVERIFY_THROWS_EXCEPTION(sds::Error, media::renderStereo(image, cv::Mat(8, 8, CV_8UC3), p));
    p.exponent = -2;
    QVERIFY_THROWS_EXCEPTION(sds::Error, media::renderStereo(image, cv::Mat(8, 8, CV_8UC1, cv::Scalar(3)), p));
    p = {};
    p.device = "tpu";
    QVERIFY_THROWS_EXCEPTION(sds::Error, media::renderStereo(image, cv::Mat(8, 8, CV_8UC1, cv::Scalar(3)), p));
  }

  void matApiResizesTheMapAndReportsHoles() {
    cv::Mat image(20, 40, CV_8UC3);
    cv::randu(image, 0, 255);
    cv::Mat map(10, 20, CV_16UC1, cv::Scalar(0));
    map(cv::Rect(5, 0, 6, 10)).setTo(65535);
    media::RenderParams p;
    p.convergence_mode = ConvergenceMode::Fixed;
    p.scale_percent = 10;  // 4 px at 40 px wide
    const media::StereoPair pair = media::renderStereo(image, map, p);
    QCOMPARE(pair.right.size(), image.size());
    QCOMPARE(pair.disparity_px.size(), image.size());
    QCOMPARE(pair.left.type(), CV_8UC3);
    double lo = 0, hi = 0;
    cv::minMaxLoc(pair.disparity_px, &lo, &hi);
    QCOMPARE(hi, 4.0);
    QVERIFY(cv::countNonZero(pair.holes) > 0);
    QVERIFY(cv::norm(pair.left, image, cv::NORM_INF) == 0);
    p.fill = media::FillMode::Telea;
    QCOMPARE(media::renderStereo(image, map, p).right.size(), image.size());
  }

  void aloeHalfBeatsTheTeleaReference() {
    const std::string dir = std::string(SDSTEREO_TEST_DATA) + "/metrics/";
    const cv::Mat left = cv::imread(dir + "aloeL_half.png", cv::IMREAD_COLOR);
    const cv::Mat right = cv::imread(dir + "aloeR_half.png", cv::IMREAD_COLOR);
    cv::Mat gt = cv::imread(dir + "aloeGT_half.png", cv::IMREAD_UNCHANGED), disparity;
    QVERIFY(!left.empty() && !right.empty() && !gt.empty());
    gt.convertTo(disparity, CV_32F, 0.5);  // half-resolution values are GT / 2
    media::RenderParams p;
    p.depth_kind = media::DepthKind::DisparityPx;
    const auto ours = media::compareImages(right, media::renderStereo(left, disparity, p).right);
    // shared/fixtures/metrics cases.json -> results.half.stretch_telea3
    QVERIFY2(ours.psnr_rgb > 23.99569524273836, qPrintable(QString::number(ours.psnr_rgb)));
    QVERIFY2(ours.psnr_gray > 24.650317760410996, qPrintable(QString::number(ours.psnr_gray)));
    QVERIFY2(ours.ssim_gauss_rgb > 0.7781424088968901, qPrintable(QString::number(ours.ssim_gauss_rgb)));
    QVERIFY2(ours.ssim_gauss_gray > 0.7866102692666728, qPrintable(QString::number(ours.ssim_gauss_gray)));
    QVERIFY2(ours.ssim_uniform7_rgb > 0.780706519144092, qPrintable(QString::number(ours.ssim_uniform7_rgb)));
    QVERIFY2(ours.ssim_uniform7_gray > 0.7882875867629588, qPrintable(QString::number(ours.ssim_uniform7_gray)));
  }
};

QTEST_GUILESS_MAIN(TestRenderer)
#include "test_renderer.moc"
