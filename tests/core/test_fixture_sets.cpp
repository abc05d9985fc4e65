// End to end: `verify-fixtures` over the copies of the reference sets in
// tests/data. The SD sets ship without their 9 MB single-file checkpoints; the
// test rebuilds each one from the set's model_key_map.json into a temporary
// copy, so both weight layouts run. A set passes only with no FAIL and no SKIP
// (tokenize_ftfy included): a SKIP is unfinished work.
#include <torch/torch.h>

#include <QtTest/QtTest>
#include <filesystem>
#include <regex>
#include <sstream>

#include "core/verify/run_precision.h"
#include "core/verify/runner.h"
#include "tests/support/single_file_from_key_map.h"

namespace fs = std::filesystem;

namespace {

struct SetRun {
  int status = 0;
  std::string log;
};

SetRun runSet(const fs::path& dir) {
  std::ostringstream out;
  SetRun r;
  r.status = sds::verify::runFixtureSet(dir, out);
  r.log = out.str();
  return r;
}

// Copies an SD set to `dst` and adds model.safetensors built from the key map.
void prepareSdSet(const fs::path& src, const fs::path& dst) {
  fs::copy(src, dst, fs::copy_options::recursive);
  sds::test::buildSingleFileFromKeyMap(dst, dst / "model.safetensors");
}

void expectClean(const SetRun& r, int min_passed) {
  const std::string last = r.log.substr(r.log.rfind('\n', r.log.size() - 2) + 1);
  std::smatch m;
  const std::regex summary(R"((\d+) passed, (\d+) failed, (\d+) skipped)");
  QVERIFY2(std::regex_search(last, m, summary), r.log.c_str());
  QVERIFY2(std::stoi(m[2]) == 0 && std::stoi(m[3]) == 0, r.log.c_str());
  QVERIFY2(std::stoi(m[1]) >= min_passed, r.log.c_str());
  QCOMPARE(r.status, 0);
}

}  // namespace

class TestFixtureSets : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void sdTinyV1() {
    QTemporaryDir tmp;
    const fs::path dst = fs::path(tmp.path().toStdString()) / "sd-tiny-v1";
    prepareSdSet(fs::path(SDSTEREO_TEST_DATA) / "sd-tiny-v1", dst);
    expectClean(runSet(dst), 20);
  }
  void sdTinyV2() {
    QTemporaryDir tmp;
    const fs::path dst = fs::path(tmp.path().toStdString()) / "sd-tiny-v2";
    prepareSdSet(fs::path(SDSTEREO_TEST_DATA) / "sd-tiny-v2", dst);
    expectClean(runSet(dst), 18);
  }
  void sdTinyInpaint() {
    QTemporaryDir tmp;
    const fs::path dst = fs::path(tmp.path().toStdString()) / "sd-tiny-inpaint";
    prepareSdSet(fs::path(SDSTEREO_TEST_DATA) / "sd-tiny-inpaint", dst);
    expectClean(runSet(dst), 10);  // 5 cases x 2 layouts
  }
  // The small SDXL copy: tokenize_2, text_encoder_2, unet, txt2img_zero_negative and
  // txt2stereo_uni, the model cases in both layouts.
  void sdTinyXl() {
    QTemporaryDir tmp;
    const fs::path dst = fs::path(tmp.path().toStdString()) / "sd-tiny-xl";
    prepareSdSet(fs::path(SDSTEREO_TEST_DATA) / "sd-tiny-xl", dst);
    expectClean(runSet(dst), 9);
  }
  // verify-fixtures --dtype bfloat16: every network case within the scaled
  // tolerance (run_precision.h), the rest unchanged.
  void sdTinyV1InBfloat16() {
    QTemporaryDir tmp;
    const fs::path dst = fs::path(tmp.path().toStdString()) / "sd-tiny-v1";
    prepareSdSet(fs::path(SDSTEREO_TEST_DATA) / "sd-tiny-v1", dst);
    sds::verify::setRunPrecision(sds::Precision::BFloat16);
    const SetRun r = runSet(dst);
    sds::verify::setRunPrecision(sds::Precision::Float32);
    QVERIFY2(r.status == 0, r.log.c_str());
    for (const char* kase : {"PASS unet@diffusers", "PASS vae_decode@diffusers", "PASS txt2img@diffusers",
                             "PASS txt2stereo_bi@diffusers", "PASS ddim_inversion@diffusers"})
      QVERIFY2(r.log.find(kase) != std::string::npos, r.log.c_str());
  }
  void stereoOps() { expectClean(runSet(fs::path(SDSTEREO_TEST_DATA) / "stereo-ops"), 20); }
  void depthAnything() { expectClean(runSet(fs::path(SDSTEREO_TEST_DATA) / "depth-anything-v2-tiny"), 5); }

  // The runner's own contract: an unreadable set is a failure, not a pass.
  void rejectsFolderWithoutCases() {
    QTemporaryDir tmp;
    const SetRun r = runSet(tmp.path().toStdString());
    QVERIFY(r.status != 0);
    QVERIFY(r.log.find("FAIL") != std::string::npos);
  }
  void rejectsUnknownLayout() {
    QTemporaryDir tmp;
    std::ofstream(fs::path(tmp.path().toStdString()) / "cases.json") << R"({"something": 1})";
    const SetRun r = runSet(tmp.path().toStdString());
    QVERIFY(r.status != 0);
  }
};

QTEST_GUILESS_MAIN(TestFixtureSets)
#include "test_fixture_sets.moc"
