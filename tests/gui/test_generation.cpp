// The Generate dock in the real studio window under the offscreen platform,
// on the tiny random Stable Diffusion and Depth Anything V2 models of
// tests/data: a prompt becomes the open document (previews show the pair),
// a photo with its depth map becomes a full-resolution pair, Cancel keeps the
// previous document, and bad inputs are reported through the error presenter.
#include <QAction>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>
#include <algorithm>
#include <memory>

#include <opencv2/core.hpp>

#include "ui/document/document_controller.h"
#include "ui/generate/generation_controller.h"
#include "ui/generate/generation_dock.h"
#include "ui/generate/generation_panel.h"
#include "ui/generate/generation_settings.h"
#include "ui/main_window.h"
#include "ui/render/render_controller.h"
#include "ui/widgets/image_view.h"
#include "ui/widgets/preview_tabs.h"

using namespace sds::ui;
using sds::media::GenerationMode;
using sds::media::InversionChoice;

namespace {

constexpr int kTimeoutMs = 120000;
const QString kData = QStringLiteral(SDSTEREO_TEST_DATA);
const QString kSampleImage = kData + QStringLiteral("/../../resources/sample/image.png");
const QString kSampleDepth = kData + QStringLiteral("/../../resources/sample/depth.png");

// The tiny models, a 64 x 64 prompt run of 4 steps.
GenerationOptions tinyPromptOptions() {
  GenerationOptions o;
  o.sd_model = kData + QStringLiteral("/sd-tiny-v1/model");
  o.depth_model = kData + QStringLiteral("/depth-anything-v2-tiny");
  o.device = QStringLiteral("cpu");
  o.mode = GenerationMode::Prompt;
  o.prompt = QStringLiteral("a red cube on a table");
  o.steps = 4;
  o.guidance = 5;
  o.seed = 7;
  o.width = 64;
  o.height = 64;
  o.shift_step = 1;
  o.mask_interval = 2;
  return o;
}

// The open photo at working size 64, fast inversion, 3 steps.
GenerationOptions tinyPhotoOptions() {
  GenerationOptions o = tinyPromptOptions();
  o.mode = GenerationMode::Photo;
  o.prompt.clear();
  o.steps = 3;
  o.inversion = InversionChoice::Fast;
  o.working_size = 64;
  o.use_open_depth = true;
  o.mask_interval = 1;
  return o;
}

double largest(const QSignalSpy& progress) {
  double most = -1;
  for (const auto& args : progress) most = std::max(most, args.at(0).toDouble());
  return most;
}

}  // namespace

