// loadStableDiffusion(): diffusers folders (plain, sharded, fp16 variant),
// single files built from the sets' model_key_map.json (with config_dir, as
// verify-fixtures loads them), detection and overrides, and the refusals:
// pickles, SDXL, missing / mis-shaped / wrongly typed tensors, bad configs.
#include <QtTest/QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/sd/checkpoint_files.h"
#include "models/sd/stable_diffusion.h"
#include "tests/support/expect_error.h"
#include "tests/support/fixture_data.h"
#include "tests/support/single_file_from_key_map.h"

namespace fs = std::filesystem;
using namespace sds;
using sd::SdLoadOptions;

namespace {

const fs::path kData = SDSTEREO_TEST_DATA;

using test::readText;
using test::writeText;

// Every parameter and buffer of `a` equals the same-named one of `b`.
std::string sameWeights(torch::nn::Module& a, torch::nn::Module& b) {
  auto pb = b.named_parameters();
  size_t n = 0;
  for (const auto& p : a.named_parameters()) {
    const auto* other = pb.find(p.key());
    if (!other) return "missing " + p.key();
    if (!torch::equal(p.value(), *other)) return "differs: " + p.key();
    ++n;
  }
  return n == pb.size() ? "" : "parameter counts differ";
}

SdLoadOptions onlyText() {
  SdLoadOptions o;
  o.components = sd::kTokenizer | sd::kTextEncoder;
  return o;
}

}  // namespace

