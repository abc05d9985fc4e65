// txt2stereo on the tiny SD 1.x model of tests/data/sd-tiny-v1: parity with the
// reference (fast K/V path and full two-view path), fast == full, re-tuning
// through the session, edge cases (constant map, shift at the first and last
// step, deblur, cache budget), progress and cancellation.
#include <QtTest/QtTest>

#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/engine/pipelines/txt2stereo.h"
#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/engine/stereo/stereo_shift.h"
#include "core/verify/compare.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/sd/stable_diffusion.h"

using namespace sds;
using pipelines::Txt2StereoParams;

namespace {

const std::string kSet = std::string(SDSTEREO_TEST_DATA) + "/sd-tiny-v1/";

nlohmann::json caseJson(const std::string& name) {
  std::ifstream in(kSet + "cases.json");
  const auto root = nlohmann::json::parse(in);
  for (const auto& c : root["cases"])
    if (c["name"] == name) return c;
  throw std::runtime_error("no case " + name);
}

Txt2StereoParams fixtureParams(const nlohmann::json& kase, const io::SafetensorsFile& file) {
  const auto& in = kase["inputs"];
  Txt2StereoParams p;
  p.prompt = in["prompt"];
  p.negative_prompt = in["negative_prompt"];
  p.steps = in["num_inference_steps"];
  p.guidance_scale = in["guidance_scale"];
  p.height = in["height"];
  p.width = in["width"];
  p.initial_latents = file.tensor("sc1");
  p.disparity = file.tensor("disparity");
  p.shift_step = in["swapat"];
  p.mask_interval = in["mask_interval"];
  p.direction = stereo::parseAttentionDirection(in["direction"]);
  return p;
}

bool withinCase(const nlohmann::json& kase, const std::string& name, const torch::Tensor& got,
                const torch::Tensor& want) {
  verify::Tolerance tol{kase["atol"].get<double>(), kase["rtol"].get<double>(), 0};
  if (kase["tensors"][name].contains("atol")) tol.atol = kase["tensors"][name]["atol"];
  const auto c = verify::compareTensors(got, want, tol);
  if (!c.ok) qWarning("%s: %s", name.c_str(), c.detail.c_str());
  return c.ok;
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

}  // namespace

class TestTxt2Stereo : public QObject {
  Q_OBJECT

  sd::StableDiffusion model_;

  // A short run for the behaviour tests.
  Txt2StereoParams small() const {
    Txt2StereoParams p;
    p.prompt = "a red cube on a table";
    p.steps = 8;
    p.shift_step = 2;
    p.mask_interval = 3;
    p.width = 128;
    p.height = 64;
    p.seed = 11;
    auto d = torch::linspace(0, 1, 128).view({1, 128}).expand({64, 128}).clone();
    d.narrow(1, 40, 30).add_(0.8);
    p.disparity = d;
    return p;
  }

 private Q_SLOTS:
  void initTestCase() {
    torch::manual_seed(0);
    model_ = sd::loadStableDiffusion(kSet + "model");
  }

  void testMatchesReference_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("cache");
    QTest::newRow("uni, K/V fast path") << "txt2stereo_uni" << true;
    QTest::newRow("uni, two-view batch") << "txt2stereo_uni" << false;
    QTest::newRow("bi") << "txt2stereo_bi" << true;
  }

  void testMatchesReference() {
    QFETCH(QString, name);
    QFETCH(bool, cache);
    const auto kase = caseJson(name.toStdString());
    const auto file = io::SafetensorsFile::open(kSet + kase["file"].get<std::string>());
    auto p = fixtureParams(kase, *file);
    p.use_kv_cache = cache;
    const auto r = pipelines::txt2stereo(model_, p);
    QCOMPARE(r.used_kv_cache, cache && name == "txt2stereo_uni");
    QVERIFY(withinCase(kase, "pass1_latents", r.pass1_latents, file->tensor("pass1_latents")));
    QVERIFY(withinCase(kase, "latents", r.latents, file->tensor("latents")));
    QVERIFY(withinCase(kase, "image01", r.image01, file->tensor("image01")));
    QVERIFY(torch::equal(r.shift_px, file->tensor("shift_px")));
    QVERIFY(torch::equal(r.mask.to(torch::kUInt8), file->tensor("mask")));
  }