class TestGeneration : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<QSettings> settings_;
  QStringList errors_;

  std::unique_ptr<MainWindow> makeWindow() {
    auto w = std::make_unique<MainWindow>(*settings_);
    w->setErrorPresenter([this](const QString& message) { errors_ << message; });
    w->show();
    return w;
  }

  static void clickGenerate(MainWindow& w, const GenerationOptions& options) {
    w.generationDock()->panel()->setOptions(options);
    auto* button = w.findChild<QPushButton*>(QStringLiteral("generateButton"));
    QVERIFY(button && button->isEnabled());
    button->click();
  }

  // Opens the bundled sample and waits until it is the document.
  static void openSample(MainWindow& w) {
    QSignalSpy changed(&w.documents(), &DocumentController::documentChanged);
    w.openFiles(kSampleImage, kSampleDepth);
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1 && w.documents().document()->sources, kTimeoutMs);
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void init() {
    settings_.reset();
    QFile::remove(dir_.filePath(QStringLiteral("studio.ini")));
    settings_ = std::make_unique<QSettings>(dir_.filePath(QStringLiteral("studio.ini")), QSettings::IniFormat);
    errors_.clear();
  }

  void theMenuShowsTheDock() {
    auto w = makeWindow();
    auto* action = w->findChild<QAction*>(QStringLiteral("actionGenerate"));
    QVERIFY(action);
    QVERIFY(!w->generationDock()->isVisible());
    action->trigger();
    QVERIFY(w->generationDock()->isVisible());
  }

  void promptBecomesTheOpenPair() {
    auto w = makeWindow();
    QSignalSpy progress(&w->generationDock()->controller(), &GenerationController::progressed);
    QSignalSpy changed(&w->documents(), &DocumentController::documentChanged);
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    clickGenerate(*w, tinyPromptOptions());
    QVERIFY(w->generationDock()->controller().isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, kTimeoutMs);
    QVERIFY2(errors_.isEmpty(), qPrintable(errors_.join(QLatin1Char('\n'))));

    const SharedDocument doc = w->documents().document();
    QVERIFY(doc && doc->isFinishedPair() && doc->sources);
    QCOMPARE(doc->image.size(), cv::Size(64, 64));
    QCOMPARE(doc->right.size(), cv::Size(64, 64));
    QCOMPARE(doc->image.type(), CV_8UC3);
    QCOMPARE(doc->right.type(), CV_8UC3);
    QCOMPARE(doc->depth.type(), CV_32FC1);
    QCOMPARE(doc->depth.size(), cv::Size(64, 64));
    QVERIFY(doc->params_json.contains(QStringLiteral("a red cube on a table")));
    QTRY_VERIFY_WITH_TIMEOUT(!w->generationDock()->controller().isBusy(), kTimeoutMs);
    QCOMPARE(largest(progress), 1.0);

    // The previews compose the given pair: side by side is both 64 px views.
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(w->previews()->view(PreviewTabs::SideBySideTab)->image().size(), QSize(128, 64),
                              kTimeoutMs);
    QVERIFY(w->findChild<QAction*>(QStringLiteral("actionExport"))->isEnabled());
    // The choices are remembered for the next start.
    QCOMPARE(loadGenerationOptions(*settings_).prompt, QStringLiteral("a red cube on a table"));
  }

  void photoWithItsDepthBecomesAFullResolutionPair() {
    auto w = makeWindow();
    openSample(*w);
    const cv::Mat photo = w->documents().document()->image.clone();
    QSignalSpy changed(&w->documents(), &DocumentController::documentChanged);
    clickGenerate(*w, tinyPhotoOptions());
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, kTimeoutMs);
    QVERIFY2(errors_.isEmpty(), qPrintable(errors_.join(QLatin1Char('\n'))));
    const SharedDocument doc = w->documents().document();
    QVERIFY(doc->isFinishedPair());
    QCOMPARE(doc->image.size(), photo.size());  // the photo's own 512 x 384, not the working size
    QCOMPARE(doc->right.size(), photo.size());
    QCOMPARE(doc->depth.size(), photo.size());
    QVERIFY(cv::norm(doc->image, photo, cv::NORM_INF) <= 1.0);  // the left view is the photo
    QVERIFY(doc->params_json.contains(QStringLiteral("img2stereo")));
    // The histogram shows the disparity the pair was made with (the sample's spans many pixels).
    QVERIFY(!doc->sources->disparity_px.empty());
    auto* plot = w->findChild<QCustomPlot*>(QStringLiteral("disparityPlot"));
    QVERIFY(plot);
    QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QCPBars*>(plot->plottable(0))->data()->size() > 1, kTimeoutMs);
  }

  void cancelKeepsThePreviousDocument() {
    auto w = makeWindow();
    openSample(*w);
    const SharedDocument before = w->documents().document();
    GenerationController& controller = w->generationDock()->controller();
    QSignalSpy progress(&controller, &GenerationController::progressed);
    QSignalSpy cancelled(&controller, &GenerationController::cancelled);
    GenerationOptions o = tinyPromptOptions();
    o.steps = 600;  // long enough to be stopped in the middle
    clickGenerate(*w, o);
    QTRY_VERIFY_WITH_TIMEOUT(largest(progress) > 0.0, kTimeoutMs);  // denoising has begun
    auto* cancel = w->findChild<QPushButton*>(QStringLiteral("generateCancelButton"));
    QVERIFY(cancel && cancel->isEnabled());
    cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), kTimeoutMs);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(largest(progress) < 1.0);
    QCOMPARE(errors_.size(), 1);
    QVERIFY(errors_.first().contains(QStringLiteral("cancelled")));
    QVERIFY(w->documents().document() == before);
    QVERIFY(w->findChild<QPushButton*>(QStringLiteral("generateButton"))->isEnabled());
  }

  void badModelPathIsReported() {
    auto w = makeWindow();
    GenerationOptions o = tinyPromptOptions();
    o.sd_model = dir_.filePath(QStringLiteral("no_such_model"));
    clickGenerate(*w, o);
    QTRY_COMPARE_WITH_TIMEOUT(errors_.size(), 1, kTimeoutMs);
    QVERIFY2(errors_.first().contains(QStringLiteral("no_such_model")), qPrintable(errors_.first()));
    QVERIFY(!w->documents().document());
    QTRY_VERIFY_WITH_TIMEOUT(!w->generationDock()->controller().isBusy(), kTimeoutMs);
  }

  void photoModeWithoutAPhotoIsReported() {
    auto w = makeWindow();
    clickGenerate(*w, tinyPhotoOptions());
    QCOMPARE(errors_.size(), 1);  // told at once, nothing started
    QVERIFY(errors_.first().contains(QStringLiteral("photo")));
    QVERIFY(!w->generationDock()->controller().isBusy());
  }
};

QTEST_MAIN(TestGeneration)
#include "test_generation.moc"