class TestSdLoader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    tmp_ = fs::temp_directory_path() / ("sds_test_sd_loader_" + std::to_string(::getpid()));
    fs::create_directories(tmp_);
    for (const char* set : {"sd-tiny-v1", "sd-tiny-v2"}) test::buildSingleFileFromKeyMap(kData / set, single(set));
  }
  void cleanupTestCase() { fs::remove_all(tmp_); }

  void diffusersFolderLoadsEveryComponent_data() {
    QTest::addColumn<QString>("set");
    QTest::addColumn<bool>("v2");
    QTest::newRow("v1") << "sd-tiny-v1" << false;
    QTest::newRow("v2") << "sd-tiny-v2" << true;
  }
  void diffusersFolderLoadsEveryComponent() {
    QFETCH(QString, set);
    QFETCH(bool, v2);
    const auto model = sd::loadStableDiffusion((kData / set.toStdString() / "model").string());
    QVERIFY(model.tokenizer && model.text_encoder && model.unet && model.vae);
    QVERIFY(model.version == (v2 ? sd::SdVersion::SD2 : sd::SdVersion::SD1));
    QVERIFY(model.layout == sd::SdLayout::Diffusers);
    QVERIFY(model.scheduler.prediction_type == (v2 ? PredictionType::VPrediction : PredictionType::Epsilon));
    QCOMPARE(model.tokenizer->padId(), v2 ? int64_t(0) : int64_t(49407));
    QVERIFY(!model.text_encoder->parameters().front().requires_grad());
    const auto embeds = sd::encodePrompts(model, {"", "a photo of a cat"});
    QCOMPARE(embeds.sizes().vec(), (std::vector<int64_t>{2, 77, 32}));
  }

  // The single file, read with config_dir = model/ (diffusers' from_single_file(config=...)),
  // gives bit-identical weights to the diffusers folder.
  void singleFileEqualsDiffusersFolder_data() { diffusersFolderLoadsEveryComponent_data(); }
  void singleFileEqualsDiffusersFolder() {
    QFETCH(QString, set);
    QFETCH(bool, v2);
    const fs::path folder = kData / set.toStdString() / "model";
    const auto reference = sd::loadStableDiffusion(folder.string());
    SdLoadOptions options;
    options.config_dir = folder.string();
    const auto model = sd::loadStableDiffusion(single(set.toStdString()).string(), options);
    QVERIFY(model.layout == sd::SdLayout::SingleFile);
    QVERIFY(model.version == (v2 ? sd::SdVersion::SD2 : sd::SdVersion::SD1));
    QVERIFY(model.scheduler.prediction_type == reference.scheduler.prediction_type);
    QCOMPARE(model.text_encoder->config().num_hidden_layers, reference.text_encoder->config().num_hidden_layers);
    QCOMPARE(QString::fromStdString(sameWeights(*model.text_encoder, *reference.text_encoder)), QString());
    QCOMPARE(QString::fromStdString(sameWeights(*model.unet, *reference.unet)), QString());
    QCOMPARE(QString::fromStdString(sameWeights(*model.vae, *reference.vae)), QString());
  }

  void singleFileDetectsVersionAndPredictionWithoutConfig() {
    SdLoadOptions none;
    none.components = 0;
    const auto v1 = sd::loadStableDiffusion(single("sd-tiny-v1").string(), none);
    QVERIFY(v1.version == sd::SdVersion::SD1);
    QVERIFY(v1.scheduler.prediction_type == PredictionType::Epsilon);
    const auto v2 = sd::loadStableDiffusion(single("sd-tiny-v2").string(), none);
    QVERIFY(v2.version == sd::SdVersion::SD2);
    QVERIFY(v2.scheduler.prediction_type == PredictionType::VPrediction);
    // Without a config the tiny text encoder's heads cannot be known, and there is no tokenizer.
    SdLoadOptions text;
    text.components = sd::kTextEncoder;
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(single("sd-tiny-v1").string(), text), "heads");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(single("sd-tiny-v1").string(), onlyText()), "tokenizer");
    // A tokenizer/ folder beside the file is found.
    fs::copy(kData / "sd-tiny-v2/model/tokenizer", tmp_ / "tokenizer", fs::copy_options::recursive);
    SdLoadOptions tok;
    tok.components = sd::kTokenizer;
    QCOMPARE(sd::loadStableDiffusion(single("sd-tiny-v2").string(), tok).tokenizer->padId(), int64_t(0));
    fs::remove_all(tmp_ / "tokenizer");
  }

  void overridesWin() {
    SdLoadOptions o;
    o.components = 0;
    o.version = sd::SdVersion::SD1;
    o.prediction_type = PredictionType::Epsilon;
    o.config_dir = (kData / "sd-tiny-v2/model").string();
    const auto m = sd::loadStableDiffusion(single("sd-tiny-v2").string(), o);
    QVERIFY(m.version == sd::SdVersion::SD1);
    QVERIFY(m.scheduler.prediction_type == PredictionType::Epsilon);
    SdLoadOptions d;
    d.components = 0;
    d.prediction_type = PredictionType::VPrediction;
    QVERIFY(sd::loadStableDiffusion((kData / "sd-tiny-v1/model").string(), d).scheduler.prediction_type ==
            PredictionType::VPrediction);
  }

  void singleFileNamesMissingMisshapedAndMistypedTensors() {
    SdLoadOptions o = onlyText();
    o.config_dir = (kData / "sd-tiny-v1/model").string();
    const std::string prefix = "cond_stage_model.transformer.text_model.";
    test::KeyMapBuildOptions build;
    build.keep = [&](const std::string& k) { return k != prefix + "final_layer_norm.weight"; };
    build.edit = [&](const std::string& k, torch::Tensor t) {
      if (k == prefix + "encoder.layers.0.mlp.fc1.bias") return t.narrow(0, 0, 100).contiguous();
      if (k == prefix + "encoder.layers.1.mlp.fc1.bias") return t.to(torch::kInt32);
      return t;
    };
    const fs::path file = tmp_ / "broken.safetensors";
    test::buildSingleFileFromKeyMap(kData / "sd-tiny-v1", file, build);
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(file.string(), o), "text_model.final_layer_norm.weight");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(file.string(), o), "layers.0.mlp.fc1.bias (file [100], model [128])");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(file.string(), o), "layers.1.mlp.fc1.bias (I32)");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(file.string(), o), file.string());
  }

  void reportsUnexpectedTensorsUnderAComponentPrefix() {
    const fs::path file = tmp_ / "extra.safetensors";
    test::KeyMapBuildOptions build;
    build.keep = [](const std::string& k) { return k.rfind("cond_stage_model.", 0) == 0 || k.rfind("model.", 0) == 0; };
    test::buildSingleFileFromKeyMap(kData / "sd-tiny-v2", file, build);
    auto f = io::SafetensorsFile::open(file.string());
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& info : f->tensors()) tensors.emplace_back(info.name, f->tensor(info.name));
    tensors.emplace_back("cond_stage_model.model.transformer.resblocks.0.attn.bogus", torch::zeros({2}));
    f.reset();
    io::writeSafetensors(file.string(), tensors);
    SdLoadOptions o = onlyText();
    o.config_dir = (kData / "sd-tiny-v2/model").string();
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(file.string(), o), "Unexpected tensors: cond_stage_model.model.transformer.resblocks.0.attn.bogus");
  }

  void rejectsBadConfigFolders() {
    const fs::path cfg = tmp_ / "cfg";
    fs::remove_all(cfg);
    fs::create_directories(cfg / "tokenizer");
    fs::copy(kData / "sd-tiny-v1/model/tokenizer", cfg / "tokenizer", fs::copy_options::recursive);
    writeText(cfg / "text_encoder/config.json", "{\"num_hidden_layers\": 3}");
    SdLoadOptions o = onlyText();
    o.config_dir = cfg.string();
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(single("sd-tiny-v1").string(), o), "hidden_size");
    o.config_dir = (tmp_ / "no-such-folder").string();
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(single("sd-tiny-v1").string(), o), "no-such-folder");
  }

  void refusesPickleCheckpoints() {
    const fs::path ckpt = tmp_ / "model.ckpt";
    writeText(ckpt, "PK\x03\x04 not really a zip");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(ckpt.string()), "pickle");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(ckpt.string()), "safetensors.torch import save_file");
    const fs::path folder = copyModel("sd-tiny-v1", "pickled");
    fs::remove(folder / "unet/diffusion_pytorch_model.safetensors");
    writeText(folder / "unet/diffusion_pytorch_model.bin", "not opened");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(folder.string()), "diffusion_pytorch_model.bin is a pickle");
  }

  void refusesOtherModelsClearly() {
    const fs::path folder = copyModel("sd-tiny-v1", "xl");
    auto index = nlohmann::json::parse(readText(folder / "model_index.json"));
    index["text_encoder_2"] = {"transformers", "CLIPTextModelWithProjection"};
    writeText(folder / "model_index.json", index.dump());
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(folder.string()), "XL");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion((tmp_ / "nothing").string()), "does not exist");
    writeText(tmp_ / "notes.txt", "hello");
    SDS_VERIFY_THROWS(sd::loadStableDiffusion((tmp_ / "notes.txt").string()), "notes.txt");
    const fs::path not_sd = tmp_ / "not_sd.safetensors";
    io::writeSafetensors(not_sd.string(), {{"weight", torch::zeros({1})}});
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(not_sd.string()), "model.diffusion_model");
  }

  void acceptsShardedAndFp16VariantFiles() {
    const fs::path folder = copyModel("sd-tiny-v1", "sharded");
    // text_encoder: two shards + index.
    const fs::path te = folder / "text_encoder";
    auto whole = io::SafetensorsFile::open((te / "model.safetensors").string());
    std::vector<std::pair<std::string, torch::Tensor>> a, b;
    nlohmann::json index = {{"metadata", {{"total_size", 0}}}, {"weight_map", nlohmann::json::object()}};
    for (const auto& info : whole->tensors()) {
      const bool first = info.name.find("layers.") == std::string::npos;
      (first ? a : b).emplace_back(info.name, whole->tensor(info.name));
      index["weight_map"][info.name] = first ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
    }
    whole.reset();
    fs::remove(te / "model.safetensors");
    io::writeSafetensors((te / "model-00001-of-00002.safetensors").string(), a);
    io::writeSafetensors((te / "model-00002-of-00002.safetensors").string(), b);
    writeText(te / "model.safetensors.index.json", index.dump());
    // unet: only an fp16 variant.
    const fs::path unet = folder / "unet";
    auto full = io::SafetensorsFile::open((unet / "diffusion_pytorch_model.safetensors").string());
    std::vector<std::pair<std::string, torch::Tensor>> half;
    for (const auto& info : full->tensors()) half.emplace_back(info.name, full->tensor(info.name).to(torch::kFloat16));
    full.reset();
    fs::remove(unet / "diffusion_pytorch_model.safetensors");
    io::writeSafetensors((unet / "diffusion_pytorch_model.fp16.safetensors").string(), half);

    const auto reference = sd::loadStableDiffusion((kData / "sd-tiny-v1/model").string());
    for (const std::string variant : {"", "fp16"}) {
      SdLoadOptions o;
      o.variant = variant;
      const auto m = sd::loadStableDiffusion(folder.string(), o);
      QCOMPARE(QString::fromStdString(sameWeights(*m.text_encoder, *reference.text_encoder)), QString());
      const auto w = m.unet->named_parameters()["conv_in.weight"];
      QVERIFY(torch::equal(w, reference.unet->named_parameters()["conv_in.weight"].to(torch::kFloat16).to(torch::kFloat32)));
    }
    // A shard index that points at the wrong shard is named.
    index["weight_map"]["text_model.final_layer_norm.bias"] = "model-00002-of-00002.safetensors";
    writeText(te / "model.safetensors.index.json", index.dump());
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(folder.string(), onlyText()), "text_model.final_layer_norm.bias");
  }

 private:
  fs::path single(const std::string& set) const { return tmp_ / (set + ".safetensors"); }
  fs::path copyModel(const std::string& set, const std::string& name) const {
    const fs::path dst = tmp_ / name;
    fs::remove_all(dst);
    fs::copy(kData / set / "model", dst, fs::copy_options::recursive);
    return dst;
  }
  fs::path tmp_;
};

QTEST_APPLESS_MAIN(TestSdLoader)
#include "test_sd_loader.moc"
