// The live-preview render controller: requests made while the worker is busy
// are coalesced to the newest, superseded results never reach the GUI, cancel
// stops the running request, and renderer errors become failed(). A gated fake
// renderer makes the ordering deterministic (no timing).
#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QtTest>
#include <memory>
#include <vector>

#include "core/base/error.h"
#include "ui/render/render_controller.h"

using namespace sds;
using namespace sds::ui;

namespace {

// A renderer that records its calls and waits at a gate the test opens.
struct GatedRenderer {
  QSemaphore entered;  // released when a call starts
  QSemaphore gate;     // each call takes one
  QMutex mutex;
  std::vector<media::RenderParams> calls;
  bool fail = false;

  RenderFn fn() {
    return [this](const cv::Mat& image, const cv::Mat&, const media::RenderParams& p) {
      {
        QMutexLocker lock(&mutex);
        calls.push_back(p);
      }
      entered.release();
      gate.acquire();
      if (fail) throw sds::Error("The fake renderer was told to fail.");
      media::StereoPair pair;
      pair.left = image.clone();
      pair.right = image.clone();
      pair.disparity_px = cv::Mat(image.size(), CV_32F, cv::Scalar(p.scale_percent));
      pair.holes = cv::Mat::zeros(image.size(), CV_8U);
      return pair;
    };
  }
  size_t callCount() {
    QMutexLocker lock(&mutex);
    return calls.size();
  }
  media::RenderParams lastCall() {
    QMutexLocker lock(&mutex);
    return calls.back();
  }
};

SharedSources makeSources() {
  auto s = std::make_shared<RenderSources>();
  s->image = cv::Mat(24, 32, CV_8UC3, cv::Scalar(10, 120, 200));
  s->depth = cv::Mat(24, 32, CV_32F, cv::Scalar(0.5));
  s->disparity_px = s->depth.clone();
  return s;
}

media::RenderParams withScale(double scale) {
  media::RenderParams p;
  p.scale_percent = scale;
  return p;
}

}  // namespace

class TestRenderController : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void rendersWhenSourcesArrive() {
    GatedRenderer r;
    r.gate.release(100);
    RenderController c(r.fn());
    QSignalSpy rendered(&c, &RenderController::rendered);
    c.setParams(withScale(2.5));
    QCOMPARE(r.callCount(), size_t(0));  // nothing to render without sources
    c.setSources(makeSources());
    QTRY_COMPARE(rendered.count(), 1);
    const auto result = rendered.at(0).at(0).value<RenderResult>();
    QCOMPARE(result.params.scale_percent, 2.5);
    QCOMPARE(result.side_by_side.cols, 64);  // parallel SBS of two 32-pixel views
    QCOMPARE(result.anaglyph.cols, 32);
    QVERIFY(!result.histogram.counts.empty());
    QVERIFY(result.rendered);
    QTRY_VERIFY(!c.isBusy());
  }

  void displayChangesComposeWithoutRendering() {
    GatedRenderer r;
    r.gate.release(100);
    RenderController c(r.fn());
    QSignalSpy rendered(&c, &RenderController::rendered);
    c.setSources(makeSources());
    QTRY_COMPARE(rendered.count(), 1);
    PreviewDisplay d;
    d.side_by_side = true;
    d.anaglyph = false;
    d.limit = cv::Size(32, 100);  // two 32-pixel views must shrink to half
    c.setDisplay(d);
    QTRY_COMPARE(rendered.count(), 2);
    const auto result = rendered.at(1).at(0).value<RenderResult>();
    QVERIFY(!result.rendered);
    QCOMPARE(r.callCount(), size_t(1));
    QCOMPARE(result.side_by_side.cols, 32);
    QCOMPARE(result.side_by_side.rows, 12);
    QVERIFY(result.anaglyph.empty());
    QCOMPARE(result.preview_size, cv::Size(32, 24));
  }

  void coalescesManyMovesIntoTheLastValue() {
    GatedRenderer r;
    RenderController c(r.fn());
    QSignalSpy rendered(&c, &RenderController::rendered);
    c.setSources(makeSources());
    QVERIFY(r.entered.tryAcquire(1, 10000));  // the first render is running and held
    for (int i = 1; i <= 50; ++i) c.setParams(withScale(i * 0.1));
    r.gate.release(100);
    QTRY_VERIFY(!c.isBusy());
    // The held render was superseded (dropped); the fifty moves became one render.
    QCOMPARE(r.callCount(), size_t(2));
    QCOMPARE(r.lastCall().scale_percent, 5.0);
    QCOMPARE(rendered.count(), 1);
    QCOMPARE(rendered.at(0).at(0).value<RenderResult>().params.scale_percent, 5.0);
  }

  void cancelStopsTheRunningRequest() {
    GatedRenderer r;
    RenderController c(r.fn());
    QSignalSpy rendered(&c, &RenderController::rendered);
    QSignalSpy busy(&c, &RenderController::busyChanged);
    c.setSources(makeSources());
    QVERIFY(r.entered.tryAcquire(1, 10000));
    c.setParams(withScale(7));  // waits behind the running one
    c.cancel();
    r.gate.release(100);
    QTRY_VERIFY(!c.isBusy());
    QCOMPARE(r.callCount(), size_t(1));  // the waiting request was dropped too
    QCOMPARE(rendered.count(), 0);
    QCOMPARE(busy.last().at(0).toBool(), false);

    c.setParams(withScale(4));  // a later change renders again
    QTRY_COMPARE(rendered.count(), 1);
    QCOMPARE(rendered.at(0).at(0).value<RenderResult>().params.scale_percent, 4.0);
  }

  void clearingSourcesDropsTheRunningResult() {
    GatedRenderer r;
    RenderController c(r.fn());
    QSignalSpy rendered(&c, &RenderController::rendered);
    c.setSources(makeSources());
    QVERIFY(r.entered.tryAcquire(1, 10000));
    c.setSources(nullptr);
    r.gate.release(100);
    QTRY_VERIFY(!c.isBusy());
    QCOMPARE(rendered.count(), 0);
  }

  void rendererErrorsBecomeFailed() {
    GatedRenderer r;
    r.fail = true;
    r.gate.release(100);
    RenderController c(r.fn());
    QSignalSpy failed(&c, &RenderController::failed);
    QSignalSpy rendered(&c, &RenderController::rendered);
    c.setSources(makeSources());
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("told to fail")));
    QCOMPARE(rendered.count(), 0);
    QTRY_VERIFY(!c.isBusy());
  }

  void destroyingWhileBusyDoesNotHang() {
    GatedRenderer r;
    auto c = std::make_unique<RenderController>(r.fn());
    c->setSources(makeSources());
    QVERIFY(r.entered.tryAcquire(1, 10000));
    r.gate.release(100);
    c.reset();  // joins the worker thread
  }
};

QTEST_MAIN(TestRenderController)
#include "test_render_controller.moc"
