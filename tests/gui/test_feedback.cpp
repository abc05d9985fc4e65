// Issue 12's live feedback and comfort checks. The timing arithmetic
// (StepClock) on given times; then the Generate dock during real runs on the
// tiny random models of tests/data (offscreen): the step label advances per
// stage, the time-left estimate appears, the intermediate picture changes, the
// seconds-per-step plot fills, Ctrl+Enter starts and Escape cancels without a
// dialog, keeping what was shown.
#include <QAction>
#include <QComboBox>
#include <cmath>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>
#include <memory>

#include "ui/generate/generation_controller.h"
#include "ui/document/document_controller.h"
#include "ui/generate/generation_dock.h"
#include "ui/generate/generation_feedback.h"
#include "ui/generate/generation_panel.h"
#include "ui/generate/step_clock.h"
#include "ui/main_window.h"
#include "ui/render/viewing_comfort.h"
#include "ui/widgets/comfort_panel.h"
#include "ui/widgets/disparity_plot.h"
#include "ui/results/result_history.h"

#include "tests/support/studio_test.h"

using namespace sds::ui;
using sds::media::GenerationMode;

namespace {

constexpr int kTimeoutMs = sds::test::kStudioTimeoutMs;

GenerationOptions tinyPromptOptions(int steps) { return sds::test::tinyPromptOptions(steps, 2); }

// The disparity (px of an image `width_px` wide) whose angular disparity is
// exactly `deg` on `d`, from the geometry of viewing_comfort.h solved for it.
double disparityAtAngle(double deg, double width_px, const DisplayGeometry& d) {
  const double rad = deg * M_PI / 180.0;
  const double screen = 2.0 * std::atan(kEyeSeparationM / (2.0 * d.distance_m));
  const double parallax_m = 2.0 * d.distance_m * std::tan((screen + rad) / 2.0) - kEyeSeparationM;
  return parallax_m / d.width_m * width_px;
}

DisparityHistogram histogramOf(double lowest_px, double highest_px, double width_px) {
  DisparityHistogram h;
  h.min_px = lowest_px;
  h.bin_width_px = (highest_px - lowest_px) / 4;
  h.counts = {0.25, 0.25, 0.25, 0.25};
  h.lowest_px = lowest_px;
  h.highest_px = highest_px;
  h.image_width_px = width_px;
  return h;
}

sds::Progress at(const char* stage, int step, int total, double overall) {
  return sds::Progress{stage, step, total, overall};
}

}  // namespace

