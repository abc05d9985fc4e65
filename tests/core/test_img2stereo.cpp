// Photo to stereo: the working size, the full-resolution composition on a
// synthetic scene with a known right view (visible pixels come from the photo,
// holes from the diffusion output, the seam in between), and the pipeline end
// to end on the tiny SD 1.x model of tests/data in both inversion modes, with
// progress stages and cancellation in each of them.
#include <QtTest/QtTest>

#include <set>

#include <torch/torch.h>

#include "core/engine/inversion/image_inversion.h"
#include "core/engine/pipelines/img2stereo.h"
#include "core/engine/render/diffusion_fill.h"
#include "core/engine/render/disparity_map.h"
#include "core/media/internal/img2stereo_params.h"
#include "core/base/error.h"
#include "models/sd/stable_diffusion.h"

using namespace sds;
using pipelines::Img2StereoParams;

namespace {

// A background texture with a nearer textured box: its exact disparity, and
// the right view a camera would see (the box moved left by `near_px`).
struct Scene {
  torch::Tensor photo;       // [1, 3, H, W] in [0, 1]
  torch::Tensor map;         // [H, W] inverse depth: 0 background, 1 box
  torch::Tensor truth_right; // [1, 3, H, W]
  torch::Tensor truth_holes; // [H, W] bool: background the left view never saw
};

constexpr int64_t kH = 48, kW = 160, kTop = 10, kBottom = 38, kLeft = 60, kRight = 100, kNearPx = 8;

Scene boxScene() {
  torch::manual_seed(3);
  Scene s;
  const auto background = torch::rand({1, 3, kH, kW});
  const auto box = torch::rand({1, 3, kBottom - kTop, kRight - kLeft}) * 0.5 + 0.5;
  s.photo = background.clone();
  s.photo.narrow(2, kTop, kBottom - kTop).narrow(3, kLeft, kRight - kLeft).copy_(box);
  s.map = torch::zeros({kH, kW});
  s.map.narrow(0, kTop, kBottom - kTop).narrow(1, kLeft, kRight - kLeft).fill_(1);
  s.truth_right = background.clone();
  s.truth_right.narrow(2, kTop, kBottom - kTop).narrow(3, kLeft - kNearPx, kRight - kLeft).copy_(box);
  s.truth_holes = torch::zeros({kH, kW}, torch::kBool);
  s.truth_holes.narrow(0, kTop, kBottom - kTop).narrow(1, kRight - kNearPx, kNearPx).fill_(true);
  return s;
}

// 5 % of 160 px = the box's 8 px.
torch::Tensor sceneDisparityPx(const Scene& s) {
  render::DisparityParams d;
  d.scale_percent = 5;
  d.convergence_mode = render::ConvergenceMode::Fixed;  // zero at the background
  return render::disparityFromMap(s.map, d);
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

// [1, 3, H, W] -> values at `where` [H, W] bool: [3, n]
torch::Tensor pixelsAt(const torch::Tensor& image, const torch::Tensor& where) {
  return image[0].masked_select(where.unsqueeze(0).expand({3, where.size(0), where.size(1)})).view({3, -1});
}

const sd::StableDiffusion& tinyModel() {
  static const sd::StableDiffusion m = sd::loadStableDiffusion(std::string(SDSTEREO_TEST_DATA) + "/sd-tiny-v1/model");
  return m;
}

// A smooth photo of 96 x 64 and a left-to-right ramp of inverse depth.
std::pair<torch::Tensor, torch::Tensor> smallPhoto() {
  torch::manual_seed(5);
  auto coarse = torch::rand({1, 3, 8, 12});
  auto photo = torch::nn::functional::interpolate(
      coarse, torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{64, 96}).mode(torch::kBilinear).align_corners(false));
  auto map = torch::linspace(0, 1, 96).view({1, 96}).expand({64, 96}).clone();
  return {photo.clamp(0, 1), map};
}

Img2StereoParams smallParams(inversion::InversionMode mode) {
  Img2StereoParams p;
  p.inversion.prompt = "a photo";
  p.inversion.steps = 5;
  p.inversion.inner_steps = 2;
  p.inversion.mode = mode;
  p.stereo.shift_step = 1;
  p.stereo.mask_interval = 2;
  p.stereo.scale_factor = 6;
  p.working_long_side = 128;
  return p;
}

}  // namespace

