// Issue 11's workflow defects that need no Stable Diffusion, each test named
// for its defect, driving the real studio window under the offscreen
// platform. Questions are answered through the window's Asker seam (no box
// pops up); the tiny Depth Anything model of tests/data estimates depth.
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ui/common/action_messages.h"
#include "ui/depth/depth_estimate_controller.h"
#include "ui/document/document_controller.h"
#include "ui/export/export_controller.h"
#include "ui/export/export_dialog.h"
#include "ui/generate/generation_dock.h"
#include "ui/generate/generation_panel.h"
#include "ui/generate/generation_settings.h"
#include "ui/main_window.h"
#include "ui/render/render_controller.h"

#include "tests/support/studio_test.h"

using namespace sds::ui;

namespace {

constexpr int kTimeoutMs = 60000;
const QString kData = QStringLiteral(SDSTEREO_TEST_DATA);

cv::Mat texture(int w, int h, int seed) {
  cv::Mat image(h, w, CV_8UC3);
  cv::randu(image, cv::Scalar::all(seed), cv::Scalar::all(200 + seed));
  return image;
}

cv::Mat disc(int w, int h) {
  cv::Mat depth(h, w, CV_8UC1, cv::Scalar(40));
  cv::circle(depth, {w / 2, h / 2}, std::min(w, h) / 3, cv::Scalar(230), cv::FILLED);
  return depth;
}

}  // namespace

class TestWorkflow : public sds::test::StudioTest {
  Q_OBJECT

 private:
  QStringList asked_;   // the names of the questions asked, in order
  QList<int> answers_;  // the answers to give, in order (the question's escape when none is left)

  std::unique_ptr<MainWindow> makeWindow() {
    return StudioTest::makeWindow([this](MainWindow& w) {
      w.setAsker([this](const Question& q, Answer answer) {
        asked_ << q.name;
        answer(answers_.isEmpty() ? q.escape : answers_.takeFirst());
      });
    });
  }

  void waitForDocument(MainWindow& w, QSignalSpy& changed) {
    QTRY_VERIFY2_WITH_TIMEOUT(changed.count() >= 1, qPrintable(errors_.join(QLatin1Char('\n'))), kTimeoutMs);
    changed.clear();
  }

  // The open one (an accepted dialog is deleted later, so there may be two).
  static ExportDialog* visibleExportDialog(MainWindow& w) {
    for (ExportDialog* d : w.findChildren<ExportDialog*>(QStringLiteral("exportDialog")))
      if (d->isVisible()) return d;
    return nullptr;
  }