  void testFastPathEqualsTwoViewBatch() {
    auto p = small();
    const auto fast = pipelines::txt2stereo(model_, p);
    p.use_kv_cache = false;
    const auto full = pipelines::txt2stereo(model_, p);
    QVERIFY(fast.used_kv_cache && !full.used_kv_cache);
    const double scale = full.latents.abs().max().item<double>();
    QVERIFY2(maxDiff(fast.latents, full.latents) <= 1e-5 * std::max(1.0, scale),
             std::to_string(maxDiff(fast.latents, full.latents)).c_str());
    QVERIFY(torch::equal(fast.mask, full.mask));
  }

  void testCacheOverBudgetFallsBack() {
    auto p = small();
    p.kv_cache_budget_bytes = 1024;
    const auto r = pipelines::txt2stereo(model_, p);
    QVERIFY(!r.used_kv_cache);
    const auto fast = pipelines::txt2stereo(model_, small());
    QVERIFY(maxDiff(fast.latents, r.latents) <= 1e-4);
  }

  void testKvBudgetIsExplicitOrBoundedByFreeMemory() {
    Txt2StereoParams p;
    p.kv_cache_budget_bytes = 12345;
    QCOMPARE(p.resolvedKvCacheBudget(false), int64_t(12345));
    p.kv_cache_budget_bytes = -1;  // automatic
    const int64_t cpu = p.resolvedKvCacheBudget(false);
    QVERIFY(cpu > 0);
    QVERIFY(cpu <= (int64_t(8) << 30));
    QCOMPARE(p.resolvedKvCacheBudget(true), int64_t(8) << 30);
  }

  void testRetuningReusesPass1() {
    pipelines::Txt2StereoSession session(model_);
    auto p = small();
    const auto first = session.run(p);
    QVERIFY(!first.reused_pass1);
    QVERIFY(session.kvCacheBytes() > 0);
    p.scale_factor = 12;
    p.exponent = 2;
    p.mask_interval = 2;
    p.deblur = true;
    const auto retuned = session.run(p);
    QVERIFY(retuned.reused_pass1);
    const auto fresh = pipelines::txt2stereo(model_, p);
    QVERIFY(maxDiff(retuned.latents, fresh.latents) <= 1e-5);
    p.direction = stereo::AttentionDirection::Bi;
    const auto bi = session.run(p);
    QVERIFY(bi.reused_pass1 && !bi.used_kv_cache);
    p.seed = 12;  // a pass-1 parameter: the left view is made again
    QVERIFY(!session.hasPass1For(p));
    QVERIFY(!session.run(p).reused_pass1);
  }

  void testConstantMapGivesIdenticalViews() {
    auto p = small();
    p.disparity = torch::full({64, 128}, 3.0f);
    for (bool cache : {true, false}) {
      p.use_kv_cache = cache;
      const auto r = pipelines::txt2stereo(model_, p);
      QVERIFY(maxDiff(r.latents[0], r.latents[1]) <= 1e-5);
      QVERIFY(r.mask.all().item<bool>());
    }
  }

  void testShiftAtLastStepIsThePlainShift() {
    auto p = small();
    p.shift_step = p.steps - 1;
    const auto r = pipelines::txt2stereo(model_, p);
    const auto norm = stereo::normalizeDisparity(stereo::resizeDisparity(p.disparity->unsqueeze(0), 8, 16));
    QVERIFY(torch::equal(r.latents[1], stereo::shiftNormalized(r.pass1_latents, norm, {}).right[0]));
    QVERIFY(torch::equal(r.latents[0], r.pass1_latents[0]));
  }

  void testShiftAtFirstStepAndBothViews() {
    auto p = small();
    p.shift_step = 0;
    p.shift_both = true;
    p.scale_factor = 30;  // 15% of a 16-column latent each way: up to 2 columns
    const auto r = pipelines::txt2stereo(model_, p);
    QVERIFY(!r.used_kv_cache);
    QVERIFY(maxDiff(r.latents[0], r.pass1_latents[0]) > 1e-3);  // the left view moved too
    QVERIFY(torch::isfinite(r.latents).all().item<bool>());
  }