class TestFeedback : public sds::test::StudioTest {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }
  void init() { resetSettings(); }

  // Seconds per step between reports of one stage; the time left from the
  // pace of `overall` since the stage's first report; a new stage keeps the pace.
  void stepClockMeasuresStepsAndTheTimeLeft() {
    StepClock clock;
    clock.start(0.0);
    QVERIFY(!clock.remaining(0.5));
    QVERIFY(!clock.report(at("loading model", 0, 1, 0.0), 0.5));
    QVERIFY(!clock.report(at("left view", 0, 4, 0.0), 1.0));  // loading is not part of the pace
    QVERIFY(!clock.remaining(1.0));
    QCOMPARE(*clock.report(at("left view", 1, 4, 0.1), 2.0), 1.0);
    QCOMPARE(*clock.remaining(2.0), 9.0);  // 0.1 per second, 0.9 to go
    QCOMPARE(*clock.report(at("left view", 3, 4, 0.3), 3.0), 0.5);  // two steps in one second
    QVERIFY(qAbs(*clock.remaining(3.0) - 0.7 / 0.15) < 1e-9);
    QVERIFY(!clock.report(at("right view", 0, 6, 0.4), 4.0));
    QVERIFY(qAbs(*clock.remaining(4.0) - 0.6 / 0.15) < 1e-9);   // the left view's pace, until the right view steps
    QVERIFY(qAbs(*clock.remaining(5.0) - (0.6 / 0.15 - 1.0)) < 1e-9);  // counts down between reports
    QCOMPARE(*clock.remaining(100.0), 0.0);  // never negative
    QCOMPARE(clock.elapsed(5.0), 5.0);
  }

  // The 1-degree rule on a 27-inch monitor at 65 cm: in front of and behind the
  // screen, just inside and just outside; and divergence behind the screen.
  void comfortThresholdIsOneDegree() {
    const DisplayGeometry monitor{0.60, 0.65};
    const double width = 1000;
    const double front = disparityAtAngle(1.0, width, monitor), back = disparityAtAngle(-1.0, width, monitor);
    QVERIFY(front > 18 && front < 20);  // about 11 mm on this screen
    QVERIFY(back < -18 && back > -20);
    QVERIFY(qAbs(pointDepth(front, width, monitor).angle_deg - 1.0) < 1e-9);
    QVERIFY(pointDepth(front * 0.99, width, monitor).comfortable);
    QVERIFY(!pointDepth(front * 1.01, width, monitor).comfortable);
    QVERIFY(pointDepth(back * 0.99, width, monitor).comfortable);
    QVERIFY(!pointDepth(back * 1.01, width, monitor).comfortable);
    QVERIFY(pointDepth(front, width, monitor).parallax_mm > 0);  // in front = crossed = positive
    QVERIFY(viewingComfort(front * 0.99, back * 0.99, width, monitor).comfortable);
    QVERIFY(!viewingComfort(front * 0.99, back * 1.01, width, monitor).comfortable);
    // Behind the screen by more than the eyes' 63 mm: divergence, whatever the angle.
    const DisplayGeometry cinema{20.0, 60.0};
    const double diverging = -(kEyeSeparationM * 1.05) / cinema.width_m * width;
    QVERIFY(pointDepth(diverging, width, cinema).diverges);
    QVERIFY(!pointDepth(diverging, width, cinema).comfortable);
    QVERIFY(!pointDepth(-(kEyeSeparationM * 0.95) / cinema.width_m * width, width, cinema).diverges);
  }

  // The same pair is comfortable on a phone and too deep on a 3D TV; the
  // warning follows the chosen display.
  void comfortWarningFollowsTheDisplay() {
    DisparityPlot plot;
    ComfortPanel* comfort = plot.comfort();
    QVERIFY(!comfort->warningShown());  // no pair yet
    plot.setHistogram(histogramOf(-8, 20, 1000));  // 2 % of the width in front, 0.8 % behind
    QComboBox* display = comfort->displayCombo();
    QCOMPARE(display->count(), 4);
    display->setCurrentIndex(0);  // phone: 20 px = 2.8 mm at 35 cm, about 0.45 degrees
    QVERIFY(!comfort->warningShown());
    QVERIFY2(comfort->nearText().contains(QStringLiteral("in front")), qPrintable(comfort->nearText()));
    QVERIFY2(comfort->farText().contains(QStringLiteral("behind")), qPrintable(comfort->farText()));
    display->setCurrentIndex(2);  // 3D TV: 20 px = 24 mm at 2.5 m, about 0.55 degrees; still fine
    QVERIFY(!comfort->warningShown());
    plot.setHistogram(histogramOf(-8, 60, 1000));  // 6 %: 73 mm at 2.5 m, about 1.6 degrees
    QVERIFY(comfort->warningShown());
    display->setCurrentIndex(0);  // on the phone: 8.4 mm at 35 cm, about 1.3 degrees
    QVERIFY(comfort->warningShown());
    plot.setHistogram(histogramOf(-8, 30, 1000));
    QVERIFY(!comfort->warningShown());
    plot.clear();
    QVERIFY(!comfort->warningShown());
    // The y axis is numbered.
    QVERIFY(plot.plot()->yAxis->tickLabels());
  }

  void aRunShowsStepsTimeLeftPicturesAndThePlot() {
    auto w = makeWindow();
    GenerationDock* dock = w->generationDock();
    GenerationFeedback* feedback = dock->feedback();
    QVERIFY(dock->isVisible());
    QVERIFY(!feedback->isVisible());  // nothing to show before the first run
    QStringList steps, times;
    QList<QImage> pictures;
    // Connected after the dock's own connection: the labels are already updated.
    connect(&dock->controller(), &GenerationController::stepped, this, [&](const sds::Progress&) {
      if (steps.isEmpty() || steps.last() != feedback->stepText()) steps << feedback->stepText();
      times << feedback->timeText();
    });
    connect(&dock->controller(), &GenerationController::previewed, this,
            [&](const QImage&) { pictures << feedback->preview(); });
    QSignalSpy generated(dock, &GenerationDock::generated);
    dock->panel()->setOptions(tinyPromptOptions(20));
    w->findChild<QPushButton*>(QStringLiteral("generateButton"))->click();
    QVERIFY(feedback->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(generated.count() == 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dock->controller().isBusy(), kTimeoutMs);

    // Every step of each stage, in order (pass 2 runs after the shift step 2: 17 steps).
    for (int i = 1; i <= 20; ++i) {
      const int at_index = steps.indexOf(QStringLiteral("Left view: step %1 of 20").arg(i));
      QVERIFY2(at_index >= 0, qPrintable(steps.join(QLatin1String(" | "))));
      if (i > 1) QVERIFY(at_index > steps.indexOf(QStringLiteral("Left view: step %1 of 20").arg(i - 1)));
    }
    QVERIFY(steps.contains(QStringLiteral("Depth…")));
    QVERIFY(steps.contains(QStringLiteral("Right view: step 17 of 17")));
    QVERIFY(steps.indexOf(QStringLiteral("Right view: step 17 of 17")) >
            steps.indexOf(QStringLiteral("Left view: step 20 of 20")));
    // The estimate appears once a stage has stepped twice.
    QVERIFY(!times.filter(QStringLiteral(" left")).filter(QStringLiteral("about")).isEmpty());
    QVERIFY(times.first().contains(QStringLiteral("Elapsed")));
    QVERIFY(feedback->timeText().startsWith(QStringLiteral("Took")));
    QCOMPARE(feedback->stepText(), QStringLiteral("Finished"));  // not the last stage ("Decoding…")
    // A picture every 2 steps (20 / 10) over 20 + 17 steps, and they change.
    QCOMPARE(pictures.size(), 19);
    QCOMPARE(pictures.first().size(), QSize(8, 8));  // latent size of a 64 x 64 image
    int changes = 0;
    for (int i = 1; i < pictures.size(); ++i) changes += pictures[i] != pictures[i - 1] ? 1 : 0;
    QVERIFY2(changes >= pictures.size() / 2, qPrintable(QString::number(changes)));
    // One point per step of the denoising stages.
    QCOMPARE(feedback->plottedSteps(), 20 + 17);
    QVERIFY(errors_.isEmpty());
  }

  // Photo to stereo: the intermediate picture also comes during the inversion
  // (the photo going to noise) and the null-text stage (coming back).
  void photoRunShowsPicturesDuringTheInversion() {
    auto w = makeWindow();
    QSignalSpy opened(&w->documents(), &DocumentController::documentChanged);
    w->openFiles(sds::test::studioTestData() + QStringLiteral("/../../resources/sample/image.png"),
                 sds::test::studioTestData() + QStringLiteral("/../../resources/sample/depth.png"));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() >= 1 && w->documents().document()->sources, kTimeoutMs);
    GenerationDock* dock = w->generationDock();
    std::string stage;
    QMap<QString, int> pictures;  // per stage
    connect(&dock->controller(), &GenerationController::stepped, this,
            [&](const sds::Progress& p) { stage = p.stage; });
    connect(&dock->controller(), &GenerationController::previewed, this,
            [&](const QImage&) { ++pictures[QString::fromStdString(stage)]; });
    GenerationOptions o = tinyPromptOptions(4);
    o.mode = GenerationMode::Photo;
    o.inversion = sds::inversion::InversionMode::NullText;
    o.working_size = 64;
    o.use_open_depth = true;
    dock->panel()->setOptions(o);
    QSignalSpy generated(dock, &GenerationDock::generated);
    w->findChild<QPushButton*>(QStringLiteral("generateButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(generated.count() == 1, kTimeoutMs);
    QVERIFY2(errors_.isEmpty(), qPrintable(errors_.join(QLatin1Char('\n'))));
    const auto shown = [&] {
      QStringList all;
      for (auto it = pictures.cbegin(); it != pictures.cend(); ++it)
        all << QStringLiteral("%1: %2").arg(it.key()).arg(*it);
      return all.join(QLatin1String(", "));
    };
    // One picture per step (4 steps: every step) in each inversion stage.
    QVERIFY2(pictures.value(QStringLiteral("inversion")) == 4, qPrintable(shown()));
    QVERIFY2(pictures.value(QStringLiteral("null-text")) == 4, qPrintable(shown()));
  }

  void ctrlEnterStartsAndEscapeCancelsWithoutADialog() {
    auto w = makeWindow();
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    GenerationDock* dock = w->generationDock();
    GenerationController& controller = dock->controller();
    QSignalSpy stepped(&controller, &GenerationController::stepped);
    QSignalSpy previewed(&controller, &GenerationController::previewed);
    QSignalSpy cancelled(&controller, &GenerationController::cancelled);
    QVERIFY(!dock->cancelAction()->isEnabled());  // Escape is free while nothing runs
    dock->panel()->setOptions(tinyPromptOptions(600));  // long enough to be stopped in the middle
    QTest::keyClick(w.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(controller.isBusy());
    QVERIFY(dock->cancelAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(previewed.count() >= 1 && stepped.count() >= 3, kTimeoutMs);
    QTest::keyClick(w.get(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), kTimeoutMs);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY2(errors_.isEmpty(), qPrintable(errors_.join(QLatin1Char('\n'))));  // no dialog
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("renderInfoLabel"))->text().contains(QStringLiteral("cancelled")));
    QCOMPARE(w->history().count(), 0);
    // What was shown stays: the last picture, the plot and the step reached.
    QVERIFY(!dock->feedback()->preview().isNull());
    QVERIFY(dock->feedback()->plottedSteps() >= 1);
    QVERIFY(dock->feedback()->stepText().contains(QStringLiteral("of 600")));
    QVERIFY(!dock->cancelAction()->isEnabled());
  }
};

QTEST_MAIN(TestFeedback)
#include "test_feedback.moc"
