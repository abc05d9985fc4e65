// The render panel's "Inpainting model" fill end to end (issue 18), on a
// 160 x 120 copy of the bundled sample (the tiny model's attention at 512 px
// takes a minute a run) and the tiny inpainting model of tests/data: the preview
// shows the fast fill at once, the model fills the holes on the render worker
// (progress, Cancel), a cancel keeps the fast fill, a text-to-image model
// gives one error line, and the choice is remembered and undoable.
#include <QComboBox>
#include <QImage>
#include <QTemporaryDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include "ui/document/document_controller.h"
#include "ui/render/render_controller.h"
#include "tests/support/studio_test.h"

using namespace sds;
using namespace sds::ui;
using sds::test::kStudioTimeoutMs;
using sds::test::studioTestData;

namespace {

RenderResult resultAt(const QSignalSpy& spy, int i) { return spy.at(i).at(0).value<RenderResult>(); }

bool anyInpainted(const QSignalSpy& spy) {
  for (int i = 0; i < spy.count(); ++i)
    if (resultAt(spy, i).inpainted && !resultAt(spy, i).partial) return true;
  return false;
}

}  // namespace

class TestRenderInpaint : public sds::test::StudioTest {
  Q_OBJECT
  QTemporaryDir dir_;
  QString image_, depth_;

  // The small sample open and its preview rendered.
  std::unique_ptr<MainWindow> windowOnSample() {
    auto w = makeWindow();
    w->openFiles(image_, depth_);
    if (!QTest::qWaitFor([&] { return w->documents().document() && w->documents().document()->hasDepth(); },
                         kStudioTimeoutMs))
      return nullptr;
    if (!QTest::qWaitFor([&] { return !w->renderer().isBusy(); }, kStudioTimeoutMs)) return nullptr;
    return w;
  }

  // The model path typed, then the fill chosen (the render starts).
  static void chooseInpainting(MainWindow& w, const QString& model) {
    auto* edit = w.findChild<QLineEdit*>(QStringLiteral("inpaintModelEdit"));
    edit->setText(model);
    Q_EMIT edit->editingFinished();
    auto* fill = w.findChild<QComboBox*>(QStringLiteral("fillCombo"));
    fill->setCurrentIndex(fill->findText(QStringLiteral("Inpainting model")));
  }

  std::unique_ptr<MainWindow> windowInpainting(const QString& model) {
    auto w = windowOnSample();
    if (w) chooseInpainting(*w, model);
    return w;
  }

  QString statusText(const MainWindow& w) const {
    return w.findChild<QLabel*>(QStringLiteral("renderInfoLabel"))->text();
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    const QString sample = studioTestData() + QStringLiteral("/../../resources/sample/");
    image_ = dir_.filePath(QStringLiteral("image.png"));
    depth_ = dir_.filePath(QStringLiteral("depth.png"));
    for (const auto& [from, to] : {std::pair{sample + QStringLiteral("image.png"), image_},
                                   std::pair{sample + QStringLiteral("depth.png"), depth_}}) {
      const QImage small = QImage(from).scaled(160, 120, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
      QVERIFY(!small.isNull() && small.save(to));
    }
  }
  void init() { resetSettings(); }

  void testTheModelFillsThePreviewsHoles() {
    auto win = windowInpainting(studioTestData() + QStringLiteral("/sd-tiny-inpaint/model"));
    QVERIFY(win);
    auto* field = win->findChild<QWidget*>(QStringLiteral("inpaintModelField"));
    QVERIFY(field->isVisible());  // shown with the fill that needs it
    QSignalSpy spy(&win->renderer(), &RenderController::rendered);
    QSignalSpy running(&win->renderer(), &RenderController::inpaintRunning);
    QSignalSpy progress(&win->renderer(), &RenderController::inpaintProgress);
    QTRY_VERIFY_WITH_TIMEOUT(!win->renderer().isBusy(), kStudioTimeoutMs);
    // The fill change started it: the fast fill first, the model's after.
    if (!anyInpainted(spy)) QFAIL(qPrintable(statusText(*win)));
    QVERIFY(resultAt(spy, 0).partial && !resultAt(spy, 0).inpainted);
    QVERIFY(running.count() >= 2 && running.first().at(0).toBool() && !running.last().at(0).toBool());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toDouble(), 1.0);
    QVERIFY(statusText(*win).contains(QStringLiteral("inpainted")));
    QVERIFY(!win->findChild<QWidget*>(QStringLiteral("inpaintRun"))->isVisible());
    QVERIFY(errors_.isEmpty());

    // Remembered for the next start, and undoable like the other controls.
    QCOMPARE(settings_->value(QStringLiteral("render/fill")).toString(), QStringLiteral("inpaint"));
    QVERIFY(settings_->value(QStringLiteral("render/inpaintModel")).toString().endsWith(QStringLiteral("sd-tiny-inpaint/model")));
    auto* fill = win->findChild<QComboBox*>(QStringLiteral("fillCombo"));
    auto* edit = win->findChild<QLineEdit*>(QStringLiteral("inpaintModelEdit"));
    win->undoStack().undo();
    QVERIFY(fill->currentText() != QStringLiteral("Inpainting model"));
    QVERIFY(!field->isVisible());
    win->undoStack().undo();
    QVERIFY(edit->text().isEmpty());
    win->undoStack().redo();
    win->undoStack().redo();
    QVERIFY(field->isVisible());
    QVERIFY(edit->text().endsWith(QStringLiteral("sd-tiny-inpaint/model")));
  }

