// Drives the real studio window under the offscreen platform: open a photo and
// a depth map through the API seam, move a slider, export through the injected
// target, drop files, and check that settings survive a restart. Uses the real
// renderer; inputs are made in code.
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QDoubleSpinBox>
#include <QLocale>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>
#include <memory>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <qcustomplot.h>

#include "core/media/mpo.h"
#include "core/media/png_text.h"
#include "core/base/atomic_file.h"
#include "ui/document/document_controller.h"
#include "ui/export/export_controller.h"
#include "ui/render/render_controller.h"
#include "ui/main_window.h"
#include "ui/widgets/comfort_panel.h"
#include "ui/widgets/image_view.h"
#include "ui/widgets/preview_tabs.h"

using namespace sds::ui;

namespace {

constexpr int kW = 96, kH = 64;
constexpr int kTimeoutMs = 60000;

// A textured photo and a depth map with a near disc in the middle.
void writeInputs(const QString& image_path, const QString& depth_path) {
  cv::Mat image(kH, kW, CV_8UC3);
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x)
      image.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 255 / kW), uchar(((x / 8 + y / 8) % 2) * 200), uchar(y * 3));
  cv::Mat depth(kH, kW, CV_8UC1, cv::Scalar(40));
  cv::circle(depth, {kW / 2, kH / 2}, kH / 3, cv::Scalar(230), cv::FILLED);
  QVERIFY(cv::imwrite(image_path.toStdString(), image));
  QVERIFY(cv::imwrite(depth_path.toStdString(), depth));
}

