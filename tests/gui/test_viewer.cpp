// The preview viewer: zoom and pan shared by every tab, fit and actual pixels,
// pixel-exact drawing at 1:1, the wiggle view's timer, swap eyes, and the render
// resolution a zoomed view asks for.
#include <QAction>
#include <QCheckBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QWheelEvent>
#include <QtTest>

#include "ui/render/render_worker.h"
#include "ui/widgets/image_view.h"
#include "ui/widgets/preview_tabs.h"
#include "ui/widgets/view_zoom.h"
#include "ui/widgets/wiggle_view.h"

using namespace sds;
using namespace sds::ui;

namespace {

// A picture whose every pixel is different, so a shifted or smoothed copy shows.
QImage gradient(int w, int h) {
  QImage image(w, h, QImage::Format_RGB32);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) image.setPixel(x, y, qRgb((x * 7) % 256, (y * 13) % 256, (x * y) % 256));
  return image;
}

QImage solid(int w, int h, QRgb colour) {
  QImage image(w, h, QImage::Format_RGB32);
  image.fill(colour);
  return image;
}

void wheel(QWidget* viewport, QPoint at, int delta) {
  QWheelEvent event(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QCoreApplication::sendEvent(viewport, &event);
}

QAction* action(PreviewTabs& tabs, const char* name) {
  for (QAction* a : tabs.zoomActions())
    if (a->objectName() == QLatin1String(name)) return a;
  return nullptr;
}

}  // namespace

