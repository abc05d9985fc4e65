// AutoencoderKL against the diffusers v0.25.1 fixture cases (both sets,
// diffusers folder and single-file layout), old attention names, config
// parsing and loader errors.
#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

#include "core/verify/runner.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/io/weights.h"
#include "models/vae/vae.h"
#include "models/vae/vae_ldm_keys.h"
#include "tests/support/fixture_data.h"
#include "tests/support/sd_component.h"
#include "tests/support/single_file_from_key_map.h"

using namespace sds;

namespace {

const std::filesystem::path kData = SDSTEREO_TEST_DATA;

vae::VaeConfig setConfig(const std::string& set) { return test::componentConfig(set, "vae", vae::parseVaeConfig); }

io::WeightSource diffusersWeights(const std::string& set) { return test::componentWeights(set, "vae"); }

std::shared_ptr<vae::AutoencoderKL> loadWith(const std::string& set, const io::WeightSource& w) {
  return test::loadedModule<vae::AutoencoderKL>(setConfig(set), w);
}

// Checks decode and encode of the set's cases; returns the failures.
std::string checkCases(vae::AutoencoderKL& model, const std::string& set) {
  torch::NoGradGuard no_grad;
  std::string failures;
  const auto check = [&](const nlohmann::json& spec, const io::SafetensorsFile& f, const std::string& name,
                         const torch::Tensor& actual) {
    const auto c = verify::compareTensors(actual, f.tensor(name), verify::sdTolerance(spec, name));
    if (!c.ok) failures += name + ": " + c.detail + "; ";
  };
  const auto dspec = test::findCase(set, "vae_decode");
  const auto dfile = io::SafetensorsFile::open((kData / set / dspec["file"].get<std::string>()).string());
  check(dspec, *dfile, "image", model.decode(dfile->tensor("z")));

  const auto espec = test::findCase(set, "vae_encode");
  const auto efile = io::SafetensorsFile::open((kData / set / espec["file"].get<std::string>()).string());
  const auto m = model.encode(efile->tensor("image"));
  check(espec, *efile, "moments", m.moments);
  check(espec, *efile, "mean", m.mean);
  check(espec, *efile, "logvar", m.logvar);
  check(espec, *efile, "std", m.std);
  check(espec, *efile, "latents", m.mean * model.scalingFactor());
  return failures;
}

}  // namespace

