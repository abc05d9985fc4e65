// The CLIP text encoder against the sd-tiny fixture cases, from the diffusers
// folder and from single files built with model_key_map.json (SD 1.x HF keys,
// SD 2.x OpenCLIP keys with the unused last block), plus config errors.
#include <QtTest/QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/verify/compare.h"
#include "models/clip/text_encoder.h"
#include "models/clip/text_encoder_layouts.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/io/weights.h"
#include "models/sd/stable_diffusion.h"
#include "tests/support/expect_error.h"
#include "tests/support/fixture_data.h"
#include "tests/support/single_file_from_key_map.h"

namespace fs = std::filesystem;
using namespace sds;
using sds::test::findCase;
using sds::test::readText;

namespace {

const fs::path kData = SDSTEREO_TEST_DATA;

// Runs the set's text_encoder case on `model`; returns the comparison.
verify::Comparison runCase(const std::string& set, clip::TextEncoder& model) {
  const auto c = findCase(set, "text_encoder");
  const auto file = io::SafetensorsFile::open((kData / set / c["file"].get<std::string>()).string());
  torch::NoGradGuard no_grad;
  clip::TextEncoderTrace trace;
  const auto out = model.forward(file->tensor("input_ids"), &trace);
  verify::Tolerance tol{c["atol"].get<double>(), c["rtol"].get<double>()};
  // The intermediate states must agree as well (they localise a failure).
  const auto emb = verify::compareTensors(trace.embeddings, file->tensor("dbg_embeddings"), tol);
  if (!emb.ok) return emb;
  return verify::compareTensors(out, file->tensor("last_hidden_state"), tol);
}

std::shared_ptr<clip::TextEncoder> loadDiffusers(const std::string& set) {
  const fs::path dir = kData / set / "model/text_encoder";
  const auto config = clip::parseTextEncoderConfig(readText(dir / "config.json"), (dir / "config.json").string());
  auto model = std::make_shared<clip::TextEncoder>(config);
  io::LoadOptions options;
  options.ignore_unused = clip::isIgnoredTextKey;
  io::loadModule(*model, io::WeightSource::fromFile(io::SafetensorsFile::open((dir / "model.safetensors").string())),
                 options);
  return model;
}

// Only the text encoder keys of the key map (keeps the temp file small).
bool textKey(const std::string& key) { return key.rfind("cond_stage_model.", 0) == 0; }

}  // namespace

