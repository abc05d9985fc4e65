// Stable Diffusion XL in the studio (issue 17), in the real window under the
// offscreen platform: the Generate dock says which family a model path holds
// as soon as it is typed (without loading it), follows the family's native
// size until the user types one and never replaces a typed size, names the
// models it cannot use, and makes an SDXL pair on the tiny model of tests/data.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

#include <opencv2/core.hpp>

#include "ui/generate/generation_controller.h"
#include "ui/generate/generation_dock.h"
#include "ui/generate/generation_panel.h"
#include "ui/generate/generation_settings.h"
#include "ui/main_window.h"
#include "ui/results/result_history.h"

#include "tests/support/studio_test.h"

using namespace sds::ui;

namespace {

constexpr int kTimeoutMs = sds::test::kStudioTimeoutMs;
const QString kData = sds::test::studioTestData();
const QString kXl = kData + QStringLiteral("/sd-tiny-xl/model");
const QString kV1 = kData + QStringLiteral("/sd-tiny-v1/model");

// Copies `from` (a folder) to `to`, following links.
bool copyFolder(const QString& from, const QString& to) {
  QDir().mkpath(to);
  for (const QFileInfo& entry : QDir(from).entryInfoList(QDir::NoDotAndDotDot | QDir::AllEntries)) {
    const QString target = to + QLatin1Char('/') + entry.fileName();
    if (entry.isDir() ? !copyFolder(entry.filePath(), target) : !QFile::copy(entry.filePath(), target)) return false;
  }
  return true;
}

}  // namespace

class TestSdxlStudio : public sds::test::StudioTest {
  Q_OBJECT

 private:
  QLineEdit* modelEdit(MainWindow& w) { return w.findChild<QLineEdit*>(QStringLiteral("generateModelEdit")); }
  QLabel* note(MainWindow& w) { return w.findChild<QLabel*>(QStringLiteral("generateModelNote")); }
  QSpinBox* spin(MainWindow& w, const char* name) { return w.findChild<QSpinBox*>(QLatin1String(name)); }

  // Types `path` as a user would (the field's text, then Enter).
  void typePath(MainWindow& w, const QString& path) {
    QLineEdit* edit = modelEdit(w);
    edit->clear();
    QTest::keyClicks(edit, path);
    QTest::keyClick(edit, Qt::Key_Return);
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }
  void init() { resetSettings(); }

  void typedPathShowsTheFamilyAndItsNativeSize() {
    auto w = makeWindow();
    QVERIFY(modelEdit(*w) && note(*w));
    typePath(*w, kXl);
    QTRY_COMPARE_WITH_TIMEOUT(note(*w)->text().section(QLatin1Char('\n'), 0, 0),
                              QStringLiteral("SDXL · diffusers folder · text-to-image · native 1024 px"), kTimeoutMs);
    // A first start follows the model: SDXL's 1024 px, said in the note.
    QCOMPARE(spin(*w, "generateWidthSpin")->value(), 1024);
    QCOMPARE(spin(*w, "generateHeightSpin")->value(), 1024);
    QVERIFY2(note(*w)->text().contains(QStringLiteral("1024 × 1024")), qPrintable(note(*w)->text()));
    typePath(*w, kV1);
    QTRY_VERIFY_WITH_TIMEOUT(note(*w)->text().startsWith(QStringLiteral("SD 1.x · diffusers folder")), kTimeoutMs);
    QCOMPARE(spin(*w, "generateWidthSpin")->value(), 512);
    QCOMPARE(spin(*w, "generateHeightSpin")->value(), 512);
  }