  static QString status(MainWindow& w) { return w.findChild<QLabel*>(QStringLiteral("renderInfoLabel"))->text(); }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(cv::imwrite(path(QStringLiteral("a.png")).toStdString(), texture(96, 64, 10)));
    QVERIFY(cv::imwrite(path(QStringLiteral("a_depth.png")).toStdString(), disc(96, 64)));
    QVERIFY(cv::imwrite(path(QStringLiteral("b.png")).toStdString(), texture(128, 96, 30)));  // 4:3
    QVERIFY(cv::imwrite(path(QStringLiteral("tall_depth.png")).toStdString(), disc(30, 90)));
  }

  void init() {
    resetSettings();
    asked_.clear();
    answers_.clear();
  }

  // Defect 1: a new photo kept the previous photo's depth map, squashed to its shape.
  void defect1_openingAnotherPhotoClearsTheOldDepth() {
    auto w = makeWindow();
    QSignalSpy changed(&w->documents(), &DocumentController::documentChanged);
    w->openFiles(path(QStringLiteral("a.png")), path(QStringLiteral("a_depth.png")));
    waitForDocument(*w, changed);
    QVERIFY(w->documents().document()->sources);
    w->openFiles(path(QStringLiteral("b.png")), QString());
    waitForDocument(*w, changed);
    const SharedDocument doc = w->documents().document();
    QCOMPARE(doc->image.cols, 128);
    QVERIFY(!doc->hasDepth());
    QVERIFY(doc->user_depth.empty());
    QVERIFY(!doc->sources);
    QVERIFY(asked_.isEmpty());
    QVERIFY(!w->findChild<QAction*>(QStringLiteral("actionExport"))->isEnabled());
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("sourceInfoLabel"))->text().contains(QStringLiteral("no depth map")));
  }

  // Defect 1, the other choice: with the setting on, an opened photo gets its depth estimated.
  void defect1_openingAPhotoEstimatesItsDepthWhenSet() {
    auto w = makeWindow();
    GenerationOptions o = w->generationDock()->panel()->options();
    o.depth_model = kData + QStringLiteral("/depth-anything-v2-tiny");
    o.device = QStringLiteral("cpu");
    w->generationDock()->panel()->setOptions(o);
    auto* on_open = w->findChild<QAction*>(QStringLiteral("actionEstimateOnOpen"));
    QVERIFY(on_open && on_open->isCheckable());
    on_open->setChecked(true);
    w->openFiles(path(QStringLiteral("b.png")), QString());
    QTRY_VERIFY_WITH_TIMEOUT(w->documents().document() &&
                                 w->documents().document()->active == DepthOrigin::Estimated,
                             kTimeoutMs);
    QCOMPARE(w->documents().document()->estimated_depth.values.size(), cv::Size(128, 96));
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("sourceInfoLabel"))->text().contains(QStringLiteral("estimated by")));
    QVERIFY(settings_->value(QStringLiteral("depth/estimateOnOpen")).toBool());
  }

  // Defect 1: a depth map of another aspect was stretched without a word.
  void defect1_depthOfAnotherAspectAsksFitCropOrCancel() {
    auto w = makeWindow();
    QSignalSpy changed(&w->documents(), &DocumentController::documentChanged);
    answers_ = {1};  // crop
    w->openFiles(path(QStringLiteral("a.png")), path(QStringLiteral("tall_depth.png")));
    waitForDocument(*w, changed);
    QCOMPARE(asked_, QStringList{QStringLiteral("depthMismatchQuestion")});
    cv::Size depth = w->documents().document()->user_depth.values.size();
    QCOMPARE(depth, cv::Size(30, 20));  // the centre of 30 x 90 at the photo's 3:2

    answers_ = {0};  // fit
    w->openFiles(QString(), path(QStringLiteral("tall_depth.png")));
    waitForDocument(*w, changed);
    QCOMPARE(w->documents().document()->user_depth.values.size(), cv::Size(96, 64));

    answers_ = {2};  // cancel: the depth map already there stays
    w->openFiles(QString(), path(QStringLiteral("tall_depth.png")));
    waitForDocument(*w, changed);
    QCOMPARE(asked_.size(), 3);
    QCOMPARE(w->documents().document()->user_depth.values.size(), cv::Size(96, 64));
    // The same shape at another size is scaled without a question.
    QVERIFY(cv::imwrite(path(QStringLiteral("half_depth.png")).toStdString(), disc(48, 32)));
    w->openFiles(QString(), path(QStringLiteral("half_depth.png")));
    waitForDocument(*w, changed);
    QCOMPARE(asked_.size(), 3);
  }

  // Defect 7: the classical path (photo + depth) had no "Estimate depth".
  void defect7_estimateDepthFromTheDepthMenu() {
    auto w = makeWindow();
    GenerationOptions o = w->generationDock()->panel()->options();
    o.depth_model = kData + QStringLiteral("/depth-anything-v2-tiny");
    o.device = QStringLiteral("cpu");
    w->generationDock()->panel()->setOptions(o);
    QSignalSpy changed(&w->documents(), &DocumentController::documentChanged);
    w->openFiles(path(QStringLiteral("a.png")), path(QStringLiteral("a_depth.png")));
    waitForDocument(*w, changed);
    const cv::Mat mine = w->documents().document()->user_depth.values;

    auto* estimate = w->findChild<QAction*>(QStringLiteral("actionEstimateDepth"));
    QVERIFY(estimate && estimate->isEnabled());
    QCOMPARE(estimate->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    QSignalSpy jobs(&w->depthEstimator(), &DepthEstimateController::jobStarted);
    estimate->trigger();
    QCOMPARE(jobs.count(), 1);  // on the worker, with progress and cancel (JobProgress tracks it)
    waitForDocument(*w, changed);
    QTRY_VERIFY_WITH_TIMEOUT(!w->depthEstimator().isBusy(), kTimeoutMs);
    QVERIFY2(errors_.isEmpty(), qPrintable(errors_.join(QLatin1Char('\n'))));
    SharedDocument doc = w->documents().document();
    QVERIFY(doc->active == DepthOrigin::Estimated);
    QCOMPARE(doc->estimated_depth.values.size(), cv::Size(96, 64));
    QCOMPARE(doc->estimated_depth.model, QStringLiteral("depth-anything-v2-tiny"));
    QVERIFY(doc->sources);
    // The user's file is kept, and they can go back to it.
    QVERIFY(doc->user_depth.values.data == mine.data);
    auto* mine_action = w->findChild<QAction*>(QStringLiteral("actionUseUserDepth"));
    QVERIFY(mine_action->isEnabled() && !mine_action->isChecked());
    mine_action->trigger();
    QVERIFY(w->documents().document()->active == DepthOrigin::UserFile);
    QVERIFY(w->documents().document()->depth().values.data == mine.data);

    // Cancel: nothing changes.
    changed.clear();
    errors_.clear();
    QVERIFY(estimate->isEnabled());
    estimate->trigger();
    QVERIFY(w->depthEstimator().isBusy());
    w->depthEstimator().cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!errors_.isEmpty(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!w->depthEstimator().isBusy(), kTimeoutMs);
    QVERIFY(w->documents().document()->active == DepthOrigin::UserFile);
    QVERIFY2(errors_.last().contains(QStringLiteral("cancelled")), qPrintable(errors_.last()));
  }

  void defect7_estimateWithoutADepthModelSaysSo() {
    auto w = makeWindow();
    QSignalSpy changed(&w->documents(), &DocumentController::documentChanged);
    w->openFiles(path(QStringLiteral("a.png")), QString());
    waitForDocument(*w, changed);
    GenerationOptions o = w->generationDock()->panel()->options();
    o.depth_model.clear();
    w->generationDock()->panel()->setOptions(o);
    w->findChild<QAction*>(QStringLiteral("actionEstimateDepth"))->trigger();
    QCOMPARE(errors_.size(), 1);
    QVERIFY(errors_.first().contains(QStringLiteral("depth model")));
  }

  // Defect 5: an old export error stayed in the status bar after later successes.
  void defect5_anExportErrorIsClearedByTheNextExport() {
    auto w = makeWindow();
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    w->openFiles(path(QStringLiteral("a.png")), path(QStringLiteral("a_depth.png")));
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QSignalSpy exported(&w->exporter(), &ExportController::exported);
    QSignalSpy failed(&w->exporter(), &ExportController::failed);
    auto* action = w->findChild<QAction*>(QStringLiteral("actionExport"));
    w->exporter().setNextTarget(ExportTarget{QStringLiteral("sbs"), path(QStringLiteral("no/such/dir/x.png")), 90});
    action->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, kTimeoutMs);
    const QString error = failed.at(0).at(0).toString();
    QCOMPARE(status(*w), error);
    w->exporter().setNextTarget(ExportTarget{QStringLiteral("sbs"), path(QStringLiteral("ok.png")), 90});
    action->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 1, kTimeoutMs);
    QVERIFY(!status(*w).contains(error));
    QVERIFY(status(*w).contains(QStringLiteral("ok.png")));
    QVERIFY(w->messages().text(ActionMessages::Export).startsWith(QStringLiteral("Exported")));
  }

  // Defect 5: the dock kept "The device cuda was chosen…" after switching back to the CPU.
  void defect5_theDockForgetsAMessageAboutTheOldDevice() {
    auto w = makeWindow();
    auto* status = w->findChild<QLabel*>(QStringLiteral("generateStatusLabel"));
    auto* device = w->findChild<QComboBox*>(QStringLiteral("generateDeviceCombo"));
    w->generationDock()->panel()->setStatus(QStringLiteral("The device cuda was chosen, but …"));
    device->setCurrentIndex(device->currentIndex() == 0 ? 1 : 0);
    QVERIFY(status->text().isEmpty());
  }

  // Defect 5: no extension failed after the dialog closed; an existing file was
  // overwritten without asking; the format change kept the old extension.
  void defect5_theExportDialogChecksTheNameBeforeClosing() {
    auto w = makeWindow();
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    w->openFiles(path(QStringLiteral("a.png")), path(QStringLiteral("a_depth.png")));
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QSignalSpy exported(&w->exporter(), &ExportController::exported);
    w->findChild<QAction*>(QStringLiteral("actionExport"))->trigger();
    auto* dialog = visibleExportDialog(*w);
    QVERIFY(dialog && dialog->isVisible());
    auto* file = dialog->findChild<QLineEdit*>(QStringLiteral("exportPathEdit"));
    auto* format = dialog->findChild<QComboBox*>(QStringLiteral("exportFormatCombo"));
    auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("exportOkButton"));

    file->setText(path(QStringLiteral("missing_folder/x.png")));
    ok->click();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->problem().contains(QStringLiteral("does not exist")));

    format->setCurrentIndex(format->findData(QStringLiteral("anaglyph-dubois")));
    file->setText(path(QStringLiteral("anaglyph.mpo")));
    ok->click();  // fixed for the format before it closes
    QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 1, kTimeoutMs);
    QCOMPARE(exported.at(0).at(0).toStringList(), QStringList{path(QStringLiteral("anaglyph.png"))});
    QVERIFY(asked_.isEmpty());

    // No extension: added. The file exists now: asked first; Cancel keeps the dialog open.
    w->findChild<QAction*>(QStringLiteral("actionExport"))->trigger();
    QTRY_VERIFY((dialog = visibleExportDialog(*w)) != nullptr);
    file = dialog->findChild<QLineEdit*>(QStringLiteral("exportPathEdit"));
    ok = dialog->findChild<QPushButton*>(QStringLiteral("exportOkButton"));
    file->setText(path(QStringLiteral("anaglyph")));
    answers_ = {1};
    ok->click();
    QCOMPARE(asked_, QStringList{QStringLiteral("exportOverwriteQuestion")});
    QCOMPARE(file->text(), path(QStringLiteral("anaglyph.png")));
    QVERIFY(dialog->isVisible());
    answers_ = {0};
    ok->click();
    QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 2, kTimeoutMs);
    QCOMPARE(asked_.size(), 2);
  }

  // Device choice: CUDA only where LibTorch reports a device, else disabled with the reason.
  void cudaIsOfferedOnlyWhereLibTorchReportsADevice() {
    GenerationPanel panel;
    auto* device = panel.findChild<QComboBox*>(QStringLiteral("generateDeviceCombo"));
    auto* model = qobject_cast<QStandardItemModel*>(device->model());
    const int cuda = device->findData(QStringLiteral("cuda"));
    panel.setDevices(sds::media::ComputeDevices{0, "LibTorch reports no CUDA device on this computer."});
    QVERIFY(!model->item(cuda)->isEnabled());
    QVERIFY(device->itemData(cuda, Qt::ToolTipRole).toString().contains(QStringLiteral("no CUDA device")));
    GenerationOptions o = panel.options();
    o.device = QStringLiteral("cuda");
    panel.setOptions(o);
    QCOMPARE(panel.options().device, QStringLiteral("cpu"));
    panel.setDevices(sds::media::ComputeDevices{1, ""});
    QVERIFY(model->item(cuda)->isEnabled());
  }

  // Precision: the panel says what each choice becomes on the device, and the
  // choice survives a restart.
  void precisionChoiceSaysWhatRunsAndIsRemembered() {
    GenerationPanel panel;
    auto* precision = panel.findChild<QComboBox*>(QStringLiteral("generatePrecisionCombo"));
    auto* note = panel.findChild<QLabel*>(QStringLiteral("generatePrecisionNote"));
    QVERIFY(precision && note);
    QCOMPARE(panel.options().precision, sds::kDefaultPrecision);
    QVERIFY(note->text().contains(QStringLiteral("bfloat16")) || note->text().contains(QStringLiteral("float32")));
    precision->setCurrentIndex(precision->findData(QStringLiteral("float32")));
    QCOMPARE(note->text(), QStringLiteral("Runs in float32."));
    precision->setCurrentIndex(precision->findData(QStringLiteral("float16")));  // CPU: not possible
    QVERIFY(note->text().contains(QStringLiteral("Not available")));
    precision->setCurrentIndex(precision->findData(QStringLiteral("bfloat16")));
    QVERIFY(note->text().startsWith(QStringLiteral("Runs in bfloat16")));

    QSettings settings(dir_.filePath(QStringLiteral("precision.ini")), QSettings::IniFormat);
    saveGenerationOptions(settings, panel.options());
    QCOMPARE(loadGenerationOptions(settings).precision, sds::Precision::BFloat16);
    settings.setValue(QStringLiteral("generate/precision"), QStringLiteral("float8"));  // a hand-edited file
    QCOMPARE(loadGenerationOptions(settings).precision, sds::kDefaultPrecision);
  }
};

QTEST_MAIN(TestWorkflow)
#include "test_workflow.moc"