  void testCancelKeepsTheFastFill() {
    auto win = windowOnSample();
    QVERIFY(win);
    // Cancel as soon as the model starts: the worker stops at its next step.
    auto* cancel = win->findChild<QPushButton*>(QStringLiteral("inpaintCancelButton"));
    bool cancelled = false, cancel_shown = false;
    connect(&win->renderer(), &RenderController::inpaintRunning, cancel, [&](bool running) {
      if (!running || cancelled) return;
      cancel_shown = cancel->isVisible();
      cancelled = true;
      cancel->click();
    });
    QSignalSpy spy(&win->renderer(), &RenderController::rendered);
    chooseInpainting(*win, studioTestData() + QStringLiteral("/sd-tiny-inpaint/model"));
    QTRY_VERIFY_WITH_TIMEOUT(cancelled && !win->renderer().isBusy(), kStudioTimeoutMs);
    QVERIFY(cancel_shown);
    QVERIFY(statusText(*win).contains(QStringLiteral("cancelled")));
    QVERIFY(!anyInpainted(spy));
    QVERIFY(spy.count() >= 1 && resultAt(spy, spy.count() - 1).partial);  // the fast fill stays shown
    QVERIFY(!win->findChild<QWidget*>(QStringLiteral("inpaintRun"))->isVisible());
    // A display change composes the fast fill again; the model waits for a change.
    const int before = spy.count();
    win->renderer().setFormats(win->renderer().formats());
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() > before && !win->renderer().isBusy(), kStudioTimeoutMs);
    QVERIFY(!resultAt(spy, spy.count() - 1).inpainted);
    QVERIFY(!resultAt(spy, spy.count() - 1).rendered);
  }

  void testADisplayChangeKeepsTheRunningModel() {
    auto win = windowOnSample();
    QVERIFY(win);
    // A preview format changed while the model runs: the model goes on (no
    // restart), and the new display shows its result.
    int starts = 0;
    connect(&win->renderer(), &RenderController::inpaintRunning, this, [&](bool running) {
      if (!running) return;
      if (++starts == 1) win->renderer().setFormats(win->renderer().formats());
    });
    QSignalSpy spy(&win->renderer(), &RenderController::rendered);
    chooseInpainting(*win, studioTestData() + QStringLiteral("/sd-tiny-inpaint/model"));
    QTRY_VERIFY_WITH_TIMEOUT(starts >= 1 && !win->renderer().isBusy(), kStudioTimeoutMs);
    QCOMPARE(starts, 1);
    QVERIFY(spy.count() >= 1);
    QVERIFY(resultAt(spy, spy.count() - 1).inpainted);
    QVERIFY(!statusText(*win).contains(QStringLiteral("cancelled")));
  }

  void testAPlainModelGivesOneErrorLine() {
    auto win = windowInpainting(studioTestData() + QStringLiteral("/sd-tiny-v1/model"));
    QVERIFY(win);
    QTRY_VERIFY_WITH_TIMEOUT(statusText(*win).contains(QStringLiteral("not an inpainting model")), kStudioTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!win->renderer().isBusy(), kStudioTimeoutMs);
    QVERIFY(!statusText(*win).contains(QLatin1Char('\n')));
  }

};

QTEST_MAIN(TestRenderInpaint)
#include "test_render_inpaint.moc"
