// The studio's smaller pieces on their own: the export dialog's format/extension
// rules, telling dropped files apart, the slider fields and the render controls.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

#include "ui/export/export_dialog.h"
#include "ui/files/dropped_files.h"
#include "ui/render/disparity_stats.h"
#include "ui/widgets/render_controls.h"
#include "ui/widgets/slider_field.h"

using namespace sds::ui;

class TestWidgets : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void exportDialogFitsTheExtensionToTheFormat() {
    ExportDialog dialog(ExportTarget{QStringLiteral("sbs"), QStringLiteral("/tmp/shot.jpg"), 80});
    auto* format = dialog.findChild<QComboBox*>(QStringLiteral("exportFormatCombo"));
    auto* file = dialog.findChild<QLineEdit*>(QStringLiteral("exportPathEdit"));
    QVERIFY(format && file);
    QCOMPARE(dialog.target().path, QStringLiteral("/tmp/shot.jpg"));  // JPEG is fine for SBS
    QCOMPARE(dialog.target().jpeg_quality, 80);
    format->setCurrentIndex(format->findData(QStringLiteral("mpo")));
    QCOMPARE(dialog.target().path, QStringLiteral("/tmp/shot.mpo"));
    format->setCurrentIndex(format->findData(QStringLiteral("anaglyph-gray")));
    QCOMPARE(dialog.target().path, QStringLiteral("/tmp/shot.png"));
    QCOMPARE(dialog.target().format, QStringLiteral("anaglyph-gray"));
  }

  void exportDialogOffersEveryFormat() {
    const QStringList all = ExportFormats::all();
    for (const char* f : {"sbs", "sbs-cross", "hsbs", "ou", "hou", "separate", "anaglyph-true", "anaglyph-gray",
                          "anaglyph-color", "anaglyph-half-color", "anaglyph-dubois", "mpo", "depth16"})
      QVERIFY2(all.contains(QLatin1String(f)), f);
    for (const QString& f : all) QVERIFY(!ExportFormats::displayName(f).isEmpty());
  }

  void droppedFilesAreToldApartByName() {
    RecentPair p = classifyDroppedFiles({QStringLiteral("/a/room_depth.png"), QStringLiteral("/a/room.jpg")});
    QCOMPARE(p.image, QStringLiteral("/a/room.jpg"));
    QCOMPARE(p.depth, QStringLiteral("/a/room_depth.png"));
    p = classifyDroppedFiles({QStringLiteral("/a/left.png"), QStringLiteral("/a/map.png")});
    QCOMPARE(p.image, QStringLiteral("/a/left.png"));
    QCOMPARE(p.depth, QStringLiteral("/a/map.png"));
    p = classifyDroppedFiles({QStringLiteral("/a/notes.txt"), QStringLiteral("/a/x_disp.tif")});
    QVERIFY(p.image.isEmpty());
    QCOMPARE(p.depth, QStringLiteral("/a/x_disp.tif"));
  }

  void sliderFieldKeepsSliderAndSpinInStep() {
    SliderField field(0.0, 10.0, 0.1, 1);
    QSignalSpy changed(&field, &SliderField::valueChanged);
    field.slider()->setValue(25);
    QCOMPARE(field.spinBox()->value(), 2.5);
    field.setValue(7.3);
    QCOMPARE(field.slider()->value(), 73);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.last().at(0).toDouble(), 7.3);
  }

  void renderControlsRoundTripParams() {
    RenderControls controls;
    QSignalSpy changed(&controls, &RenderControls::paramsChanged);
    sds::media::RenderParams p;
    p.depth_kind = sds::media::DepthKind::DisparityPx;
    p.scale_percent = 4.2;
    p.convergence = 0.35;
    p.exponent = 1.5;
    p.view_mode = sds::media::ViewMode::BothHalf;
    p.fill = sds::media::FillMode::Telea;
    controls.setParams(p);
    QCOMPARE(changed.count(), 1);
    const auto q = controls.params();
    QVERIFY(q.depth_kind == p.depth_kind);
    QCOMPARE(q.scale_percent, 4.2);
    QCOMPARE(q.convergence, 0.35);
    QCOMPARE(q.exponent, 1.5);
    QVERIFY(q.view_mode == p.view_mode);
    QVERIFY(q.fill == p.fill);
    // Disparity in pixels ignores the scale, so its slider is off.
    QVERIFY(!controls.findChild<QSlider*>(QStringLiteral("scaleSlider"))->isEnabled());
  }

  void histogramCoversTheRangeInFullResolutionPixels() {
    cv::Mat d(4, 4, CV_32F, cv::Scalar(1.0f));
    d.at<float>(0, 0) = -2.0f;
    d.at<float>(3, 3) = 5.0f;
    const auto h = disparityHistogram(d, 2.0, 7);
    QCOMPARE(h.min_px, -4.0);
    QCOMPARE(h.bin_width_px, 2.0);
    QCOMPARE(int(h.counts.size()), 7);
    double sum = 0;
    for (double c : h.counts) sum += c;
    QCOMPARE(sum, 1.0);
    QCOMPARE(h.counts.back(), 1.0 / 16);  // the maximum lands in the last bin
  }
};

QTEST_MAIN(TestWidgets)
#include "test_widgets.moc"