class TestImg2Stereo : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void workingSizeKeepsTheAspectRatio() {
    QCOMPARE(pipelines::workingSize(3000, 4000, 512), std::make_pair(384, 512));
    QCOMPARE(pipelines::workingSize(4000, 3000, 512), std::make_pair(512, 384));
    QCOMPARE(pipelines::workingSize(1080, 1920, 512), std::make_pair(288, 512));
    QCOMPARE(pipelines::workingSize(100, 1000, 512), std::make_pair(64, 512));  // never below 64
    QCOMPARE(pipelines::workingSize(300, 200, 512), std::make_pair(512, 344));  // small photos grow to SD's size
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::workingSize(0, 10, 512));
  }

  void visiblePixelsComeFromThePhotoAndHolesFromTheDiffusion() {
    const Scene s = boxScene();
    const auto disparity = sceneDisparityPx(s);
    QCOMPARE(disparity.max().item<double>(), double(kNearPx));
    const auto diffusion = torch::tensor({0.2f, 0.7f, 0.4f}).view({1, 3, 1, 1}).expand({1, 3, 12, 40}).contiguous();
    render::DiffusionFillOptions o;
    o.seam_px = 2;
    o.match_colour = false;
    o.edges = {0, 0};  // the exact box has no mixed outline (edge handling: test_depth_edges)
    const auto c = render::composeWithDiffusionFill(s.photo, disparity, diffusion, o);
    QCOMPARE(c.image.sizes(), s.photo.sizes());
    QVERIFY(torch::equal(c.holes, s.truth_holes));
    // Holes: the diffusion output, and nothing of the (black) warp.
    QVERIFY(torch::equal(c.weight.masked_select(c.holes), torch::ones({int64_t(c.holes.sum().item<int64_t>())})));
    const auto hole_pixels = pixelsAt(c.image, c.holes);
    QVERIFY(maxDiff(hole_pixels, torch::tensor({0.2f, 0.7f, 0.4f}).view({3, 1}).expand_as(hole_pixels)) < 1e-6);
    // Away from the seam: the photo's own pixels where the true right view has them.
    const auto photo_only = c.weight == 0;
    QVERIFY(photo_only.sum().item<int64_t>() > kH * kW * 8 / 10);
    QVERIFY(torch::equal(pixelsAt(c.image, photo_only), pixelsAt(s.truth_right, photo_only)));
    // The seam: a blend, no farther than 2 * seam_px from a hole, on the visible side only.
    const auto seam = (c.weight > 0) & (c.weight < 1);
    QVERIFY(seam.any().item<bool>());
    QVERIFY(!(seam & c.holes).any().item<bool>());
    const auto near_holes = torch::max_pool2d(s.truth_holes.to(torch::kFloat32).unsqueeze(0), {9, 9}, {1, 1}, {4, 4})[0] > 0;
    QVERIFY(!(seam & ~near_holes).any().item<bool>());
  }

  void colourMatchingFitsTheDiffusionOutputToThePhoto() {
    const Scene s = boxScene();
    // A diffusion view of the true right view with a colour cast (gain and offset per channel).
    const auto gain = torch::tensor({0.8f, 1.1f, 0.9f}).view({1, 3, 1, 1});
    const auto offset = torch::tensor({0.1f, -0.05f, 0.02f}).view({1, 3, 1, 1});
    const auto cast = (s.truth_right * gain + offset);
    render::DiffusionFillOptions o;
    o.seam_px = 0;
    o.match_colour = false;
    o.edges = {0, 0};  // the exact box has no mixed outline (edge handling: test_depth_edges)
    const auto raw = render::composeWithDiffusionFill(s.photo, sceneDisparityPx(s), cast, o);
    o.match_colour = true;
    const auto matched = render::composeWithDiffusionFill(s.photo, sceneDisparityPx(s), cast, o);
    const auto want = pixelsAt(s.truth_right, s.truth_holes);
    QVERIFY(maxDiff(pixelsAt(raw.image, s.truth_holes), want) > 0.05);
    QVERIFY(maxDiff(pixelsAt(matched.image, s.truth_holes), want) < 1e-3);
  }

  void badShapesAreErrors() {
    const Scene s = boxScene();
    QVERIFY_THROWS_EXCEPTION(sds::Error, render::composeWithDiffusionFill(s.photo[0], sceneDisparityPx(s), s.photo));
    QVERIFY_THROWS_EXCEPTION(sds::Error, render::composeWithDiffusionFill(s.photo, s.map.narrow(0, 0, 10), s.photo));
    QVERIFY_THROWS_EXCEPTION(sds::Error, render::composeWithDiffusionFill(s.photo, sceneDisparityPx(s), s.map));
  }

  void nullTextPhotoToStereoEndToEnd() { endToEnd(inversion::InversionMode::NullText); }
  void fastPhotoToStereoEndToEnd() { endToEnd(inversion::InversionMode::Fast); }

  void estimatedOrGivenDepthIsRequired() {
    const auto [photo, map] = smallPhoto();
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::img2stereo(tinyModel(), photo, std::nullopt,
                                                               smallParams(inversion::InversionMode::Fast)));
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::img2stereo(tinyModel(), photo[0], map,
                                                               smallParams(inversion::InversionMode::Fast)));
    auto p = smallParams(inversion::InversionMode::Fast);
    p.working_long_side = 10;
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::img2stereo(tinyModel(), photo, map, p));
  }

  void parameterRecordRoundTrips() {
    auto p = smallParams(inversion::InversionMode::Fast);
    p.inversion.inner_steps = 7;
    p.stereo.direction = stereo::AttentionDirection::Bi;
    p.stereo.deblur = true;
    p.seed = 99;  // draws the deblur noise
    p.fill.seam_px = 3;
    p.fill.match_colour = false;
    pipelines::Img2StereoResult r;
    r.work_width = 128;
    r.work_height = 88;
    const auto back = media::img2stereoParamsFromJson(media::img2stereoParamsJson(p, r, {{"image", "x.png"}}));
    QVERIFY(back.inversion.mode == inversion::InversionMode::Fast);
    QCOMPARE(back.inversion.prompt, p.inversion.prompt);
    QCOMPARE(back.inversion.steps, p.inversion.steps);
    QCOMPARE(back.inversion.inner_steps, 7);
    QCOMPARE(back.working_long_side, 128);
    QCOMPARE(back.fill.seam_px, 3.0);
    QVERIFY(!back.fill.match_colour);
    QCOMPARE(back.stereo.scale_factor, p.stereo.scale_factor);
    QCOMPARE(pipelines::stereoPassOf(back).resolvedShiftStep(), pipelines::stereoPassOf(p).resolvedShiftStep());
    QCOMPARE(back.seed, p.seed);
    QCOMPARE(back.stereo.mask_interval, p.stereo.mask_interval);
    QVERIFY(back.stereo.direction == stereo::AttentionDirection::Bi);
    QVERIFY(back.stereo.deblur);
    // A record of another pipeline, or a malformed one, is a clear error.
    QVERIFY_THROWS_EXCEPTION(sds::Error, media::img2stereoParamsFromJson(nlohmann::json{{"pipeline", "txt2stereo"}}));
    QVERIFY_THROWS_EXCEPTION(sds::Error, media::img2stereoParamsFromJson(
                                             nlohmann::json{{"pipeline", "img2stereo"}, {"inversion", {{"steps", "x"}}}}));
  }

  // The photo record's own fields, each refused by name (a record is untrusted).
  void hostileRecordFieldsAreRefusedByName() {
    pipelines::Img2StereoParams p;
    p.inversion.mode = inversion::InversionMode::Fast;
    p.inversion.steps = 4;
    pipelines::Img2StereoResult r;
    r.work_width = 128;
    r.work_height = 88;
    const auto good = media::img2stereoParamsJson(p, r);
    const auto says = [&](const nlohmann::json::json_pointer& at, const nlohmann::json& value, const QString& what) {
      auto record = good;
      record[at] = value;
      try {
        media::img2stereoParamsFromJson(record);
        return QString("accepted");
      } catch (const sds::Error& e) {
        return QString(e.what()).contains(what) ? QString() : QString(e.what());
      }
    };
    QCOMPARE(says(nlohmann::json::json_pointer("/inversion/steps"), 4294967360ull, "'steps'"), QString());  // wrapped to 64
    QCOMPARE(says(nlohmann::json::json_pointer("/inversion/inner_steps"), 0, "'inner_steps'"), QString());  // also in fast mode
    QCOMPARE(says(nlohmann::json::json_pointer("/inversion/early_stop_epsilon"), -1.0, "early-stop"), QString());
    QCOMPARE(says(nlohmann::json::json_pointer("/stereo/seed"), 1e300, "'seed'"), QString());  // was an undefined cast
    QCOMPARE(says(nlohmann::json::json_pointer("/stereo/seed"), -1, "'seed'"), QString());
    QCOMPARE(says(nlohmann::json::json_pointer("/stereo/exponent"), 1e300, "exponent"), QString());  // was refused only after the run
    QCOMPARE(says(nlohmann::json::json_pointer("/seam_px"), 4294967360.0, "seam"), QString());  // was a LibTorch error after the run
    QCOMPARE(says(nlohmann::json::json_pointer("/working_size"), nlohmann::json::array({128, 1.5}), "'working_size[1]'"), QString());
    QCOMPARE(says(nlohmann::json::json_pointer("/full_resolution"), 1, "'full_resolution'"), QString());
    QCOMPARE(says(nlohmann::json::json_pointer("/inversion/mode"), "slow", "'mode'"), QString());
  }

  void cancelStopsEveryStage() {
    const auto [photo, map] = smallPhoto();
    for (const std::string stage : {"inversion", "null-text", "left view", "right view", "composing"}) {
      CancelToken cancel;
      pipelines::RunControl control;
      control.cancel = cancel;
      std::string cancelled_in;
      control.progress = [&](const Progress& p) {
        if (p.stage == stage && !cancel.cancelled()) {
          cancelled_in = p.stage;
          cancel.cancel();
        }
      };
      QVERIFY_THROWS_EXCEPTION(sds::Cancelled, pipelines::img2stereo(tinyModel(), photo, map,
                                                                     smallParams(inversion::InversionMode::NullText),
                                                                     control));
      QCOMPARE(cancelled_in, stage);
    }
  }

 private:
  void endToEnd(inversion::InversionMode mode) {
    const auto [photo, map] = smallPhoto();
    const auto p = smallParams(mode);
    std::vector<Progress> seen;
    pipelines::RunControl control;
    control.progress = [&](const Progress& pr) { seen.push_back(pr); };
    const auto r = pipelines::img2stereo(tinyModel(), photo, map, p, control);

    // Working size 128 x 88 (64 / 96 * 128 = 85.3 -> 88), the pair from the diffusion pass there.
    QCOMPARE(r.work_width, 128);
    QCOMPARE(r.work_height, 88);
    QCOMPARE(r.diffusion.image01.sizes(), (torch::IntArrayRef{2, 3, 88, 128}));
    // Full resolution: the photo is the left view; the right view has its size.
    QVERIFY(torch::equal(r.left01, photo));
    QCOMPARE(r.right01.sizes(), photo.sizes());
    QVERIFY(r.right_holes.any().item<bool>());
    QVERIFY(!r.right_holes.all().item<bool>());
    QVERIFY(std::abs(r.disparity_px.max().item<double>() - 0.06 * 96) < 1e-5);  // float32 px
    // The guided pass from x_T with the per-step uncond rows retraces the inversion.
    const auto reconstructed = inversion::reconstructLatent(tinyModel(), r.inversion, p.inversion.guidance_scale);
    QVERIFY2(maxDiff(r.diffusion.pass1_latents, reconstructed) < 1e-4,
             qPrintable(QString::number(maxDiff(r.diffusion.pass1_latents, reconstructed))));
    // The cost is what the plan says (fast: the inversion only; null-text: at most the plan).
    const auto planned = inversion::plannedCost(mode, p.inversion.steps, p.inversion.inner_steps);
    QVERIFY(r.inversion.cost.unet_forwards <= planned.unet_forwards);
    QVERIFY(r.inversion.cost.unet_forwards >= p.inversion.steps);
    if (mode == inversion::InversionMode::Fast) QCOMPARE(r.inversion.cost.unet_backwards, int64_t(0));

    // One bar: never backwards, ending at 1, through every stage of the mode.
    QVERIFY(!seen.empty());
    std::set<std::string> stages;
    double last = 0;
    for (const auto& s : seen) {
      QVERIFY2(s.overall >= last - 1e-9, s.stage.c_str());
      last = s.overall;
      stages.insert(s.stage);
    }
    QVERIFY(std::abs(last - 1.0) < 1e-9);
    std::set<std::string> want = {"inversion", "left view", "right view", "decoding", "composing"};
    if (mode == inversion::InversionMode::NullText) want.insert("null-text");
    for (const auto& w : want) QVERIFY2(stages.count(w), w.c_str());
  }
};

QTEST_MAIN(TestImg2Stereo)
#include "test_img2stereo.moc"