  void aTypedSizeIsKeptAndSaidSo() {
    auto w = makeWindow();
    typePath(*w, kV1);
    QTRY_VERIFY_WITH_TIMEOUT(note(*w)->text().startsWith(QStringLiteral("SD 1.x")), kTimeoutMs);
    QSpinBox* width = spin(*w, "generateWidthSpin");
    width->clear();
    QTest::keyClicks(width, QStringLiteral("640"));
    QTest::keyClick(width, Qt::Key_Return);
    QCOMPARE(width->value(), 640);
    typePath(*w, kXl);
    QTRY_VERIFY_WITH_TIMEOUT(note(*w)->text().startsWith(QStringLiteral("SDXL")), kTimeoutMs);
    QCOMPARE(width->value(), 640);
    QCOMPARE(spin(*w, "generateHeightSpin")->value(), 512);
    QVERIFY2(note(*w)->text().contains(QStringLiteral("640 × 512 px as you set it")), qPrintable(note(*w)->text()));
    QVERIFY(!w->generationDock()->panel()->options().size_from_model);
    // Native brings the model's size back, and it follows the model again.
    auto* native = w->findChild<QToolButton*>(QStringLiteral("generateNativeSizeButton"));
    QVERIFY(native && native->isEnabled());
    native->click();
    QCOMPARE(width->value(), 1024);
    QCOMPARE(spin(*w, "generateHeightSpin")->value(), 1024);
    QVERIFY(w->generationDock()->panel()->options().size_from_model);
  }

  void modelsThatCannotMakePairsAreNamed() {
    const QString refiner = dir_.filePath(QStringLiteral("refiner"));
    QVERIFY(copyFolder(kXl, refiner));
    QFile index(refiner + QStringLiteral("/model_index.json"));
    QVERIFY(index.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(index.readAll()).object();
    index.close();
    json[QStringLiteral("requires_aesthetics_score")] = true;
    QVERIFY(index.open(QIODevice::WriteOnly | QIODevice::Truncate));
    index.write(QJsonDocument(json).toJson());
    index.close();

    auto w = makeWindow();
    const int width = spin(*w, "generateWidthSpin")->value();
    const std::pair<QString, QString> cases[] = {
        {refiner, QStringLiteral("An SDXL refiner: not supported")},
        {kData + QStringLiteral("/sd-tiny-inpaint/model"), QStringLiteral("An inpainting checkpoint")},
        {kData + QStringLiteral("/depth-anything-v2-tiny"), QStringLiteral("Not a usable Stable Diffusion model")},
        {dir_.filePath(QStringLiteral("no_such_model")), QStringLiteral("does not exist")},
    };
    for (const auto& [path, expected] : cases) {
      typePath(*w, path);
      QTRY_VERIFY2_WITH_TIMEOUT(note(*w)->text().contains(expected), qPrintable(note(*w)->text()), kTimeoutMs);
      QVERIFY(!w->findChild<QToolButton*>(QStringLiteral("generateNativeSizeButton"))->isEnabled());
    }
    QCOMPARE(spin(*w, "generateWidthSpin")->value(), width);  // nothing to follow
    QVERIFY(errors_.isEmpty());  // a note, not an error box
  }

  // The studio makes an SDXL pair on the tiny model, the dock naming the family.
  void studioMakesAnSdxlPair() {
    auto w = makeWindow();
    GenerationOptions o = sds::test::tinyPromptOptions(4, 1);
    o.sd_model = kXl;
    o.width = 128;
    o.height = 64;
    w->generationDock()->panel()->setOptions(o);
    QTRY_VERIFY_WITH_TIMEOUT(note(*w)->text().startsWith(QStringLiteral("SDXL · diffusers folder")), kTimeoutMs);
    QCOMPARE(spin(*w, "generateWidthSpin")->value(), 128);  // set by the caller: kept
    QSignalSpy added(&w->history(), &ResultHistory::inserted);
    w->findChild<QPushButton*>(QStringLiteral("generateButton"))->click();
    QTRY_VERIFY2_WITH_TIMEOUT(added.count() >= 1, qPrintable(errors_.join(QLatin1Char('\n'))), kTimeoutMs);
    QVERIFY2(errors_.isEmpty(), qPrintable(errors_.join(QLatin1Char('\n'))));
    const SharedResult r = w->history().shown();
    QVERIFY(r);
    QCOMPARE(r->left.size(), cv::Size(128, 64));
    QCOMPARE(r->right.size(), cv::Size(128, 64));
    QVERIFY(r->params_json.contains(QStringLiteral("sd-tiny-xl")));
    QTRY_VERIFY_WITH_TIMEOUT(!w->generationDock()->controller().isBusy(), kTimeoutMs);
    QVERIFY(cv::norm(r->left, r->right, cv::NORM_L1) > 0);  // the right view is its own
  }
};

QTEST_MAIN(TestSdxlStudio)
#include "test_sdxl_studio.moc"