class TestViewer : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void wheelZoomsAtThePointerAndKeepsThatPointPut() {
    ImageView view;
    view.resize(400, 300);
    view.setImage(gradient(800, 600));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.zoom()->isFit());
    const QPoint at(100, 80);
    const QRectF before = view.pictureRect();
    const QPointF under((at.x() - before.left()) / before.width(), (at.y() - before.top()) / before.height());
    wheel(view.viewport(), at, 240);  // two notches
    QVERIFY(!view.zoom()->isFit());
    QVERIFY(view.currentScale() > view.fitScale() * 1.5);
    const QRectF after = view.pictureRect();
    const QPointF now((at.x() - after.left()) / after.width(), (at.y() - after.top()) / after.height());
    QVERIFY2(std::abs(now.x() - under.x()) < 0.01 && std::abs(now.y() - under.y()) < 0.01,
             "the picture point under the pointer moved");
    // Zooming back out past the fitting size returns to fit.
    wheel(view.viewport(), at, -1200);
    QVERIFY(view.zoom()->isFit());
  }

  void dragPansAndScrollBarsFollow() {
    ImageView view;
    view.resize(200, 150);
    view.setImage(gradient(800, 600));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.zoom()->setScale(1);
    const QPointF centre = view.zoom()->center();
    QVERIFY(view.horizontalScrollBar()->maximum() > 0);
    const int scroll_before = view.horizontalScrollBar()->value();
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(100, 75));
    QTest::mouseMove(view.viewport(), QPoint(60, 75));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(60, 75));
    QVERIFY(view.zoom()->center().x() > centre.x());  // dragged left: the picture moved left
    QVERIFY(view.horizontalScrollBar()->value() > scroll_before);
    // The scroll bar moves the view too.
    const QPointF dragged = view.zoom()->center();
    view.horizontalScrollBar()->setValue(0);
    QVERIFY(view.zoom()->center().x() < dragged.x());
  }

  void actualPixelsArePixelExact() {
    ImageView view;
    view.resize(120, 100);
    const QImage picture = gradient(300, 200);
    view.setImage(picture);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.zoom()->setScale(1);
    const QImage shown = view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (!qFuzzyCompare(shown.devicePixelRatio(), 1.0)) QSKIP("needs a device pixel ratio of 1");
    const QPoint origin = view.pictureRect().topLeft().toPoint();
    for (int y = 0; y < shown.height(); y += 7)
      for (int x = 0; x < shown.width(); x += 5)
        QCOMPARE(shown.pixel(x, y), picture.pixel(x - origin.x(), y - origin.y()));
  }

  void everyTabSharesOneZoom() {
    PreviewTabs tabs;
    tabs.resize(600, 400);
    tabs.view(PreviewTabs::PhotoTab)->setImage(gradient(800, 600));
    tabs.view(PreviewTabs::DepthTab)->setImage(gradient(800, 600));
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    action(tabs, "actionZoomActual")->trigger();
    QCOMPARE(tabs.view(PreviewTabs::PhotoTab)->currentScale(), 1.0);
    tabs.zoom()->setCenter(QPointF(0.25, 0.75));
    tabs.setCurrentIndex(PreviewTabs::DepthTab);
    QCOMPARE(tabs.view(PreviewTabs::DepthTab)->currentScale(), 1.0);
    QCOMPARE(tabs.view(PreviewTabs::DepthTab)->zoom()->center(), QPointF(0.25, 0.75));
    action(tabs, "actionZoomIn")->trigger();
    QVERIFY(tabs.zoom()->scale() > 1.2);
    action(tabs, "actionZoomFit")->trigger();
    QVERIFY(tabs.zoom()->isFit());
  }

  void aZoomedStereoViewAsksForFullPreviewPixels() {
    PreviewTabs tabs;
    tabs.resize(600, 400);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    tabs.setCurrentIndex(PreviewTabs::SideBySideTab);
    QVERIFY(!tabs.display().limit.empty());
    QSignalSpy spy(&tabs, &PreviewTabs::displayChanged);
    tabs.zoom()->setScale(2);
    QCOMPARE(spy.count(), 1);
    QVERIFY(tabs.display().limit.empty());
    tabs.setCurrentIndex(PreviewTabs::WiggleTab);
    QVERIFY(tabs.display().wiggle);
    QVERIFY(!tabs.display().side_by_side);
  }

  void wiggleRunsOnlyWhileShownAndAlternates() {
    PreviewTabs tabs;
    tabs.resize(600, 400);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    WiggleView* wiggle = tabs.wiggle();
    wiggle->setViews(solid(40, 30, qRgb(255, 0, 0)), solid(40, 30, qRgb(0, 0, 255)));
    QVERIFY(!wiggle->isRunning());  // not the current tab
    tabs.setCurrentIndex(PreviewTabs::WiggleTab);
    QVERIFY(wiggle->isRunning());
    wiggle->setIntervalMs(40);
    const bool first = wiggle->showsLeft();
    QTRY_VERIFY_WITH_TIMEOUT(wiggle->showsLeft() != first, 2000);
    QCOMPARE(wiggle->view()->image().pixel(0, 0), first ? qRgb(0, 0, 255) : qRgb(255, 0, 0));
    tabs.setCurrentIndex(PreviewTabs::PhotoTab);
    QVERIFY(!wiggle->isRunning());
    tabs.setCurrentIndex(PreviewTabs::WiggleTab);
    wiggle->setViews({}, {});
    QVERIFY(!wiggle->isRunning());  // nothing to alternate
  }

  void swapEyesExchangesTheViewsInEveryPreview() {
    PreviewTabs tabs;
    QSignalSpy spy(&tabs, &PreviewTabs::formatsChanged);
    tabs.findChild<QCheckBox*>(QStringLiteral("swapEyesCheck"))->setChecked(true);
    QCOMPARE(spy.count(), 1);
    QVERIFY(tabs.formats().swap_eyes);

    RenderWorker worker([](const cv::Mat& image, const cv::Mat&, const media::RenderParams&) {
      media::StereoPair pair;
      pair.left = cv::Mat(image.size(), CV_8UC3, cv::Scalar(0, 0, 255));   // red (BGR)
      pair.right = cv::Mat(image.size(), CV_8UC3, cv::Scalar(255, 0, 0));  // blue
      pair.disparity_px = cv::Mat::zeros(image.size(), CV_32F);
      pair.holes = cv::Mat::zeros(image.size(), CV_8U);
      return pair;
    });
    auto sources = std::make_shared<RenderSources>();
    sources->image = cv::Mat(8, 10, CV_8UC3, cv::Scalar(0, 0, 0));
    sources->depth = cv::Mat::zeros(8, 10, CV_32F);
    RenderRequest request;
    request.id = 1;
    request.sources = sources;
    request.display.side_by_side = true;
    request.display.wiggle = true;
    request.formats.swap_eyes = true;
    QSignalSpy rendered(&worker, &RenderWorker::rendered);
    worker.render(request, {});
    QCOMPARE(rendered.count(), 1);
    const auto result = rendered.at(0).at(0).value<RenderResult>();
    QCOMPARE(result.side_by_side.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 0, 0));   // the right view, on the left
    QCOMPARE(result.side_by_side.at<cv::Vec3b>(0, 15), cv::Vec3b(0, 0, 255));  // the left view, on the right
    QCOMPARE(result.left.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 0, 0));
    QCOMPARE(result.right.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 255));
  }
};

QTEST_MAIN(TestViewer)
#include "test_viewer.moc"
