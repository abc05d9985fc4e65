// media::Generator, the studio's face of the pipelines, on the tiny random SD
// model of tests/data: prompt and photo mode give pairs of the right sizes,
// re-tuning only stereo parameters reuses the left view, models are loaded
// once, and every user mistake is one clear sds::Error.
#include <QtTest/QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/media/generation.h"
#include "core/media/generation_record.h"
#include "core/media/internal/latent_preview.h"
#include "core/base/error.h"

using namespace sds;
using media::GenerationMode;
using media::GenerationRequest;
using media::Generator;

namespace {

const std::string kData = SDSTEREO_TEST_DATA;

media::GeneratorModels tinyModels() {
  media::GeneratorModels m;
  m.sd_path = kData + "/sd-tiny-v1/model";
  m.device = "cpu";
  return m;
}

// With the tiny Depth Anything V2 model: requests without a depth map estimate one.
media::GeneratorModels tinyModelsWithDepth() {
  media::GeneratorModels m = tinyModels();
  m.depth_path = kData + "/depth-anything-v2-tiny";
  return m;
}

// A left-to-right ramp: the right side is nearer.
cv::Mat rampDepth(int width, int height) {
  cv::Mat d(height, width, CV_32F);
  for (int x = 0; x < width; ++x) d.col(x).setTo(float(x) / float(width - 1));
  return d;
}

GenerationRequest promptRequest() {
  GenerationRequest r;
  r.mode = GenerationMode::Prompt;
  r.prompt = "a small house";
  r.steps = 4;
  r.guidance_scale = 5;
  r.seed = 11;
  r.width = 64;
  r.height = 64;
  r.stereo.shift_step = 1;
  r.stereo.mask_interval = 2;
  r.depth = rampDepth(40, 30);  // any size: resized to the latent
  return r;
}

// Smooth colours, 80 x 56.
cv::Mat smallPhoto() {
  cv::Mat coarse(4, 5, CV_8UC3);
  cv::randu(coarse, cv::Scalar::all(0), cv::Scalar::all(255));
  cv::Mat photo;
  cv::resize(coarse, photo, cv::Size(80, 56), 0, 0, cv::INTER_LINEAR);
  return photo;
}

std::vector<std::string> stagesOf(Generator& g, const GenerationRequest& r) {
  std::vector<std::string> stages;
  g.generate(r, [&stages](const Progress& p) {
    if (stages.empty() || stages.back() != p.stage) stages.push_back(p.stage);
  });
  return stages;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

template <typename F>
QString errorOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class TestGenerator : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void promptGivesAPairAndRetuningReusesTheLeftView() {
    Generator g;
    g.setModels(tinyModels());
    GenerationRequest r = promptRequest();
    const auto first = g.generate(r);
    QCOMPARE(first.left.size(), cv::Size(64, 64));
    QCOMPARE(first.right.size(), cv::Size(64, 64));
    QCOMPARE(first.left.type(), CV_8UC3);
    QCOMPARE(first.disparity.type(), CV_32FC1);
    QCOMPARE(first.disparity.size(), cv::Size(64, 64));
    QVERIFY(!first.reused_left);
    QVERIFY(first.params_json.find("a small house") != std::string::npos);
    QVERIFY(first.params_json.find("\"seed\": 11") != std::string::npos);

    r.stereo.scale_factor = 16;  // stereo only: pass 1 is kept
    const auto second = g.generate(r);
    QVERIFY(second.reused_left);
    QCOMPARE(cv::norm(second.left, first.left, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(second.right, first.right, cv::NORM_INF) > 0.0);
    // The disparity it was made with: 16 % of 8 latent columns truncates to 1 column = 8 px for the nearest.
    double lo = 0, hi = 0;
    QCOMPARE(second.disparity_px.size(), cv::Size(64, 64));
    cv::minMaxLoc(second.disparity_px, &lo, &hi);
    QCOMPARE(lo, 0.0);
    QCOMPARE(hi, 8.0);

    r.seed = 12;  // a new left view
    QVERIFY(!g.generate(r).reused_left);
  }

  // compose_right: the left view's own pixels wherever the right eye sees
  // them, the StereoDiffusion right view only in the disocclusions.
  void composedPromptPairKeepsTheLeftPixels() {
    Generator g;
    g.setModels(tinyModels());
    GenerationRequest r = promptRequest();
    r.stereo.scale_factor = 16;  // the ramp's nearest column moves 10.24 px
    const auto plain = g.generate(r);
    QVERIFY(plain.diffusion.right.empty());
    QVERIFY(plain.right_filled.empty());
    QVERIFY(plain.params_json.find("\"compose\"") == std::string::npos);

    r.compose_right = true;
    const auto out = g.generate(r);
    QVERIFY(out.reused_left);  // a right-view option: pass 1 is kept
    QCOMPARE(cv::norm(out.left, plain.left, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(out.diffusion.right, plain.right, cv::NORM_INF), 0.0);  // the plain right view, kept
    QCOMPARE(out.right_filled.type(), CV_8UC1);
    QCOMPARE(out.right_filled.size(), cv::Size(64, 64));
    // The near right side moves left by up to 10 px: the last columns were never seen by the left view.
    QCOMPARE(int(out.right_filled.at<uint8_t>(32, 63)), 255);
    QCOMPARE(int(out.right_filled.at<uint8_t>(32, 0)), 0);
    // Column 0 lies at the far end (zero disparity): the left view's own pixels, not the diffusion view's.
    const cv::Mat left0 = out.left.col(0), right0 = out.right.col(0);
    QVERIFY(cv::norm(right0, left0, cv::NORM_INF) <= 1.0);
    QVERIFY(cv::norm(out.diffusion.right.col(0), left0, cv::NORM_INF) > 1.0);
    // The disparity the warp used, in pixels: 0 at the far end, 16 % of 64 px at the near end.
    double lo = 0, hi = 0;
    cv::minMaxLoc(out.disparity_px, &lo, &hi);
    QVERIFY(std::abs(lo) < 1e-4);
    QVERIFY(std::abs(hi - 0.16 * 64) < 0.05);
    QVERIFY(out.params_json.find("\"compose\": \"left pixels where visible") != std::string::npos);

    r.stereo.shift_both = true;  // the composition keeps the left view: one-way pairs only
    QVERIFY(errorOf([&] { g.generate(r); }).contains(QLatin1String("one-way pair")));
  }

  // The record a pair carries makes the same pair again (the CLI's --params).
  void aPromptRecordMakesThePairAgain() {
    Generator g;
    g.setModels(tinyModels());
    GenerationRequest r = promptRequest();
    r.stereo.deblur = true;
    r.stereo.direction = stereo::AttentionDirection::Bi;
    r.depth_source = "ramp.png";
    const auto first = g.generate(r);
    QVERIFY(first.params_json.find("\"depth\": \"ramp.png\"") != std::string::npos);
    GenerationRequest again = media::promptRequestFromRecord(nlohmann::json::parse(first.params_json));
    QCOMPARE(again.prompt, r.prompt);
    QCOMPARE(again.seed, r.seed);
    QCOMPARE(again.stereo.shift_step, 1);
    QVERIFY(again.stereo.deblur && again.stereo.direction == stereo::AttentionDirection::Bi);
    again.depth = r.depth;  // the map is the caller's
    g.forgetLeftView();
    const auto second = g.generate(again);
    QVERIFY(!second.reused_left);
    QCOMPARE(cv::norm(second.left, first.left, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(second.right, first.right, cv::NORM_INF), 0.0);
    // Another pipeline's record is a clear error.
    QVERIFY(errorOf([&] { media::photoRequestFromRecord(nlohmann::json::parse(first.params_json)); })
                .contains(QLatin1String("not from img2stereo")));
  }

  // txt2img through the facade: the picture pass 1 of a pair makes, and its
  // "parameters" text.
  void pictureIsTheLeftViewOfThePair() {
    Generator g;
    g.setModels(tinyModels());
    const GenerationRequest r = promptRequest();
    media::PictureRequest p;
    static_cast<pipelines::PromptControls&>(p) = r;
    const auto picture = g.picture(p);
    QCOMPARE(picture.image.type(), CV_8UC3);
    QCOMPARE(picture.image.size(), cv::Size(64, 64));
    QCOMPARE(cv::norm(picture.image, g.generate(r).left, cv::NORM_INF), 0.0);
    QVERIFY(picture.parameters.find("a small house\nNegative prompt: \nSteps: 4, Sampler: ddim") == 0);
    QVERIFY(picture.parameters.find("Seed: 11, Size: 64x64, Model: model") != std::string::npos);
    p.scheduler = "euler";
    QVERIFY(errorOf([&] { g.check(p); }).contains(QLatin1String("euler")));
  }

  // The inpainting fill of a prompt pair: composed, the holes painted by the
  // inpainting model, the model's settings in the record.
  void promptPairWithTheInpaintingFill() {
    Generator g;
    g.setModels(tinyModels());
    GenerationRequest r = promptRequest();
    r.stereo.scale_factor = 16;
    media::InpaintSettings fill;
    fill.model_path = kData + "/sd-tiny-inpaint/model";
    fill.steps = 2;
    fill.window_px = 64;
    fill.dilate_px = 2;
    r.inpaint = fill;
    std::vector<std::string> stages;
    const auto out = g.generate(r, [&stages](const Progress& p) {
      if (stages.empty() || stages.back() != p.stage) stages.push_back(p.stage);
    });
    QVERIFY(contains(stages, "loading inpainting model"));
    QCOMPARE(stages.back(), std::string("inpainting"));
    QVERIFY(out.stats.inpaint.crops_run >= 1);
    QCOMPARE(int(out.right_filled.at<uint8_t>(32, 63)), 255);
    QVERIFY(!out.diffusion.right.empty());
    QVERIFY(cv::norm(out.right.col(63), out.diffusion.right.col(63), cv::NORM_INF) > 0.0);
    QVERIFY(out.params_json.find("\"compose\": \"left pixels where visible, inpainting model") != std::string::npos);
    QVERIFY(out.params_json.find("\"inpaint_model\"") != std::string::npos);

    r.inpaint->model_path = kData + "/sd-tiny-v1/model";  // not an inpainting model: refused before generating
    stages.clear();
    QVERIFY(errorOf([&] {
              g.generate(r, [&stages](const Progress& p) { stages.push_back(p.stage); });
            }).contains(QLatin1String("not an inpainting model")));
    QVERIFY(!contains(stages, "left view"));
  }

  void modelsLoadOnceUntilTheyChange() {
    Generator g;
    g.setModels(tinyModels());
    const GenerationRequest r = promptRequest();
    QVERIFY(contains(stagesOf(g, r), "loading model"));
    QVERIFY(!contains(stagesOf(g, r), "loading model"));
    media::GeneratorModels other = tinyModels();
    other.sd_path += "/";  // another path string: loaded again
    g.setModels(other);
    QVERIFY(contains(stagesOf(g, r), "loading model"));
  }

  void promptWithTheDepthModel() {
    Generator g;
    g.setModels(tinyModelsWithDepth());
    GenerationRequest r = promptRequest();
    r.depth = cv::Mat();
    const auto out = g.generate(r);
    QCOMPARE(out.disparity.size(), cv::Size(64, 64));
    QVERIFY(out.params_json.find("depth-anything-v2-tiny") != std::string::npos);
  }

  void photoKeepsItsSizeAndIsTheLeftView() {
    Generator g;
    g.setModels(tinyModels());
    GenerationRequest r;
    r.mode = GenerationMode::Photo;
    r.photo = smallPhoto();
    r.depth = rampDepth(80, 56);
    r.steps = 3;
    r.stereo.shift_step = 1;
    r.stereo.mask_interval = 1;
    r.inversion.mode = sds::inversion::InversionMode::Fast;
    r.working_size = 64;
    const auto out = g.generate(r);
    QCOMPARE(out.left.size(), cv::Size(80, 56));
    QCOMPARE(out.right.size(), cv::Size(80, 56));
    QCOMPARE(out.disparity.size(), cv::Size(80, 56));
    QVERIFY(cv::norm(out.left, r.photo, cv::NORM_INF) <= 1.0);
    QVERIFY(out.params_json.find("\"pipeline\": \"img2stereo\"") != std::string::npos);
    double lo = 0, hi = 0;
    cv::minMaxLoc(out.disparity_px, &lo, &hi);
    QVERIFY(std::abs(hi - 0.08 * 80) < 1e-3);  // the default 8 % of the photo's width, at the photo's size
  }

  void mistakesAreClearErrors() {
    Generator g;
    QVERIFY(errorOf([&] { g.generate(promptRequest()); }).contains(QLatin1String("Choose a Stable Diffusion model")));
    media::GeneratorModels m = tinyModels();
    m.sd_path = kData + "/no_such_model";
    g.setModels(m);
    QVERIFY(errorOf([&] { g.generate(promptRequest()); }).contains(QLatin1String("no_such_model")));
    m = tinyModels();
    m.device = "abacus";
    g.setModels(m);
    QVERIFY(errorOf([&] { g.generate(promptRequest()); }).contains(QLatin1String("abacus")));

    g.setModels(tinyModels());
    GenerationRequest r = promptRequest();
    r.depth = cv::Mat();  // and no depth model
    QVERIFY(errorOf([&] { g.generate(r); }).contains(QLatin1String("depth model")));
    r = promptRequest();
    r.width = 60;
    QVERIFY(errorOf([&] { g.generate(r); }).contains(QLatin1String("multiples of 8")));
    r = promptRequest();
    r.mode = GenerationMode::Photo;
    QVERIFY(errorOf([&] { g.generate(r); }).contains(QLatin1String("photo")));
    r = promptRequest();
    r.stereo.shift_step = 4;
    QVERIFY(errorOf([&] { g.generate(r); }).contains(QLatin1String("shift step")));
    r = promptRequest();
    r.steps = 1001;
    QVERIFY(errorOf([&] { g.check(r); }).contains(QLatin1String("between 1 and 1000")));
    r = promptRequest();  // the inpainting fill fills the full-resolution composition of a photo
    r.mode = GenerationMode::Photo;
    r.photo = smallPhoto();
    r.full_resolution = false;
    r.inpaint = media::InpaintSettings{};
    QVERIFY(errorOf([&] { g.check(r); }).contains(QLatin1String("diffusion-only")));
    // A 3 MB prompt (from a hostile --params record) is refused before any model
    // is loaded, in each prompt field; so is a guidance that would end in NaN.
    for (auto field : {&GenerationRequest::prompt, &GenerationRequest::negative_prompt}) {
      r = promptRequest();
      r.*field = std::string(3000000, 'A');
      QVERIFY(errorOf([&] { g.check(r); }).contains(QLatin1String("3000000 bytes")));
    }
    r = promptRequest();
    r.inpaint = media::InpaintSettings{};
    r.inpaint->prompt = std::string(20000, 'A');
    QVERIFY(errorOf([&] { g.check(r); }).contains(QLatin1String("20000 bytes")));
    r = promptRequest();
    r.guidance_scale = 1e300;
    QVERIFY(errorOf([&] { g.check(r); }).contains(QLatin1String("guidance scale")));
    media::PictureRequest picture;
    picture.guidance_scale = std::nan("");
    QVERIFY(errorOf([&] { g.check(picture); }).contains(QLatin1String("guidance scale")));
  }

  // The fixed 4 -> 3 projection (Keturn's SD v1.4 factors), [-1, 1] -> [0, 255],
  // of the last batch item, BGR; other channel counts come out grey.
  void latentPreviewProjectsTheLastView() {
    auto latents = torch::zeros({2, 4, 2, 3});
    latents[1][0][0][0] = 1.0;   // L1 only: (R, G, B) = 0.298, 0.207, 0.208
    latents[1][3][1][2] = 1.0;   // L4 only: -0.184, -0.271, -0.473
    latents[0].fill_(5.0);       // the first view must not show
    const cv::Mat bgr = media::latentPreview(latents);
    QCOMPARE(bgr.type(), CV_8UC3);
    QCOMPARE(bgr.size(), cv::Size(3, 2));
    const auto level = [](double v) { return int(std::lround((v + 1.0) / 2.0 * 255.0)); };
    QCOMPARE(bgr.at<cv::Vec3b>(0, 0), cv::Vec3b(level(0.208), level(0.207), level(0.298)));
    QCOMPARE(bgr.at<cv::Vec3b>(1, 2), cv::Vec3b(level(-0.473), level(-0.271), level(-0.184)));
    QCOMPARE(bgr.at<cv::Vec3b>(0, 1), cv::Vec3b(128, 128, 128));  // zero latent: mid grey
    auto sixteen = torch::zeros({1, 16, 1, 2});
    sixteen[0][0][0][1] = 1.0;
    const cv::Mat grey = media::latentPreview(sixteen);
    QCOMPARE(grey.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    QCOMPARE(grey.at<cv::Vec3b>(0, 1), cv::Vec3b(255, 255, 255));
    QVERIFY(errorOf([] { media::latentPreview(torch::zeros({4, 2})); }).contains(QLatin1String("latent")));
  }

  // Previews come every `every` denoising steps of both passes, at latent
  // size, and change as the picture forms; the depth estimate is a stage.
  void previewsArriveEveryFewSteps() {
    Generator g;
    g.setModels(tinyModelsWithDepth());
    GenerationRequest r = promptRequest();
    r.depth = cv::Mat();  // estimated: the "depth" stage runs
    r.steps = 8;
    r.stereo.shift_step = 1;  // pass 2: 6 steps; 8 + 6 = 14 steps in all
    std::vector<cv::Mat> pictures;
    media::StepPreview preview;
    preview.every = 3;
    preview.show = [&pictures](const cv::Mat& bgr) { pictures.push_back(bgr.clone()); };
    std::vector<std::string> stages;
    g.generate(r, [&stages](const Progress& p) {
      if (stages.empty() || stages.back() != p.stage) stages.push_back(p.stage);
    }, {}, preview);
    QCOMPARE(int(pictures.size()), 5);  // after steps 1, 4, 7, 10, 13
    for (const cv::Mat& p : pictures) {
      QCOMPARE(p.type(), CV_8UC3);
      QCOMPARE(p.size(), cv::Size(8, 8));
    }
    QVERIFY(cv::norm(pictures.front(), pictures.back(), cv::NORM_L1) > 0);
    const auto depth = std::find(stages.begin(), stages.end(), "depth");
    QVERIFY(depth != stages.end());
    QVERIFY(std::find(stages.begin(), depth, "left view") != depth);
    QVERIFY(std::find(depth, stages.end(), "right view") != stages.end());
  }

  void cancelStopsTheRun() {
    Generator g;
    g.setModels(tinyModels());
    CancelToken cancel;
    cancel.cancel();
    QVERIFY_THROWS_EXCEPTION(Cancelled, g.generate(promptRequest(), {}, cancel));
  }
};

QTEST_MAIN(TestGenerator)
#include "test_generator.moc"
