// The classical renderer (core/engine/render + core/media/stereo_render): pixel
// checks on small synthetic rows with known answers, and the quality bar on the
// real half-resolution Aloe pair.
#include <torch/torch.h>

#include <QtTest/QtTest>

#include <opencv2/imgcodecs.hpp>

#include "core/engine/render/stereo_views.h"
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
