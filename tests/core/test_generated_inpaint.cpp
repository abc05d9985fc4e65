// The inpainting fill of the generated pairs (core/media/internal/
// generated_inpaint.h) on the tiny models of tests/data: photo to stereo and
// the prompt-to-stereo composition keep the left view's own pixels wherever
// the right eye sees them and let the inpainting model fill only the holes.
#include <QtTest/QtTest>

#include <opencv2/core.hpp>

#include "core/engine/pipelines/compose_views.h"
#include "core/engine/pipelines/img2stereo.h"
#include "core/engine/pipelines/inpaint_fill.h"
#include "core/media/internal/generated_inpaint.h"
#include "core/media/internal/tensor_bridge.h"
#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"
#include "tests/support/expect_error.h"

using namespace sds;

namespace {

const std::string kData = SDSTEREO_TEST_DATA;

const sd::StableDiffusion& plainModel() {
  static const sd::StableDiffusion m = sd::loadStableDiffusion(kData + "/sd-tiny-v1/model");
  return m;
}

// A textured left view of 64 x 128 with a near box: holes open right of it.
std::pair<torch::Tensor, torch::Tensor> boxScene() {
  torch::manual_seed(11);
  auto left = torch::rand({1, 3, 64, 128});
  auto map = torch::zeros({64, 128});
  map.narrow(0, 16, 32).narrow(1, 48, 32).fill_(1);
  return {left, map};
}

media::InpaintSettings tinySettings() {
  media::InpaintSettings s;
  s.model_path = kData + "/sd-tiny-inpaint/model";
  s.steps = 2;
  s.window_px = 64;
  s.dilate_px = 2;
  return s;
}

// Pixels (8-bit) that differ between a and b outside `holes` grown by `px`.
int changedOutside(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& holes, int px) {
  const auto grown = pipelines::dilateMask(holes, px);
  cv::Mat diff;
  cv::absdiff(media::tensor01ToImage8(a), media::tensor01ToImage8(b), diff);
  cv::Mat outside;
  media::tensorToMap((~grown).to(torch::kFloat32)).convertTo(outside, CV_8U);
  int changed = 0;
  for (int y = 0; y < diff.rows; ++y)
    for (int x = 0; x < diff.cols; ++x)
      if (outside.at<uint8_t>(y, x) && diff.at<cv::Vec3b>(y, x) != cv::Vec3b(0, 0, 0)) ++changed;
  return changed;
}

}  // namespace

class TestGeneratedInpaint : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void testComposedRightKeepsTheLeftPixels() {
    const auto [left, map] = boxScene();
    pipelines::Txt2StereoParams params;
    params.scale_factor = 6;
    const auto settings = tinySettings();
    media::HoleInpainter inpainter;
    media::InpaintReport report;
    const auto composed = media::composeRightInpainted(left, map, params, inpainter, settings, {}, {}, &report);
    QVERIFY(report.crops_run >= 1);
    QVERIFY(composed.holes.any().item<bool>());
    // The open warp of the same composition: the left view's own pixels.
    render::DiffusionFillOptions open;
    open.open_holes = true;
    const auto warp = pipelines::composeRightFromLeft(left, left, map, params, open);
    QVERIFY(warp.holes.equal(composed.holes));
    QVERIFY(warp.image.masked_select(warp.holes.expand({1, 3, 64, 128})).eq(0).all().item<bool>());
    QCOMPARE(changedOutside(composed.image, warp.image, composed.holes, settings.dilate_px), 0);
    // The holes were painted, not left black.
    QVERIFY(composed.image.masked_select(composed.holes.expand({1, 3, 64, 128})).gt(0.02).any().item<bool>());
  }

  void testComposedRightRefusesAPlainModel() {
    const auto [left, map] = boxScene();
    auto settings = tinySettings();
    settings.model_path = kData + "/sd-tiny-v1/model";
    media::HoleInpainter inpainter;
    SDS_VERIFY_THROWS(media::composeRightInpainted(left, map, {}, inpainter, settings), "not an inpainting model");
  }

  void testPhotoToStereoInpainted() {
    const auto [photo, map] = boxScene();
    pipelines::Img2StereoParams params;
    params.inversion.mode = inversion::InversionMode::Fast;
    params.inversion.steps = 3;
    params.stereo.shift_step = 1;
    params.stereo.mask_interval = 2;
    params.stereo.scale_factor = 6;
    params.working_long_side = 128;
    const auto settings = tinySettings();
    media::HoleInpainter inpainter;
    media::InpaintReport report;
    std::vector<std::string> stages;
    pipelines::RunControl control;
    control.progress = [&](const Progress& p) {
      if (stages.empty() || stages.back() != p.stage) stages.push_back(p.stage);
    };
    const auto r = media::img2stereoInpainted(plainModel(), photo, map, params, inpainter, settings, control, nullptr,
                                              &report);
    QVERIFY(report.crops_run >= 1);
    QCOMPARE(stages.back(), std::string("inpainting"));
    QVERIFY(r.left01.equal(photo));  // the left view is the photo
    QVERIFY(r.right_holes.any().item<bool>());
    // Outside the (dilated) holes the right view is the photo's warp, as the
    // pipeline composes it with its holes left open.
    auto open = params;
    open.fill.open_holes = true;
    const auto warp = pipelines::img2stereo(plainModel(), photo, map, open);
    QVERIFY(warp.right_holes.equal(r.right_holes));
    QCOMPARE(changedOutside(r.right01, warp.right01, r.right_holes, settings.dilate_px), 0);
    // Unlike the diffusion fill, which is used inside the holes.
    const auto diffusion = pipelines::img2stereo(plainModel(), photo, map, params);
    QVERIFY(!diffusion.right01.equal(r.right01));

    params.full_resolution = false;
    SDS_VERIFY_THROWS(media::img2stereoInpainted(plainModel(), photo, map, params, inpainter, settings, {}),
                      "full-resolution");
  }
};

QTEST_GUILESS_MAIN(TestGeneratedInpaint)
#include "test_generated_inpaint.moc"