  void testDeblurIsSeededAndFillsHoles() {
    auto p = small();
    p.shift_step = p.steps - 1;
    p.deblur = true;
    const auto a = pipelines::txt2stereo(model_, p);
    const auto b = pipelines::txt2stereo(model_, p);
    QVERIFY(torch::equal(a.latents, b.latents));
    const auto holes = ~a.mask[0];
    QVERIFY(holes.any().item<bool>());
    QVERIFY((a.latents[1].masked_select(holes) != 0).all().item<bool>());
  }

  void testProgressAndCancellation() {
    auto p = small();
    std::vector<std::string> stages;
    double last = -1;
    bool monotone = true;
    pipelines::RunControl control;
    control.progress = [&](const Progress& pr) {
      if (stages.empty() || stages.back() != pr.stage) stages.push_back(pr.stage);
      monotone = monotone && pr.overall >= last - 1e-12;
      last = pr.overall;
    };
    pipelines::txt2stereo(model_, p, control);
    QVERIFY(monotone);
    QVERIFY(std::abs(last - 1.0) < 1e-9);
    QVERIFY(std::find(stages.begin(), stages.end(), "left view") != stages.end());
    QVERIFY(std::find(stages.begin(), stages.end(), "right view") != stages.end());

    pipelines::Txt2StereoSession session(model_);
    pipelines::RunControl cancelling;
    cancelling.progress = [&](const Progress& pr) {
      if (pr.stage == "right view" && pr.step == 2) cancelling.cancel.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(sds::Cancelled, session.run(p, cancelling));
    QVERIFY(session.hasPass1For(p));  // the complete left pass is kept
    QVERIFY(model_.unet->attentionProcessor() == nullptr);  // the editor was removed
  }

  void testParamsRoundTripThroughJson() {
    auto p = small();
    p.direction = stereo::AttentionDirection::Bi;
    p.deblur = true;
    const auto back = pipelines::txt2stereoParamsFromJson(pipelines::txt2stereoParamsToJson(p));
    QCOMPARE(back.resolvedShiftStep(), p.resolvedShiftStep());
    QCOMPARE(back.resolvedDeblurSeed(), p.resolvedDeblurSeed());
    QVERIFY(back.direction == p.direction && back.deblur && back.seed == p.seed && back.prompt == p.prompt);
  }

  // A record handed to --params is untrusted: each hostile value is one error
  // naming its field, never a wrapped, truncated or silently accepted number.
  void testHostileRecordFieldsAreRefusedByName_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");  // JSON
    QTest::addColumn<QString>("says");
    QTest::newRow("width 2^32+64 wrapped to 64") << "width" << "4294967360" << "'width'";
    QTest::newRow("steps 2^32+64") << "steps" << "4294967360" << "'steps'";
    QTest::newRow("height 1.5 truncated to 1") << "height" << "1.5" << "'height'";
    QTest::newRow("height true read as 1") << "height" << "true" << "'height'";
    QTest::newRow("seed -1 wrapped to 2^64-1") << "seed" << "-1" << "'seed'";
    QTest::newRow("seed 1e300 (undefined cast)") << "seed" << "1e300" << "'seed'";
    QTest::newRow("deblur seed 1.5") << "deblur_seed" << "1.5" << "'deblur_seed'";
    QTest::newRow("mask interval 1e300") << "mask_interval" << "1e300" << "'mask_interval'";
    QTest::newRow("prompt a number") << "prompt" << "7" << "'prompt'";
    QTest::newRow("guidance 1e300: NaN latents at the end") << "guidance_scale" << "1e300" << "guidance scale";
    QTest::newRow("exponent 1e300") << "exponent" << "1e300" << "exponent";
  }
  void testHostileRecordFieldsAreRefusedByName() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, says);
    auto record = pipelines::txt2stereoParamsToJson(small());
    record[field.toStdString()] = nlohmann::json::parse(value.toStdString());
    try {
      pipelines::txt2stereoParamsFromJson(record);
      QFAIL("accepted");
    } catch (const sds::Error& e) {
      QVERIFY2(QString(e.what()).contains(says), e.what());
    }
  }

  void testRejectsBadParameters() {
    auto p = small();
    p.shift_step = p.steps;
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::txt2stereo(model_, p));
    p = small();
    p.disparity.reset();
    QVERIFY_THROWS_EXCEPTION(sds::Error, pipelines::txt2stereo(model_, p));  // no depth model either
  }
};

QTEST_MAIN(TestTxt2Stereo)
#include "test_txt2stereo.moc"
