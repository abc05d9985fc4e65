// Inpainting: loading inpainting checkpoints (detected from the UNet's input
// channels, both layouts) and refusing them where a text-to-image model is
// needed (and the reverse); the pipeline's preparation and loop against the
// diffusers reference (tests/data/sd-tiny-inpaint); the integer warp of the
// inpaint_stereo case; the crop planner; the full-resolution hole fill
// (pixels outside the dilated holes kept exactly, every hole decided,
// progress, cancellation) and its cv::Mat face.
#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <opencv2/imgproc.hpp>

#include "core/engine/pipelines/inpaint.h"
#include "core/engine/pipelines/inpaint_crops.h"
#include "core/engine/pipelines/inpaint_fill.h"
#include "core/engine/pipelines/inpaint_inputs.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/engine/render/integer_warp.h"
#include "core/media/inpaint_fill.h"
#include "core/media/stereo_render.h"
#include "core/verify/runner.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/sd/stable_diffusion.h"
#include "tests/support/expect_error.h"
#include "tests/support/single_file_from_key_map.h"

namespace fs = std::filesystem;
using namespace sds;

namespace {

const fs::path kData = SDSTEREO_TEST_DATA;
const fs::path kSet = kData / "sd-tiny-inpaint";

nlohmann::json caseOf(const std::string& name) {
  std::ifstream in(kSet / "cases.json");
  const auto root = nlohmann::json::parse(in);
  for (const auto& c : root["cases"])
    if (c["name"] == name) return c;
  throw std::runtime_error("no case " + name);
}

std::shared_ptr<const io::SafetensorsFile> caseFile(const nlohmann::json& kase) {
  return io::SafetensorsFile::open((kSet / kase["file"].get<std::string>()).string());
}

const sd::StableDiffusion& inpaintModel() {
  static const sd::StableDiffusion model = sd::loadStableDiffusion((kSet / "model").string());
  return model;
}

const sd::StableDiffusion& plainModel() {
  static const sd::StableDiffusion model = sd::loadStableDiffusion((kData / "sd-tiny-v1" / "model").string());
  return model;
}

torch::Tensor image01FromHwc(const torch::Tensor& u8) {
  return u8.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32) / 255;
}

void expectClose(const nlohmann::json& kase, const std::string& name, const torch::Tensor& actual,
                 const io::SafetensorsFile& file) {
  const auto c = verify::compareTensors(actual, file.tensor(name), verify::sdTolerance(kase, name));
  QVERIFY2(c.ok, (name + ": " + c.detail).c_str());
}

pipelines::InpaintParams paramsOf(const nlohmann::json& in) {
  pipelines::InpaintParams p;
  p.prompt = in["prompt"].get<std::string>();
  p.negative_prompt = in["negative_prompt"].get<std::string>();
  p.steps = in["num_inference_steps"];
  p.guidance_scale = in["guidance_scale"];
  p.seed = in["generator_seed"];
  return p;
}

// A small picture with a vertical hole strip and a few single holes.
struct Scene {
  torch::Tensor view;   // [1, 3, H, W]
  torch::Tensor holes;  // [H, W] bool
};

Scene scene(int64_t H, int64_t W) {
  torch::manual_seed(7);
  Scene s;
  s.view = torch::rand({1, 3, H, W});
  s.holes = torch::zeros({H, W}, torch::kBool);
  s.holes.narrow(0, 4, H - 8).narrow(1, W / 2, 6).fill_(true);
  s.holes[H - 3][5] = true;
  s.holes[2][W - 4] = true;
  s.view.masked_fill_(s.holes, 0);
  return s;
}

pipelines::InpaintFillOptions smallFill() {
  pipelines::InpaintFillOptions o;
  o.inpaint.prompt = "a wooden bench in a park";
  o.inpaint.steps = 2;
  o.inpaint.seed = 5;
  o.window_px = 64;
  o.dilate_px = 2;
  return o;
}

}  // namespace