// A drag of the slider's handle through `positions`, released at the end.
void drag(QSlider* slider, std::initializer_list<int> positions) {
  slider->setSliderDown(true);
  for (int p : positions) slider->setValue(p);
  slider->setSliderDown(false);
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString image_, depth_;
  std::unique_ptr<QSettings> settings_;

  QString path(const QString& name) const { return dir_.filePath(name); }

  std::unique_ptr<MainWindow> makeWindow() {
    auto w = std::make_unique<MainWindow>(*settings_);
    w->show();
    return w;
  }

  // Opens the inputs and waits for the first preview.
  void openAndRender(MainWindow& w) {
    QSignalSpy rendered(&w.renderer(), &RenderController::rendered);
    w.openFiles(image_, depth_);
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!w.renderer().isBusy(), kTimeoutMs);
  }

  QStringList exportVia(MainWindow& w, const QString& format, const QString& file) {
    QSignalSpy exported(&w.exporter(), &ExportController::exported);
    QSignalSpy failed(&w.exporter(), &ExportController::failed);
    w.exporter().setNextTarget(ExportTarget{format, file, 90});
    auto* action = w.findChild<QAction*>(QStringLiteral("actionExport"));
    if (!action || !action->isEnabled()) return {};
    action->trigger();
    if (!QTest::qWaitFor([&] { return exported.count() + failed.count() > 0; }, kTimeoutMs)) return {};
    if (failed.count() > 0) qWarning() << failed.at(0).at(0).toString();
    return exported.isEmpty() ? QStringList() : exported.at(0).at(0).toStringList();
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    image_ = path(QStringLiteral("scene.png"));
    depth_ = path(QStringLiteral("scene_depth.png"));
    writeInputs(image_, depth_);
  }

  void init() {
    settings_.reset();  // it writes itself back when destroyed
    QFile::remove(path(QStringLiteral("studio.ini")));
    settings_ = std::make_unique<QSettings>(path(QStringLiteral("studio.ini")), QSettings::IniFormat);
  }

  void loadsAndShowsPreviews() {
    auto w = makeWindow();
    openAndRender(*w);
    const SharedDocument doc = w->documents().document();
    QVERIFY(doc && doc->sources);
    QCOMPARE(doc->image_path, image_);
    QCOMPARE(w->previews()->view(PreviewTabs::PhotoTab)->image().size(), QSize(kW, kH));
    QCOMPARE(w->previews()->view(PreviewTabs::SideBySideTab)->image().size(), QSize(2 * kW, kH));
    QCOMPARE(w->previews()->currentIndex(), int(PreviewTabs::SideBySideTab));
    // Only the view on screen is composed; showing the anaglyph composes it
    // from the pair already rendered.
    QVERIFY(w->previews()->view(PreviewTabs::AnaglyphTab)->image().isNull());
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    w->previews()->setCurrentIndex(PreviewTabs::AnaglyphTab);
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QVERIFY(!rendered.last().at(0).value<RenderResult>().rendered);
    QCOMPARE(w->previews()->view(PreviewTabs::AnaglyphTab)->image().size(), QSize(kW, kH));
    auto* plot = w->findChild<QCustomPlot*>(QStringLiteral("disparityPlot"));
    QVERIFY(plot);
    auto* bars = qobject_cast<QCPBars*>(plot->plottable(0));
    QVERIFY(bars && bars->data()->size() > 1);
  }

  void sliderMoveRerendersThePreview() {
    auto w = makeWindow();
    openAndRender(*w);
    const QImage before = w->previews()->view(PreviewTabs::SideBySideTab)->image().copy();
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    auto* slider = w->findChild<QSlider*>(QStringLiteral("scaleSlider"));
    QVERIFY(slider);
    slider->setValue(slider->value() + 40);  // +4 % of the width
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!w->renderer().isBusy(), kTimeoutMs);
    const auto result = rendered.last().at(0).value<RenderResult>();
    QCOMPARE(result.params.scale_percent, 7.0);  // default 3 % + 4 %
    const QImage after = w->previews()->view(PreviewTabs::SideBySideTab)->image();
    QCOMPARE(after.size(), before.size());
    QVERIFY(after != before);
    // The left half is the photo itself in both renders; the right view moved.
    QCOMPARE(after.copy(0, 0, kW, kH), before.copy(0, 0, kW, kH));
  }

  // Issue 11: parameter changes of the Stereo panel and the Generate dock are
  // undone and redone, one drag as one step, each named in the Edit menu;
  // undo puts back the control and the preview.
  void parameterChangesUndoOneDragAtATime() {
    auto w = makeWindow();
    openAndRender(*w);
    w->undoStack().clear();
    auto* undo = w->findChild<QAction*>(QStringLiteral("actionUndo"));
    auto* redo = w->findChild<QAction*>(QStringLiteral("actionRedo"));
    QVERIFY(undo && redo && !undo->isEnabled());
    const QImage original = w->previews()->view(PreviewTabs::SideBySideTab)->image().copy();

    // The Stereo panel: two drags of Render disparity are two steps.
    auto* slider = w->findChild<QSlider*>(QStringLiteral("scaleSlider"));
    const int start = slider->value();
    drag(slider, {start + 10, start + 20, start + 30});
    drag(slider, {start + 40, start + 50});
    QCOMPARE(w->undoStack().count(), 2);
    QCOMPARE(undo->text().remove(QLatin1Char('&')), QStringLiteral("Undo Change Render disparity"));
    undo->trigger();
    QCOMPARE(slider->value(), start + 30);
    undo->trigger();
    QCOMPARE(slider->value(), start);
    QCOMPARE(w->renderer().params().scale_percent, start / 10.0);
    QTRY_VERIFY_WITH_TIMEOUT(!w->renderer().isBusy(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(w->previews()->view(PreviewTabs::SideBySideTab)->image(), original, kTimeoutMs);
    redo->trigger();
    QCOMPARE(slider->value(), start + 30);
    undo->trigger();

    // The Generate dock: a drag of the AI disparity, steps of Guidance, a choice.
    auto* ai = w->findChild<QSlider*>(QStringLiteral("generateScaleSlider"));
    auto* guidance = w->findChild<QDoubleSpinBox*>(QStringLiteral("generateGuidanceSpin"));
    auto* inversion = w->findChild<QComboBox*>(QStringLiteral("generateInversionCombo"));
    QVERIFY(ai && guidance && inversion);
    const int ai_start = ai->value();
    const double guidance_start = guidance->value();
    const int inversion_start = inversion->currentIndex();
    drag(ai, {ai_start + 2, ai_start + 4, ai_start + 6});
    QCOMPARE(undo->text().remove(QLatin1Char('&')), QStringLiteral("Undo Change AI disparity"));
    guidance->stepUp();
    guidance->stepUp();  // consecutive steps of one control: one step
    QCOMPARE(undo->text().remove(QLatin1Char('&')), QStringLiteral("Undo Change Guidance"));
    inversion->setCurrentIndex(1 - inversion_start);
    QCOMPARE(undo->text().remove(QLatin1Char('&')), QStringLiteral("Undo Change Inversion"));
    QCOMPARE(w->undoStack().count(), 3);
    undo->trigger();
    QCOMPARE(inversion->currentIndex(), inversion_start);
    undo->trigger();
    QCOMPARE(guidance->value(), guidance_start);
    undo->trigger();
    QCOMPARE(ai->value(), ai_start);
    QVERIFY(!undo->isEnabled());
    redo->trigger();
    QCOMPARE(ai->value(), ai_start + 6);
    QCOMPARE(redo->text().remove(QLatin1Char('&')), QStringLiteral("Redo Change Guidance"));
  }

  void depthKindChangeRerenders() {
    auto w = makeWindow();
    openAndRender(*w);
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    auto* kind = w->findChild<QComboBox*>(QStringLiteral("depthKindCombo"));
    QVERIFY(kind);
    kind->setCurrentIndex(1);  // depth, near is dark
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QVERIFY(rendered.last().at(0).value<RenderResult>().params.depth_kind == sds::media::DepthKind::Depth);
  }

  void exportsSideBySidePng() {
    auto w = makeWindow();
    openAndRender(*w);
    const QString file = path(QStringLiteral("out_sbs.png"));
    QCOMPARE(exportVia(*w, QStringLiteral("sbs"), file), QStringList{file});
    const cv::Mat written = cv::imread(file.toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(written.cols, 2 * kW);
    QCOMPARE(written.rows, kH);
    QCOMPARE(written.type(), CV_8UC3);
    const auto text = sds::media::readPngText(sds::readFileBytes(file.toStdString()));
    bool has_params = false;
    for (const auto& [key, value] : text)
      has_params |= key == "sdstereo-params" && value.find("scale_percent") != std::string::npos;
    QVERIFY(has_params);
  }

  void exportsEveryOtherKind() {
    auto w = makeWindow();
    openAndRender(*w);
    const QString mpo = path(QStringLiteral("out.mpo"));
    QVERIFY(exportVia(*w, QStringLiteral("mpo"), mpo).contains(mpo));
    const auto views = sds::media::decodeMpo(sds::readFileBytes(mpo.toStdString()));
    QCOMPARE(int(views.size()), 2);
    QCOMPARE(views[1].cols, kW);

    const QString depth16 = path(QStringLiteral("out_disparity.png"));
    QCOMPARE(exportVia(*w, QStringLiteral("depth16"), depth16), QStringList{depth16});
    const cv::Mat map = cv::imread(depth16.toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(map.type(), CV_16UC1);
    QCOMPARE(map.cols, kW);

    const QStringList separate = exportVia(*w, QStringLiteral("separate"), path(QStringLiteral("pair.png")));
    QCOMPARE(separate.size(), 2);
    for (const QString& f : separate) QCOMPARE(cv::imread(f.toStdString()).cols, kW);

    const QString dubois = path(QStringLiteral("out_dubois.jpg"));
    QCOMPARE(exportVia(*w, QStringLiteral("anaglyph-dubois"), dubois).first(), dubois);
    QCOMPARE(cv::imread(dubois.toStdString()).cols, kW);
  }

  void droppedFilesOpenAsPhotoAndDepth() {
    auto w = makeWindow();
    QSignalSpy changed(&w->documents(), &DocumentController::documentChanged);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(depth_), QUrl::fromLocalFile(image_)});  // depth first on purpose
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    // Straight to the window's handler: QApplication's drop routing wants a real drag.
    static_cast<QObject*>(w.get())->event(&drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, kTimeoutMs);
    QCOMPARE(w->documents().document()->image_path, image_);
    QCOMPARE(w->documents().document()->user_depth.path, depth_);
  }

  void missingFileIsReportedNotFatal() {
    auto w = makeWindow();
    QStringList shown;
    w->setErrorPresenter([&shown](const QString& message) { shown << message; });  // no message box
    QSignalSpy errors(w.get(), &MainWindow::errorReported);
    w->openFiles(path(QStringLiteral("no_such_photo.png")), depth_);
    QTRY_VERIFY_WITH_TIMEOUT(errors.count() == 1, kTimeoutMs);
    QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("no_such_photo.png")));
    QCOMPARE(shown, QStringList{errors.at(0).at(0).toString()});
    QVERIFY(!w->findChild<QAction*>(QStringLiteral("actionExport"))->isEnabled());
  }

  void settingsSurviveARestart() {
    {
      auto w = makeWindow();
      openAndRender(*w);
      w->findChild<QSlider*>(QStringLiteral("convergenceSlider"))->setValue(40);
      w->findChild<QComboBox*>(QStringLiteral("anaglyphFormatCombo"))->setCurrentIndex(2);
      w->findChild<QComboBox*>(QStringLiteral("comfortDisplayCombo"))->setCurrentIndex(2);  // the 3D TV
      w->close();
    }
    auto w = makeWindow();
    QCOMPARE(w->findChild<QComboBox*>(QStringLiteral("comfortDisplayCombo"))->currentIndex(), 2);
    QCOMPARE(w->findChild<QSlider*>(QStringLiteral("convergenceSlider"))->value(), 40);
    QCOMPARE(w->findChild<QComboBox*>(QStringLiteral("anaglyphFormatCombo"))->currentIndex(), 2);
    QCOMPARE(w->renderer().params().convergence, 0.4);
    // The last session reopens on start-up.
    QSignalSpy changed(&w->documents(), &DocumentController::documentChanged);
    w->openStartupFiles();
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, kTimeoutMs);
    QCOMPARE(w->documents().document()->user_depth.path, depth_);
    StudioSettings typed(*settings_);
    QCOMPARE(typed.recent().size(), 1);
    QCOMPARE(typed.recent().first().image, image_);
  }

  // Issue 12: the sample at the default render on the 27-inch monitor. 3 % of
  // a 60 cm wide picture is 18 mm; with the farthest point on the screen (the
  // default convergence 0) the nearest is 18 mm in front, 1.58 degrees at
  // 65 cm: the 1-degree rule warns. With the screen plane half way (0.5) both
  // ends are 9 mm (0.79 degrees) from it: no warning.
  void sampleAtTheDefaultsOnTheMonitorIsTheRulesVerdict() {
    auto w = makeWindow();
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    QVERIFY(w->openSample());
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!w->renderer().isBusy(), kTimeoutMs);
    auto* comfort = w->findChild<ComfortPanel*>(QStringLiteral("comfortPanel"));
    QVERIFY(comfort);
    QCOMPARE(comfort->displayKey(), QStringLiteral("monitor-27"));
    const QLocale here;
    const QString near = here.toString(18.0, 'f', 1) + QStringLiteral(" mm in front of the screen (") +
                         here.toString(1.58, 'f', 2);
    QVERIFY2(comfort->nearText().startsWith(near),
             qPrintable(comfort->nearText()));
    QCOMPARE(comfort->farText(), QStringLiteral("on the screen plane"));
    QVERIFY(comfort->warningShown());
    rendered.clear();
    w->findChild<QSlider*>(QStringLiteral("convergenceSlider"))->setValue(50);
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1 && !w->renderer().isBusy(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!comfort->warningShown(), kTimeoutMs);
    QVERIFY2(comfort->nearText().startsWith(here.toString(9.0, 'f', 1) + QStringLiteral(" mm in front")),
             qPrintable(comfort->nearText()));
  }

  // Issue 12: at 1280 x 800 the comfort verdict is on screen without scrolling
  // the side panel.
  void comfortVerdictIsVisibleAt1280x800() {
    auto w = makeWindow();
    w->resize(1280, 800);
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    QVERIFY(w->openSample());
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1 && !w->renderer().isBusy(), kTimeoutMs);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    auto* verdict = w->findChild<QLabel*>(QStringLiteral("comfortVerdictLabel"));
    auto* scroll = w->findChild<QScrollArea*>(QStringLiteral("sidePanelScroll"));
    QVERIFY(verdict && scroll && !verdict->text().isEmpty());
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
    const QRect shown = verdict->visibleRegion().boundingRect();
    QVERIFY2(shown == verdict->rect(), qPrintable(QStringLiteral("visible %1 of %2 px height")
                                                      .arg(shown.height())
                                                      .arg(verdict->height())));
  }

  void firstStartOpensTheSample() {
    auto w = makeWindow();
    QSignalSpy rendered(&w->renderer(), &RenderController::rendered);
    // The sample is committed in resources/sample: a missing one is a packaging bug.
    QVERIFY(w->findChild<QAction*>(QStringLiteral("actionOpenSample"))->isEnabled());
    w->openStartupFiles();
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    QVERIFY(w->documents().document()->image_path.endsWith(QStringLiteral("sample/image.png")));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
