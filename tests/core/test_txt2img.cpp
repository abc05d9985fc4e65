// txt2img: parity with the fixture (diffusers StableDiffusionPipeline loop) on
// both tiny sets, the seeded noise stream, guidance batching, sizes, progress
// and cancellation.
#include <QtTest/QtTest>

#include <fstream>

#include "core/engine/pipelines/guidance.h"
#include "core/engine/pipelines/text_conditioning.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/verify/runner.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/sd/stable_diffusion.h"

using namespace sds;

namespace {

const std::string kData = SDSTEREO_TEST_DATA;

nlohmann::json caseOf(const std::string& set, const std::string& name) {
  std::ifstream in(kData + "/" + set + "/cases.json");
  const auto root = nlohmann::json::parse(in);
  for (const auto& c : root["cases"])
    if (c["name"] == name) return c;
  throw std::runtime_error("no case " + name);
}

// Takes a plain pointer: with a std::string parameter every `const auto& sd =
// model("...")` binds a reference to a call with a temporary argument, which GCC 14
// reports (-Wdangling-reference) although the cache owns the result.
const sd::StableDiffusion& model(const char* set) {
  static std::map<std::string, sd::StableDiffusion> cache;
  auto it = cache.find(set);
  if (it == cache.end()) it = cache.emplace(set, sd::loadStableDiffusion(kData + "/" + set + "/model")).first;
  return it->second;
}

pipelines::Txt2ImgParams smallParams() {
  pipelines::Txt2ImgParams p;
  p.prompt = "a red car";
  p.steps = 4;
  p.width = 64;
  p.height = 32;
  p.seed = 42;
  return p;
}

}  // namespace