class TestInpaint : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // ---- loading

  void testDetectsTheTaskInBothLayouts() {
    QVERIFY(inpaintModel().task == sd::SdTask::Inpainting);
    QCOMPARE(inpaintModel().unet->config().in_channels, 9);
    QVERIFY(plainModel().task == sd::SdTask::TextToImage);
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "inpaint.safetensors";
    test::buildSingleFileFromKeyMap(kSet, file);
    sd::SdLoadOptions o;
    o.config_dir = (kSet / "model").string();
    QVERIFY(sd::loadStableDiffusion(file.string(), o).task == sd::SdTask::Inpainting);
    // With the configs of a text-to-image model of the same family, the
    // weights still tell their 9 input channels.
    o.config_dir = (kData / "sd-tiny-v1" / "model").string();
    o.components = sd::kUNet;
    const auto model = sd::loadStableDiffusion(file.string(), o);
    QVERIFY(model.task == sd::SdTask::Inpainting);
    QCOMPARE(model.unet->config().in_channels, 9);
  }

  void testRefusesAModelForTheOtherTask() {
    sd::SdLoadOptions want_plain;
    want_plain.expected_task = sd::SdTask::TextToImage;
    SDS_VERIFY_THROWS(sd::loadStableDiffusion((kSet / "model").string(), want_plain), "is an inpainting model");
    sd::SdLoadOptions want_inpaint;
    want_inpaint.expected_task = sd::SdTask::Inpainting;
    SDS_VERIFY_THROWS(sd::loadStableDiffusion((kData / "sd-tiny-v1" / "model").string(), want_inpaint),
                      "not an inpainting model");
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "inpaint.safetensors";
    test::buildSingleFileFromKeyMap(kSet, file);
    want_plain.config_dir = (kSet / "model").string();
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(file.string(), want_plain), "inpainting model");

    pipelines::Txt2ImgParams t;
    t.width = t.height = 64;
    t.steps = 1;
    SDS_VERIFY_THROWS(pipelines::txt2img(inpaintModel(), t), "inpainting model");
    const auto image = torch::rand({1, 3, 64, 64});
    const auto mask = torch::zeros({64, 64});
    SDS_VERIFY_THROWS(pipelines::inpaint(plainModel(), image, mask, {}), "not an inpainting model");
    SDS_VERIFY_THROWS(pipelines::fillHolesByInpainting(plainModel(), image, mask > 0, smallFill()),
                      "not an inpainting model");
  }

  void testRefusesOtherUNetLayouts() {
    SDS_VERIFY_THROWS(sd::taskOfUNetChannels(5, 4, "depth.safetensors"), "depth.safetensors");
    QVERIFY(sd::taskOfUNetChannels(4, 4, "x") == sd::SdTask::TextToImage);
    QVERIFY(sd::taskOfUNetChannels(9, 4, "x") == sd::SdTask::Inpainting);
  }

  // ---- the pipeline against diffusers

  void testPreparationMatchesThePipeline() {
    const auto kase = caseOf("inpaint_prepare");
    const auto file = caseFile(kase);
    const auto in = pipelines::prepareInpaintImage(image01FromHwc(file->tensor("image_u8")),
                                                   file->tensor("mask_u8").to(torch::kFloat32) / 255);
    expectClose(kase, "image", in.image, *file);
    expectClose(kase, "mask", in.mask, *file);
    expectClose(kase, "masked_image", in.masked_image, *file);
    expectClose(kase, "mask_latent", pipelines::latentMask(in.mask, 8), *file);
    expectClose(kase, "masked_image_latents",
                pipelines::maskedImageLatents(inpaintModel(), in.masked_image, file->tensor("sample_noise")), *file);
    // 127 keeps, 128 repaints: the 0.5 threshold on u8 / 255.
    const auto edge = pipelines::prepareInpaintImage(torch::zeros({1, 3, 1, 2}), torch::tensor({{127.f, 128.f}}) / 255);
    QCOMPARE(edge.mask.flatten()[0].item<float>(), 0.0f);
    QCOMPARE(edge.mask.flatten()[1].item<float>(), 1.0f);
  }

  void testMatchesDiffusersPipeline() {
    const auto kase = caseOf("inpaint");
    const auto file = caseFile(kase);
    auto p = paramsOf(kase["inputs"]);
    p.initial_latents = file->tensor("noise");
    p.sample_noise = file->tensor("sample_noise");
    int steps_seen = 0;
    pipelines::RunControl control;
    control.on_step = [&](int i, int64_t, const torch::Tensor& g, const torch::Tensor& x) {
      QVERIFY(verify::compareTensors(g, file->tensor("step_noise_pred")[i],
                                     verify::sdTolerance(kase, "step_noise_pred")).ok);
      QVERIFY(verify::compareTensors(x, file->tensor("step_latents")[i], verify::sdTolerance(kase, "step_latents")).ok);
      ++steps_seen;
    };
    const auto r = pipelines::inpaint(inpaintModel(), image01FromHwc(file->tensor("image_u8")),
                                      file->tensor("mask_u8").to(torch::kFloat32) / 255, p, control);
    QCOMPARE(steps_seen, p.steps);
    QCOMPARE(r.timesteps, kase["inputs"]["timesteps"].get<std::vector<int64_t>>());
    expectClose(kase, "mask_latent", r.mask_latent, *file);
    expectClose(kase, "masked_image_latents", r.masked_image_latents, *file);
    expectClose(kase, "latents", r.latents, *file);
    expectClose(kase, "image01", r.image01, *file);
  }

  void testSeedDrawsThePipelinesTwoNoises() {
    const auto kase = caseOf("inpaint");
    const auto file = caseFile(kase);
    const auto shape = file->tensor("noise").sizes();
    const auto n = pipelines::seededInpaintNoise(kase["inputs"]["generator_seed"], shape[1], shape[2], shape[3]);
    QVERIFY(torch::allclose(n.initial, file->tensor("noise"), 0, 1e-6));
    QVERIFY(torch::allclose(n.sample, file->tensor("sample_noise"), 0, 1e-6));
  }

  void testRejectsBadInputs() {
    const auto& sd = inpaintModel();
    const auto image = torch::rand({1, 3, 64, 64});
    SDS_VERIFY_THROWS(pipelines::inpaint(sd, image, torch::zeros({32, 64}), {}), "mask");
    SDS_VERIFY_THROWS(pipelines::inpaint(sd, torch::rand({1, 3, 60, 64}), torch::zeros({60, 64}), {}), "multiples");
    pipelines::InpaintParams p;
    p.initial_latents = torch::zeros({1, 4, 4, 4});
    SDS_VERIFY_THROWS(pipelines::inpaint(sd, image, torch::zeros({64, 64}), p), "[1, 4, 8, 8]");
    p = {};
    p.steps = 0;
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::inpaint(sd, image, torch::zeros({64, 64}), p));
  }

  // ---- inpaint_stereo: warp, then the fill reproduces the composition

  void testIntegerWarpNearestWins() {
    // Row 0..4 with disparities: pixel 3 (d 2) and pixel 2 (d 1) both land on 1; the nearer (d 2) wins.
    const auto image = torch::arange(1, 6, torch::kFloat32).reshape({1, 1, 1, 5});
    const auto d = torch::tensor({{0, 0, 1, 2, 0}}, torch::kInt64);
    const auto w = render::integerForwardWarp(image, d);
    QCOMPARE(w.image.flatten()[1].item<float>(), 4.0f);
    QCOMPARE(w.image.flatten()[0].item<float>(), 1.0f);
    QVERIFY(w.holes.flatten()[3].item<bool>());  // nothing lands on 3
    QVERIFY(!w.holes.flatten()[4].item<bool>());
    SDS_VERIFY_THROWS(render::integerForwardWarp(image, torch::zeros({1, 4})), "disparity");
  }

  void testStereoCaseThroughTheFill() {
    const auto kase = caseOf("inpaint_stereo");
    const auto file = caseFile(kase);
    const auto left = file->tensor("left_u8").permute({2, 0, 1}).unsqueeze(0);
    const auto warp = render::integerForwardWarp(left, file->tensor("disparity"));
    QVERIFY(warp.image[0].permute({1, 2, 0}).equal(file->tensor("warped_u8")));
    QVERIFY(warp.holes.to(torch::kUInt8).equal(file->tensor("hole")));
    QCOMPARE(warp.holes.sum().item<int64_t>(), kase["inputs"]["hole_pixels"].get<int64_t>());
    // One window over the whole picture, no dilation, no colour fit, the
    // case's seed: the product's fill is the reference composition.
    auto o = smallFill();
    o.inpaint = paramsOf(kase["inputs"]);
    o.window_px = int(std::max(left.size(2), left.size(3)));
    o.dilate_px = 0;
    o.match_colour = false;
    const auto r = pipelines::fillHolesByInpainting(inpaintModel(), warp.image.to(torch::kFloat32) / 255, warp.holes, o);
    QCOMPARE(int(r.windows.size()), 1);
    expectClose(kase, "composed01", r.image, *file);
  }

  // ---- crops

  void testCropsCoverEveryMaskedPixel() {
    torch::manual_seed(3);
    for (int trial = 0; trial < 6; ++trial) {
      const int64_t H = 40 + 37 * trial, W = 300 - 23 * trial;
      auto mask = torch::rand({H, W}) > (trial % 2 ? 0.999 : 0.98);
      mask.narrow(1, W / 3, 3).fill_(true);  // a full-height strip
      pipelines::CropPlanOptions o;
      o.window = 64;
      const auto windows = pipelines::planInpaintCrops(mask, o);
      auto covered = torch::zeros({H, W}, torch::kBool);
      for (const auto& c : windows) {
        QVERIFY(c.top >= 0 && c.left >= 0 && c.top + c.height <= H && c.left + c.width <= W);
        QCOMPARE(c.height % 8, int64_t(0));
        QCOMPARE(c.width % 8, int64_t(0));
        QVERIFY(c.core_top >= c.top && c.core_bottom <= c.top + c.height && c.core_top < c.core_bottom);
        covered.narrow(0, c.core_top, c.core_bottom - c.core_top)
            .narrow(1, c.core_left, c.core_right - c.core_left)
            .fill_(true);
      }
      QVERIFY2((mask & ~covered).sum().item<int64_t>() == 0, ("trial " + std::to_string(trial)).c_str());
    }
  }

  void testCropsSitAroundTheHoles() {
    auto mask = torch::zeros({600, 900}, torch::kBool);
    mask.narrow(0, 100, 20).narrow(1, 700, 10).fill_(true);  // one small hole
    pipelines::CropPlanOptions o;
    o.window = 128;
    auto windows = pipelines::planInpaintCrops(mask, o);
    QCOMPARE(int(windows.size()), 1);
    const auto& c = windows[0];
    QCOMPARE(c.height, int64_t(128));
    QVERIFY(std::abs((c.left + c.width / 2) - 705) <= 8);  // centred on the hole
    QVERIFY(std::abs((c.top + c.height / 2) - 110) <= 8);
    // A tall strip takes a column of windows overlapping by at least twice the margin.
    mask.zero_();
    mask.narrow(0, 0, 600).narrow(1, 400, 12).fill_(true);
    windows = pipelines::planInpaintCrops(mask, o);
    QCOMPARE(int(windows.size()), 6);
    for (size_t i = 1; i < windows.size(); ++i) {
      QCOMPARE(windows[i].left, windows[0].left);
      QVERIFY(windows[i - 1].top + 128 - windows[i].top >= 2 * pipelines::cropMargin(o, 128));
    }
    QVERIFY(pipelines::planInpaintCrops(torch::zeros({64, 64}, torch::kBool), o).empty());
    // Holes everywhere: the plain grid needs fewer windows than one per region.
    mask.zero_();
    for (int y = 10; y < 600; y += 37)
      for (int x = 10; x < 900; x += 41) mask[y][x] = true;
    windows = pipelines::planInpaintCrops(mask, o);
    QVERIFY(windows.size() <= 6 * 10);  // never more than the plain grid: 6 rows x 10 columns of windows
  }

  void testCropPlanRejectsBadOptions() {
    pipelines::CropPlanOptions o;
    o.window = 4;
    SDS_VERIFY_THROWS(pipelines::planInpaintCrops(torch::ones({64, 64}, torch::kBool), o), "window");
    o.window = 64;
    o.margin = 32;
    SDS_VERIFY_THROWS(pipelines::planInpaintCrops(torch::ones({64, 64}, torch::kBool), o), "margin");
    SDS_VERIFY_THROWS(pipelines::planInpaintCrops(torch::ones({4, 64}, torch::kBool), {}), "too small");
  }

  // ---- the full-resolution fill

  void testFillKeepsThePhotoOutsideTheDilatedHoles() {
    const Scene s = scene(96, 200);
    const auto o = smallFill();
    const auto r = pipelines::fillHolesByInpainting(inpaintModel(), s.view, s.holes, o);
    QVERIFY(r.windows.size() > 1);
    QVERIFY(r.windows_run >= 1);
    QVERIFY(r.mask.equal(pipelines::dilateMask(s.holes, o.dilate_px)));
    const auto outside = ~r.mask;
    QVERIFY(r.image.masked_select(outside.expand({1, 3, 96, 200})).equal(s.view.masked_select(outside.expand({1, 3, 96, 200}))));
    // Every hole pixel was decided: weight 1 and no longer the black it was.
    QVERIFY(r.weight.masked_select(s.holes).eq(1).all().item<bool>());
    const auto hole_pixels = r.image.masked_select(s.holes.expand({1, 3, 96, 200}));
    QVERIFY(hole_pixels.gt(0).any().item<bool>());
    QVERIFY(r.image.min().item<float>() >= 0 && r.image.max().item<float>() <= 1);
    // Same seed, same picture; another seed, another one.
    QVERIFY(pipelines::fillHolesByInpainting(inpaintModel(), s.view, s.holes, o).image.equal(r.image));
    auto other = o;
    other.inpaint.seed = 6;
    QVERIFY(!pipelines::fillHolesByInpainting(inpaintModel(), s.view, s.holes, other).image.equal(r.image));
  }

  void testFillWithoutHolesRunsNothing() {
    const Scene s = scene(64, 64);
    int reports = 0;
    pipelines::RunControl control;
    control.progress = [&](const Progress&) { ++reports; };
    const auto r = pipelines::fillHolesByInpainting(inpaintModel(), s.view, torch::zeros({64, 64}, torch::kBool),
                                                    smallFill(), control);
    QVERIFY(r.image.equal(s.view));
    QCOMPARE(reports, 0);
    QVERIFY(r.windows.empty());
  }

  void testFillProgressAndCancellation() {
    const Scene s = scene(96, 200);
    const auto o = smallFill();
    std::vector<Progress> seen;
    pipelines::RunControl control;
    control.progress = [&](const Progress& p) { seen.push_back(p); };
    const auto r = pipelines::fillHolesByInpainting(inpaintModel(), s.view, s.holes, o, control);
    QVERIFY(!seen.empty());
    for (size_t i = 1; i < seen.size(); ++i) {
      QCOMPARE(seen[i].stage, std::string("inpainting"));
      QVERIFY(seen[i].overall >= seen[i - 1].overall);
      QVERIFY(seen[i].step >= seen[i - 1].step);
    }
    QCOMPARE(seen.back().total, int(r.windows.size()) * o.inpaint.steps);
    QCOMPARE(seen.back().step, seen.back().total);
    QCOMPARE(seen.back().overall, 1.0);

    control.progress = [&](const Progress& p) {
      if (p.step >= 1) control.cancel.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(sds::Cancelled,
                             pipelines::fillHolesByInpainting(inpaintModel(), s.view, s.holes, o, control));
  }

  void testFillRejectsBadInputs() {
    const Scene s = scene(64, 64);
    SDS_VERIFY_THROWS(pipelines::fillHolesByInpainting(inpaintModel(), s.view, torch::zeros({32, 64}, torch::kBool),
                                                       smallFill()),
                      "hole mask");
    auto o = smallFill();
    o.dilate_px = -1;
    SDS_VERIFY_THROWS(pipelines::fillHolesByInpainting(inpaintModel(), s.view, s.holes, o), "dilation");
  }

  // ---- the cv::Mat face

  void testRenderStereoInpainted() {
    cv::Mat image(96, 160, CV_8UC3), depth(96, 160, CV_8UC1, cv::Scalar(20));
    cv::randu(image, 0, 255);
    cv::rectangle(depth, {60, 20}, {100, 80}, cv::Scalar(230), cv::FILLED);  // a near box: holes right of it
    media::RenderParams params;
    params.fill = media::FillMode::Inpaint;
    params.scale_percent = 6;
    media::InpaintSettings settings;
    settings.model_path = (kSet / "model").string();
    settings.steps = 2;
    settings.window_px = 64;
    settings.dilate_px = 2;
    media::HoleInpainter inpainter;
    media::InpaintReport report;
    const auto pair = media::renderStereoInpainted(image, depth, params, inpainter, settings, {}, {}, &report);
    QVERIFY(report.crops_run >= 1);
    QVERIFY(cv::countNonZero(pair.holes) > 0);
    // Outside the dilated holes the right view is the renderer's warp.
    const auto open = media::renderStereo(image, depth, params);
    cv::Mat grown, diff, changed;
    cv::dilate(pair.holes, grown, cv::getStructuringElement(cv::MORPH_RECT, {2 * 2 + 1, 2 * 2 + 1}));
    cv::absdiff(pair.right, open.right, diff);
    cv::cvtColor(diff, changed, cv::COLOR_BGR2GRAY);
    changed.setTo(0, grown);
    QCOMPARE(cv::countNonZero(changed), 0);
    // Another model where an inpainting one is needed: one clear error.
    settings.model_path = (kData / "sd-tiny-v1" / "model").string();
    SDS_VERIFY_THROWS(inpainter.fill(pair.right, pair.holes, settings), "not an inpainting model");
  }
};

QTEST_GUILESS_MAIN(TestInpaint)
#include "test_inpaint.moc"