class TestVae : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void fixtureCases_data() {
    QTest::addColumn<QString>("set");
    QTest::newRow("v1") << "sd-tiny-v1";
    QTest::newRow("v2") << "sd-tiny-v2";
  }

  void fixtureCases() {
    QFETCH(QString, set);
    const std::string s = set.toStdString();
    auto model = loadWith(s, vae::vaeWeightsWithCurrentNames(diffusersWeights(s)));
    QCOMPARE(model->scalingFactor(), 0.18215);
    QCOMPARE(model->downscaleFactor(), 8);
    const auto failures = checkCases(*model, s);
    QVERIFY2(failures.empty(), failures.c_str());
  }

  void singleFileLayout_data() { fixtureCases_data(); }

  void singleFileLayout() {
    QFETCH(QString, set);
    const std::string s = set.toStdString();
    QTemporaryDir dir;
    const std::string prefix = "first_stage_model.";
    const auto ldm = test::singleFileComponent(kData / s, dir.filePath("model.safetensors").toStdString(), prefix);
    const auto config = setConfig(s);
    const auto converted = vae::vaeWeightsFromLdm(ldm, config);

    const auto diffusers = diffusersWeights(s);
    const auto targets = test::keyMapTargets(kData / s, prefix);
    for (const auto& [key, target] : targets) {
      QVERIFY2(converted.has(target), (key + " -> " + target).c_str());
      QCOMPARE(converted.entry(target).shape, diffusers.entry(target).shape);  // [C,C,1,1] -> [C,C]
    }
    QCOMPARE(targets.size(), converted.size());

    auto model = loadWith(s, converted);
    const auto failures = checkCases(*model, s);
    QVERIFY2(failures.empty(), failures.c_str());

    const auto detected = vae::detectVaeConfigFromLdm(ldm, config.norm_num_groups);
    QCOMPARE(detected.block_out_channels, config.block_out_channels);
    QCOMPARE(detected.layers_per_block, config.layers_per_block);
    QCOMPARE(detected.latent_channels, config.latent_channels);
    QCOMPARE(detected.in_channels, config.in_channels);
    QCOMPARE(detected.out_channels, config.out_channels);
  }

  // Old diffusers files name the mid-block attention query/key/value/proj_attn.
  void oldAttentionNames() {
    const auto current = diffusersWeights("sd-tiny-v1");
    const auto old = current.renamed([](const std::string& k) -> std::optional<std::string> {
      for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
               {".to_q.", ".query."}, {".to_k.", ".key."}, {".to_v.", ".value."}, {".to_out.0.", ".proj_attn."}}) {
        const auto at = k.find(from);
        if (k.find("mid_block.attentions") != std::string::npos && at != std::string::npos)
          return k.substr(0, at) + to + k.substr(at + from.size());
      }
      return k;
    });
    QVERIFY(old.has("encoder.mid_block.attentions.0.proj_attn.weight"));
    vae::AutoencoderKL strict(setConfig("sd-tiny-v1"));
    QVERIFY_EXCEPTION_THROWN(io::loadModule(strict, old), Error);
    auto model = loadWith("sd-tiny-v1", vae::vaeWeightsWithCurrentNames(old));
    const auto failures = checkCases(*model, "sd-tiny-v1");
    QVERIFY2(failures.empty(), failures.c_str());
  }

  void oddImageSizes() {
    auto model = loadWith("sd-tiny-v2", diffusersWeights("sd-tiny-v2"));
    torch::NoGradGuard no_grad;
    torch::manual_seed(4);
    const auto m = model->encode(torch::rand({1, 3, 24, 40}) * 2 - 1);
    QCOMPARE(m.mean.sizes().vec(), (std::vector<int64_t>{1, 4, 3, 5}));
    QVERIFY(torch::equal(m.std, (0.5 * m.logvar).exp()));
    QVERIFY(m.logvar.max().item<double>() <= 20 && m.logvar.min().item<double>() >= -30);
    const auto img = model->decode(torch::randn({2, 4, 3, 5}));
    QCOMPARE(img.sizes().vec(), (std::vector<int64_t>{2, 3, 24, 40}));
    QVERIFY_EXCEPTION_THROWN(model->decode(torch::randn({1, 3, 3, 5})), Error);
    QVERIFY_EXCEPTION_THROWN(model->encode(torch::randn({1, 4, 8, 8})), Error);
  }

  // float16 weights with the decoder kept in float32 (runs on CPU too).
  void upcastDecoderKeepsFloat32() {
    auto model = loadWith("sd-tiny-v1", diffusersWeights("sd-tiny-v1"));
    torch::NoGradGuard no_grad;
    const auto z = torch::randn({1, 4, 4, 4});
    const auto reference = model->decode(z);
    model->to(torch::kFloat16);
    model->setUpcastDecoder(true);
    QVERIFY(model->upcastDecoder());
    const auto out = model->decode(z.to(torch::kFloat16));
    QCOMPARE(out.scalar_type(), torch::kFloat32);
    // post_quant_conv and decoder weights went through float16 once.
    QVERIFY((out - reference).abs().max().item<double>() < 5e-2);
  }

  void configParsing() {
    const auto c = setConfig("sd-tiny-v2");
    QCOMPARE(c.block_out_channels, (std::vector<int>{8, 16, 16, 16}));
    QCOMPARE(c.layers_per_block, 2);
    QCOMPARE(c.norm_num_groups, 4);
    QVERIFY_EXCEPTION_THROWN(vae::parseVaeConfig(R"({"block_out_channels": [8, 12], "norm_num_groups": 8})", "x"),
                             Error);
    QVERIFY_EXCEPTION_THROWN(
        vae::parseVaeConfig(R"({"block_out_channels": [8], "down_block_types": ["DownBlock2D"]})", "x"), Error);
    QVERIFY_EXCEPTION_THROWN(vae::parseVaeConfig("[]", "x"), Error);
  }

  void loaderNamesBadTensors() {
    auto w = diffusersWeights("sd-tiny-v1");
    const std::string victim = "decoder.up_blocks.1.resnets.0.conv2.weight";
    auto e = w.entry(victim);
    e.shape = {16, 16, 1, 1};
    w.add(victim, e);
    vae::AutoencoderKL model(setConfig("sd-tiny-v1"));
    try {
      io::loadModule(model, w);
      QFAIL("a mis-shaped tensor was accepted");
    } catch (const Error& err) {
      QVERIFY2(std::string(err.what()).find(victim) != std::string::npos, err.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestVae)
#include "test_vae.moc"