class TestTextEncoder : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    tmp_ = fs::temp_directory_path() / ("sds_test_text_encoder_" + std::to_string(::getpid()));
    fs::create_directories(tmp_);
  }
  void cleanupTestCase() { fs::remove_all(tmp_); }

  void parsesDiffusersConfig() {
    const auto c = clip::parseTextEncoderConfig(readText(kData / "sd-tiny-v1/model/text_encoder/config.json"), "v1");
    QCOMPARE(c.hidden_size, 32);
    QCOMPARE(c.num_hidden_layers, 3);
    QCOMPARE(c.num_attention_heads, 4);
    QCOMPARE(c.intermediate_size, 128);
    QVERIFY(c.hidden_act == clip::Activation::QuickGelu);
    const auto c2 = clip::parseTextEncoderConfig(readText(kData / "sd-tiny-v2/model/text_encoder/config.json"), "v2");
    QVERIFY(c2.hidden_act == clip::Activation::Gelu);
    QCOMPARE(c2.num_hidden_layers, 2);
  }

  void rejectsBadConfigs() {
    SDS_VERIFY_THROWS(clip::parseTextEncoderConfig("{\"hidden_size\": 32}", "cfg.json"), "intermediate_size");
    SDS_VERIFY_THROWS(clip::parseTextEncoderConfig("not json", "cfg.json"), "cfg.json");
    const std::string base =
        "{\"hidden_size\": 30, \"intermediate_size\": 8, \"num_hidden_layers\": 1, \"num_attention_heads\": 4, "
        "\"vocab_size\": 10, \"max_position_embeddings\": 77";
    SDS_VERIFY_THROWS(clip::parseTextEncoderConfig(base + "}", "cfg.json"), "not divisible");
    SDS_VERIFY_THROWS(clip::parseTextEncoderConfig(base + ", \"hidden_act\": \"relu\"}", "cfg.json"), "relu");
  }

  void diffusersWeightsMatchTheReference_data() {
    QTest::addColumn<QString>("set");
    QTest::newRow("v1") << "sd-tiny-v1";
    QTest::newRow("v2") << "sd-tiny-v2";
  }
  void diffusersWeightsMatchTheReference() {
    QFETCH(QString, set);
    const auto model = loadDiffusers(set.toStdString());
    const auto c = runCase(set.toStdString(), *model);
    QVERIFY2(c.ok, c.detail.c_str());
  }

  void singleFileMatchesTheReference_data() {
    QTest::addColumn<QString>("set");
    QTest::addColumn<bool>("open_clip");
    QTest::newRow("v1 HF keys") << "sd-tiny-v1" << false;
    QTest::newRow("v2 OpenCLIP keys") << "sd-tiny-v2" << true;
  }
  void singleFileMatchesTheReference() {
    QFETCH(QString, set);
    QFETCH(bool, open_clip);
    const fs::path file = tmp_ / (set.toStdString() + "_text.safetensors");
    test::KeyMapBuildOptions build;
    build.keep = textKey;
    test::buildSingleFileFromKeyMap(kData / set.toStdString(), file, build);
    const auto all = io::WeightSource::fromFile(io::SafetensorsFile::open(file.string()));
    const auto layout = clip::detectTextLayout(all);
    QVERIFY(layout.has_value());
    QCOMPARE(*layout == clip::TextLayout::OpenClip, open_clip);

    const auto weights = clip::textEncoderWeightsFromLdm(all, *layout);
    // Depth and width come from the shapes; the tiny width (32) hides the heads.
    SDS_VERIFY_THROWS(clip::detectTextEncoderConfig(weights, *layout, file.string()), "heads");
    const fs::path cfg = kData / set.toStdString() / "model/text_encoder/config.json";
    const auto config = clip::parseTextEncoderConfig(readText(cfg), cfg.string());
    auto model = std::make_shared<clip::TextEncoder>(config);
    io::LoadOptions options;
    options.ignore_unused = clip::isIgnoredTextKey;
    io::loadModule(*model, weights, options);
    const auto c = runCase(set.toStdString(), *model);
    QVERIFY2(c.ok, c.detail.c_str());
  }

  void openClipUsesThePenultimateBlock() {
    const fs::path file = tmp_ / "v2_text_layers.safetensors";
    test::KeyMapBuildOptions build;
    build.keep = textKey;
    test::buildSingleFileFromKeyMap(kData / "sd-tiny-v2", file, build);
    const auto all = io::WeightSource::fromFile(io::SafetensorsFile::open(file.string()));
    const auto weights = clip::textEncoderWeightsFromLdm(all, clip::TextLayout::OpenClip);
    QVERIFY(weights.has("text_model.encoder.layers.1.self_attn.v_proj.bias"));
    QVERIFY(!weights.has("text_model.encoder.layers.2.self_attn.v_proj.bias"));
    QVERIFY(!weights.has("cond_stage_model.model.text_projection"));
    // q/k/v are the three row blocks of in_proj.
    const auto stacked = all.load("cond_stage_model.model.transformer.resblocks.0.attn.in_proj_weight");
    QVERIFY(torch::equal(weights.load("text_model.encoder.layers.0.self_attn.k_proj.weight"), stacked.slice(0, 32, 64)));
    // A 64-wide encoder would get one head per 64 channels and exact GELU.
    auto wide = weights;
    wide.add("text_model.embeddings.token_embedding.weight", {{10, 128}, io::DType::F32, [] { return torch::zeros({10, 128}); }, "x"});
    const auto detected = clip::detectTextEncoderConfig(wide, clip::TextLayout::OpenClip, "x");
    QCOMPARE(detected.num_attention_heads, 2);
    QCOMPARE(detected.num_hidden_layers, 2);
    QVERIFY(detected.hidden_act == clip::Activation::Gelu);
  }

  void reportsMissingAndMisshapedTensorsByName() {
    const auto config = clip::parseTextEncoderConfig(readText(kData / "sd-tiny-v1/model/text_encoder/config.json"), "v1");
    const auto src = io::WeightSource::fromFile(
        io::SafetensorsFile::open((kData / "sd-tiny-v1/model/text_encoder/model.safetensors").string()));
    auto broken = src.renamed([](const std::string& k) -> std::optional<std::string> {
      if (k == "text_model.final_layer_norm.weight") return std::nullopt;
      if (k == "text_model.encoder.layers.0.mlp.fc1.bias") return "text_model.encoder.layers.0.mlp.fc1.bias_extra";
      return k;
    });
    broken.add("text_model.encoder.layers.1.mlp.fc2.bias",
               {{7}, io::DType::F32, [] { return torch::zeros({7}); }, "test"});
    clip::TextEncoder model(config);
    io::LoadOptions options;
    options.ignore_unused = clip::isIgnoredTextKey;
    SDS_VERIFY_THROWS(io::loadModule(model, broken, options), "text_model.final_layer_norm.weight");
    SDS_VERIFY_THROWS(io::loadModule(model, broken, options), "fc1.bias_extra");
    SDS_VERIFY_THROWS(io::loadModule(model, broken, options), "layers.1.mlp.fc2.bias (file [7], model [32])");
  }

  void rejectsBadInputIds() {
    auto model = loadDiffusers("sd-tiny-v1");
    SDS_VERIFY_THROWS(model->forward(torch::zeros({1, 78}, torch::kInt64)), "77");
    SDS_VERIFY_THROWS(model->forward(torch::full({1, 77}, 49408, torch::kInt64)), "vocabulary");
    SDS_VERIFY_THROWS(model->forward(torch::zeros({77}, torch::kInt64)), "[batch, tokens]");
    QCOMPARE(model->forward(torch::zeros({2, 5}, torch::kInt64)).sizes().vec(), (std::vector<int64_t>{2, 5, 32}));
  }

 private:
  fs::path tmp_;
};

QTEST_APPLESS_MAIN(TestTextEncoder)
#include "test_text_encoder.moc"