class TestTxt2Img : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void testMatchesDiffusersPipeline_data() {
    QTest::addColumn<QString>("set");
    QTest::newRow("sd-tiny-v1 (epsilon)") << "sd-tiny-v1";
    QTest::newRow("sd-tiny-v2 (v-prediction, odd latent height)") << "sd-tiny-v2";
  }
  void testMatchesDiffusersPipeline() {
    QFETCH(QString, set);
    const auto kase = caseOf(set.toStdString(), "txt2img");
    const auto file = io::SafetensorsFile::open(kData + "/" + set.toStdString() + "/" + kase["file"].get<std::string>());
    const auto& in = kase["inputs"];
    pipelines::Txt2ImgParams p;
    p.prompt = in["prompt"].get<std::string>();
    p.negative_prompt = in["negative_prompt"].get<std::string>();
    p.steps = in["num_inference_steps"];
    p.guidance_scale = in["guidance_scale"];
    p.height = in["height"];
    p.width = in["width"];
    p.initial_latents = file->tensor("x_T");
    int steps_seen = 0;
    pipelines::RunControl control;
    control.on_step = [&](int i, int64_t, const torch::Tensor& g, const torch::Tensor& x) {
      QVERIFY(verify::compareTensors(g, file->tensor("step_noise_pred")[i], verify::sdTolerance(kase, "step_noise_pred")).ok);
      QVERIFY(verify::compareTensors(x, file->tensor("step_latents")[i], verify::sdTolerance(kase, "step_latents")).ok);
      ++steps_seen;
    };
    const auto r = pipelines::txt2img(model(set.toStdString().c_str()), p, control);
    QCOMPARE(steps_seen, p.steps);
    QCOMPARE(r.timesteps, in["timesteps"].get<std::vector<int64_t>>());
    for (const auto& [name, t] : {std::pair{"latents", r.latents}, {"image01", r.image01}}) {
      const auto c = verify::compareTensors(t, file->tensor(name), verify::sdTolerance(kase, name));
      QVERIFY2(c.ok, (std::string(name) + ": " + c.detail).c_str());
    }
  }

  void testPromptEmbeddingsAreUncondFirst() {
    const auto& sd = model("sd-tiny-v1");
    const auto kase = caseOf("sd-tiny-v1", "txt2img");
    const auto file = io::SafetensorsFile::open(kData + "/sd-tiny-v1/cases/txt2img.safetensors");
    torch::NoGradGuard no_grad;
    const auto pair = pipelines::encodeGuidancePair(sd, kase["inputs"]["prompt"].get<std::string>(), "");
    QVERIFY(verify::compareTensors(pair, file->tensor("prompt_embeds"), verify::sdTolerance(kase, "prompt_embeds")).ok);
  }

  void testSeededNoiseIsPyTorchsCpuStream() {
    // torch.randn(3, generator=torch.Generator().manual_seed(0)) = [1.5410, -0.2934, -2.1788]
    const auto n = pipelines::seededNoise(0, 1, 1, 3).flatten();
    QVERIFY(std::abs(n[0].item<float>() - 1.5410f) < 1e-4);
    QVERIFY(std::abs(n[1].item<float>() + 0.2934f) < 1e-4);
    QVERIFY(std::abs(n[2].item<float>() + 2.1788f) < 1e-4);
    QVERIFY(pipelines::seededNoise(7, 4, 8, 8).equal(pipelines::seededNoise(7, 4, 8, 8)));
    QVERIFY(!pipelines::seededNoise(7, 4, 8, 8).equal(pipelines::seededNoise(8, 4, 8, 8)));
  }

  void testSeedReproducesAndNonSquareSizes() {
    const auto& sd = model("sd-tiny-v1");
    auto p = smallParams();
    const auto a = pipelines::txt2img(sd, p);
    const auto b = pipelines::txt2img(sd, p);
    QVERIFY(a.latents.equal(b.latents));
    QCOMPARE(a.latents.sizes().vec(), (std::vector<int64_t>{1, 4, 4, 8}));
    QCOMPARE(a.image01.sizes().vec(), (std::vector<int64_t>{1, 3, 32, 64}));
    QVERIFY(a.image01.min().item<float>() >= 0 && a.image01.max().item<float>() <= 1);
    p.seed = 43;
    QVERIFY(!pipelines::txt2img(sd, p).latents.equal(a.latents));
    p.negative_prompt = "blurry";
    p.seed = 42;
    QVERIFY(!pipelines::txt2img(sd, p).latents.equal(a.latents));
  }

  void testEverySchedulerRuns() {
    const auto& sd = model("sd-tiny-v2");
    for (const auto& name : schedulers::schedulerKindNames()) {
      auto p = smallParams();
      p.scheduler = schedulers::parseSchedulerKind(name);
      p.height = 24;  // latent 3 x 8
      const auto r = pipelines::txt2img(sd, p);
      QVERIFY2(torch::isfinite(r.latents).all().item<bool>(), name.c_str());
      QCOMPARE(r.image01.size(2), int64_t(24));
    }
  }

  void testRejectsBadSizesAndShapes() {
    const auto& sd = model("sd-tiny-v1");
    auto p = smallParams();
    p.width = 100;
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::txt2img(sd, p));
    p = smallParams();
    p.height = 0;
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::txt2img(sd, p));
    p = smallParams();
    p.initial_latents = torch::zeros({1, 4, 8, 8});
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::txt2img(sd, p));
    p = smallParams();
    p.steps = 0;
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::txt2img(sd, p));
    p = smallParams();
    p.prompt_embeddings = torch::zeros({1, 77, 32});
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::txt2img(sd, p));
  }

  void testProgressAndCancellation() {
    const auto& sd = model("sd-tiny-v1");
    auto p = smallParams();
    std::vector<Progress> seen;
    pipelines::RunControl control;
    control.progress = [&](const Progress& pr) { seen.push_back(pr); };
    pipelines::txt2img(sd, p, control);
    QCOMPARE(int(seen.size()), p.steps + 2);  // denoising 0..steps, decoding 1
    QCOMPARE(seen.front().step, 0);
    QCOMPARE(seen[size_t(p.steps)].step, p.steps);
    QCOMPARE(seen.back().stage, std::string("decoding"));
    QCOMPARE(seen.back().overall, 1.0);

    int steps_run = 0;
    control.progress = {};
    control.on_step = [&](int i, int64_t, const torch::Tensor&, const torch::Tensor&) {
      ++steps_run;
      if (i == 1) control.cancel.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(sds::Cancelled, pipelines::txt2img(sd, p, control));
    QCOMPARE(steps_run, 2);
  }

  void testGuidanceBatching() {
    const auto pair = torch::stack({torch::zeros({3, 2}), torch::ones({3, 2})});  // [2, N=3, D=2]
    const auto b = pipelines::guidanceBatch(pair, 2);                            // [u, u, c, c]
    QCOMPARE(b.sizes().vec(), (std::vector<int64_t>{4, 3, 2}));
    QCOMPARE(b.select(0, 1).sum().item<float>(), 0.0f);
    QCOMPARE(b.select(0, 2).sum().item<float>(), 6.0f);
    QVERIFY(pipelines::combineGuidance(torch::full({1}, 1.0), torch::full({1}, 3.0), 7.5).item<float>() == 16.0f);

    const auto& sd = model("sd-tiny-v1");
    torch::NoGradGuard no_grad;
    const auto emb = pipelines::encodeGuidancePair(sd, "a cat", "");
    const auto x = torch::randn({2, 4, 4, 4});
    // Batched guidance over two views equals guiding each view on its own.
    const auto both = pipelines::guidedNoisePrediction(*sd.unet, x, 501, pipelines::guidanceBatch(emb, 2), 7.5);
    const auto first = pipelines::guidedNoisePrediction(*sd.unet, x.slice(0, 0, 1), 501, emb, 7.5);
    QVERIFY((both.slice(0, 0, 1) - first).abs().max().item<float>() < 1e-4);
    // Scale 1 is the cond prediction alone.
    const auto cond_only = pipelines::noisePrediction(*sd.unet, x.slice(0, 0, 1), 501, emb.slice(0, 1));
    QVERIFY((pipelines::guidedNoisePrediction(*sd.unet, x.slice(0, 0, 1), 501, emb, 1.0) - cond_only).abs().max().item<float>() == 0);
  }
};

QTEST_GUILESS_MAIN(TestTxt2Img)
#include "test_txt2img.moc"
