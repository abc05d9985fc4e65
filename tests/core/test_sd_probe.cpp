// The Stable Diffusion probe (models/sd/sd_probe.h) and its studio face
// (core/media/sd_model_info.h): family, layout and task of the tiny models in
// tests/data in both layouts (single files rebuilt from model_key_map.json),
// read without their weights; the refiner and SDXL inpainting named and
// refused the same way loading refuses them; what is not a Stable Diffusion
// model reported in one sentence.
#include <QtTest/QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/media/sd_model_info.h"
#include "models/sd/sd_probe.h"
#include "tests/support/expect_error.h"
#include "tests/support/single_file_from_key_map.h"

namespace fs = std::filesystem;
using namespace sds;

namespace {

const fs::path kData = fs::path(SDSTEREO_TEST_DATA);

// The sentence loading throws, or "" when it loads.
std::string loadError(const fs::path& path) {
  try {
    sd::SdLoadOptions none;
    none.components = 0;  // what is refused is refused before any weight is read
    sd::loadStableDiffusion(path.string(), none);
  } catch (const Error& e) {
    return e.what();
  }
  return {};
}

}  // namespace

Q_DECLARE_METATYPE(sds::sd::SdVersion)
Q_DECLARE_METATYPE(sds::sd::SdLayout)

