// Image inversion: DDIM inversion + null-text optimisation against the
// img2stereo.py fixture (sd-tiny-v1), the fast mode's exact property, costs,
// copies of the per-step embeddings, early stop, cancellation.
#include <QtTest/QtTest>

#include <fstream>

#include "core/engine/inversion/image_inversion.h"
#include "core/verify/runner.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/sd/stable_diffusion.h"
#include "tests/support/fixture_data.h"

using namespace sds;
using namespace sds::inversion;

namespace {

const std::string kData = SDSTEREO_TEST_DATA;

nlohmann::json inversionCase() {
  return test::findCaseBy(test::testData() / "sd-tiny-v1", "kind", "ddim_inversion");
}

const sd::StableDiffusion& model() {
  static const sd::StableDiffusion m = sd::loadStableDiffusion(kData + "/sd-tiny-v1/model");
  return m;
}

std::shared_ptr<const io::SafetensorsFile> caseFile() {
  return io::SafetensorsFile::open(kData + "/sd-tiny-v1/cases/ddim_inversion.safetensors");
}

InversionParams fixtureParams(const nlohmann::json& kase) {
  const auto& in = kase["inputs"];
  InversionParams p;
  p.prompt = in["prompt"].get<std::string>();
  p.steps = in["num_ddim_steps"];
  p.inner_steps = in["num_inner_steps"];
  p.early_stop_epsilon = in["early_stop_epsilon"];
  p.guidance_scale = in["guidance_scale"];
  return p;
}

// A small image for the cheaper tests: [16, 32, 3] uint8.
torch::Tensor smallImage() {
  return caseFile()->tensor("image_u8").slice(0, 0, 16).slice(1, 0, 32).contiguous();
}

}  // namespace

class TestInversion : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void testNullTextMatchesReference() {
    const auto kase = inversionCase();
    const auto file = caseFile();
    const auto r = invertImage(model(), file->tensor("image_u8"), fixtureParams(kase));
    QCOMPARE(r.timesteps, kase["inputs"]["timesteps"].get<std::vector<int64_t>>());
    for (const auto& [name, t] : {std::pair{"image_latent", r.image_latent},
                                  {"ddim_latents", r.ddim_latents},
                                  {"uncond_embeddings", r.uncond_embeddings},
                                  {"losses", r.losses}}) {
      const auto c = verify::compareTensors(t, file->tensor(name), verify::sdTolerance(kase, name));
      QVERIFY2(c.ok, (std::string(name) + ": " + c.detail).c_str());
    }
    QCOMPARE(r.inner_steps_taken, kase["inputs"]["inner_iterations_taken"].get<std::vector<int>>());
    // n (inversion) + n * (1 cond + 3 uncond + 2 guided) forwards, n * 3 backwards.
    QCOMPARE(r.cost.unet_forwards, int64_t(10 + 10 * 6));
    QCOMPARE(r.cost.unet_backwards, int64_t(30));
    QCOMPARE(r.cost.unet_forwards, plannedCost(InversionMode::NullText, 10, 3).unet_forwards);
    // Each step keeps its own copy: consecutive embeddings differ.
    QVERIFY(!r.uncond_embeddings[0].equal(r.uncond_embeddings[1]));
    // Sampling back with the per-step embeddings retraces the null-text trajectory. The
    // reference's own recon differs from ours through the embeddings' allowed outliers
    // (amplified by guidance 7.5 on random weights), hence a tolerance above the case's 1e-3.
    const auto recon = reconstructLatent(model(), r, 7.5);
    const auto expected_recon = file->tensor("recon_latents");
    const double recon_err = (recon - expected_recon).abs().max().item<double>();
    qInfo("recon_latents max |ours - reference| = %.3g (max |reference| %.3g)", recon_err,
          expected_recon.abs().max().item<double>());
    QVERIFY(recon_err < 2e-2);  // measured 4e-3 on latents of magnitude ~10
  }

  void testFastModeFollowsTheUnguidedPath() {
    InversionParams p;
    p.prompt = "a red car";
    p.steps = 6;
    p.mode = InversionMode::Fast;
    const auto r = invertImage(model(), smallImage(), p);
    QCOMPARE(r.cost.unet_forwards, int64_t(6));
    QCOMPARE(r.cost.unet_backwards, int64_t(0));
    QCOMPARE(r.uncond_embeddings.sizes().vec(), (std::vector<int64_t>{6, 1, 77, 32}));
    for (int i = 0; i < 6; ++i) QVERIFY(r.uncond_embeddings[i].equal(r.cond_embedding));
    // u = c makes the guidance scale irrelevant (up to batch-2 vs batch-1 round-off).
    const auto guided = reconstructLatent(model(), r, 7.5), unguided = reconstructLatent(model(), r, 1.0);
    const double diff = (guided - unguided).abs().max().item<double>();
    qInfo("fast mode: |recon(7.5) - recon(1.0)| = %.3g", diff);
    QVERIFY(diff < 1e-3 * (1.0 + unguided.abs().max().item<double>()));
  }

  void testEarlyStopAndFrozenUNet() {
    std::vector<bool> before;
    for (const auto& q : model().unet->parameters()) before.push_back(q.requires_grad());
    InversionParams p;
    p.prompt = "a red car";
    p.steps = 4;
    p.inner_steps = 3;
    p.early_stop_epsilon = 1e9;  // every step stops after its first inner iteration
    const auto r = invertImage(model(), smallImage(), p);
    QCOMPARE(r.inner_steps_taken, (std::vector<int>{1, 1, 1, 1}));
    QVERIFY(torch::isnan(r.losses.slice(1, 1)).all().item<bool>());
    QVERIFY(torch::isfinite(r.losses.slice(1, 0, 1)).all().item<bool>());
    QCOMPARE(r.cost.unet_forwards, int64_t(4 + 4 * (1 + 1 + 2)));
    QCOMPARE(r.cost.unet_backwards, int64_t(4));
    std::vector<bool> after;
    for (const auto& q : model().unet->parameters()) after.push_back(q.requires_grad());
    QCOMPARE(after, before);
  }

  void testCancellationAndBadInput() {
    InversionParams p;
    p.steps = 3;
    CancelToken cancel;
    int reports = 0;
    const ProgressFn progress = [&](const Progress& pr) {
      if (pr.stage == "null-text" && pr.step == 1) cancel.cancel();
      ++reports;
    };
    QVERIFY_THROWS_EXCEPTION(sds::Cancelled, invertImage(model(), smallImage(), p, progress, cancel));
    QVERIFY(reports > 4);
    QVERIFY_THROWS_EXCEPTION(sds::Error, invertImage(model(), torch::zeros({12, 32, 3}, torch::kUInt8), p));
    QVERIFY_THROWS_EXCEPTION(sds::Error, invertImage(model(), torch::zeros({16, 32}, torch::kUInt8), p));
  }
};

QTEST_GUILESS_MAIN(TestInversion)
#include "test_inversion.moc"