class TestSdProbe : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    tmp_ = fs::temp_directory_path() / ("sds_test_sd_probe_" + std::to_string(::getpid()));
    fs::create_directories(tmp_);
    for (const char* set : {"sd-tiny-v1", "sd-tiny-v2", "sd-tiny-xl"})
      test::buildSingleFileFromKeyMap(kData / set, tmp_ / (std::string(set) + ".safetensors"));
  }
  void cleanupTestCase() { fs::remove_all(tmp_); }

  void familyAndLayoutOfEachModel_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<sd::SdVersion>("version");
    QTest::addColumn<sd::SdLayout>("layout");
    for (const auto& [set, version] : {std::pair{"sd-tiny-v1", sd::SdVersion::SD1}, {"sd-tiny-v2", sd::SdVersion::SD2},
                                       {"sd-tiny-xl", sd::SdVersion::SDXL}}) {
      QTest::addRow("%s folder", set) << QString::fromStdString((kData / set / "model").string()) << version
                                      << sd::SdLayout::Diffusers;
      QTest::addRow("%s single file", set) << QString::fromStdString((tmp_ / (std::string(set) + ".safetensors")).string())
                                           << version << sd::SdLayout::SingleFile;
    }
  }
  void familyAndLayoutOfEachModel() {
    QFETCH(QString, path);
    QFETCH(sd::SdVersion, version);
    QFETCH(sd::SdLayout, layout);
    const sd::SdModelInfo info = sd::probeStableDiffusion(path.toStdString());
    QCOMPARE(sd::versionName(info.version), sd::versionName(version));
    QVERIFY(info.layout == layout);
    QVERIFY(info.task == sd::SdTask::TextToImage);
    QVERIFY(sd::refusalOf(info) == sd::SdRefusal::None);
    QCOMPARE(info.force_zeros_for_empty_prompt, version == sd::SdVersion::SDXL);
    // The loader agrees (it starts from the same probe).
    sd::SdLoadOptions none;
    none.components = 0;
    QCOMPARE(sd::versionName(sd::loadStableDiffusion(path.toStdString(), none).version), sd::versionName(version));
    // The studio's face: the family's name and native size.
    const media::SdModelSummary s = media::describeSdModel(path.toStdString());
    QVERIFY2(s.readable, s.problem.c_str());
    QCOMPARE(s.family_name, std::string(sd::versionName(version)));
    QCOMPARE(s.native_size, version == sd::SdVersion::SDXL ? 1024 : 512);
    QVERIFY(s.kind == media::SdModelKind::TextToImage);
    QVERIFY((s.layout == media::SdModelLayout::SingleFile) == (layout == sd::SdLayout::SingleFile));
  }

  // Configs only: a folder whose weight files are all missing is still SDXL.
  void readsNoWeights() {
    const fs::path bare = tmp_ / "configs-only";
    const fs::path model = kData / "sd-tiny-xl" / "model";
    for (const auto& entry : fs::recursive_directory_iterator(model)) {
      if (!entry.is_regular_file() || entry.path().extension() == ".safetensors") continue;
      const fs::path to = bare / fs::relative(entry.path(), model);
      fs::create_directories(to.parent_path());
      fs::copy_file(entry.path(), to, fs::copy_options::overwrite_existing);
    }
    QVERIFY(sd::probeStableDiffusion(bare.string()).version == sd::SdVersion::SDXL);
    QCOMPARE(media::describeSdModel(bare.string()).native_size, 1024);
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(bare.string()), "safetensors");
  }

  void inpaintingModelIsNamedNotRefused() {
    const fs::path path = kData / "sd-tiny-inpaint" / "model";
    const auto info = sd::probeStableDiffusion(path.string());
    QVERIFY(info.task == sd::SdTask::Inpainting);
    QVERIFY(sd::refusalOf(info) == sd::SdRefusal::None);
    QVERIFY(media::describeSdModel(path.string()).kind == media::SdModelKind::Inpainting);
  }

  void refinerAndXlInpaintingAreNamedAndRefusedAsLoadingRefusesThem() {
    // Diffusers refiner: no text_encoder, aesthetic-score conditioning.
    const fs::path refiner = tmp_ / "refiner";
    fs::copy(kData / "sd-tiny-xl" / "model", refiner, fs::copy_options::recursive);
    auto index = nlohmann::json::parse(std::ifstream(refiner / "model_index.json"));
    index["text_encoder"] = {nullptr, nullptr};
    index["requires_aesthetics_score"] = true;
    std::ofstream(refiner / "model_index.json") << index.dump();
    // Single files: only the OpenCLIP embedder (refiner); a 9-channel UNet input (inpainting).
    test::KeyMapBuildOptions only_second;
    only_second.keep = [](const std::string& k) { return k.rfind("conditioner.embedders.0.", 0) != 0; };
    test::buildSingleFileFromKeyMap(kData / "sd-tiny-xl", tmp_ / "refiner.safetensors", only_second);
    test::KeyMapBuildOptions nine;
    nine.edit = [](const std::string& k, torch::Tensor t) {
      return k == "model.diffusion_model.input_blocks.0.0.weight" ? torch::cat({t, t, t.narrow(1, 0, 1)}, 1) : t;
    };
    test::buildSingleFileFromKeyMap(kData / "sd-tiny-xl", tmp_ / "xl-inpaint.safetensors", nine);

    const std::pair<fs::path, sd::SdRefusal> cases[] = {{refiner, sd::SdRefusal::SdxlRefiner},
                                                         {tmp_ / "refiner.safetensors", sd::SdRefusal::SdxlRefiner},
                                                         {tmp_ / "xl-inpaint.safetensors", sd::SdRefusal::SdxlInpainting}};
    for (const auto& [path, refusal] : cases) {
      const auto info = sd::probeStableDiffusion(path.string());
      QVERIFY2(sd::refusalOf(info) == refusal, path.c_str());
      const std::string reason = sd::unsupportedReason(info, path.string());
      QVERIFY(reason.find(refusal == sd::SdRefusal::SdxlRefiner ? "refiner" : "inpainting") != std::string::npos);
      QCOMPARE(loadError(path), reason);
      const auto kind = media::describeSdModel(path.string()).kind;
      QVERIFY(kind == (refusal == sd::SdRefusal::SdxlRefiner ? media::SdModelKind::SdxlRefiner
                                                             : media::SdModelKind::SdxlInpainting));
    }
  }

  void whatIsNotStableDiffusionIsOneSentence_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("needle");
    const auto text = [](const fs::path& p) { return QString::fromStdString(p.string()); };
    QTest::addRow("missing") << text(tmp_ / "absent") << "does not exist";
    QTest::addRow("depth folder") << text(kData / "depth-anything-v2-tiny") << "neither a diffusers model folder";
    QTest::addRow("depth file") << text(kData / "depth-anything-v2-tiny" / "model.safetensors")
                                << "not a single-file Stable Diffusion checkpoint";
    QTest::addRow("pickle") << text(tmp_ / "model.ckpt") << "pickle";
    QTest::addRow("text file") << text(kData / "sd-tiny-xl" / "README.md") << "not a .safetensors file";
  }
  void whatIsNotStableDiffusionIsOneSentence() {
    QFETCH(QString, path);
    QFETCH(QString, needle);
    std::ofstream(tmp_ / "model.ckpt") << "not opened";
    SDS_VERIFY_THROWS(sd::probeStableDiffusion(path.toStdString()), needle.toStdString());
    const media::SdModelSummary s = media::describeSdModel(path.toStdString());
    QVERIFY(!s.readable);
    QVERIFY2(s.problem.find(needle.toStdString()) != std::string::npos, s.problem.c_str());
    QCOMPARE(s.native_size, 0);
  }

 private:
  fs::path tmp_;
};

QTEST_APPLESS_MAIN(TestSdProbe)
#include "test_sd_probe.moc"
