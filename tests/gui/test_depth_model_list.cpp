// The Generate dock's depth-model list in the real studio window (offscreen):
// the models of a Hugging Face cache (a temporary folder laid out as
// huggingface_hub stores models) are listed with their licences, the best
// permissively licensed one is the default, a remembered choice wins over it,
// the default itself is not remembered, and a metric model shows the
// field-of-view row with the EXIF note.
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QStandardItemModel>
#include <QtTest>

#include "ui/generate/generation_dock.h"
#include "ui/generate/generation_panel.h"
#include "tests/support/studio_test.h"

using namespace sds::ui;

namespace {

const QString kData = sds::test::studioTestData();

// models--org--name/snapshots/<rev>/{config.json, model.safetensors}, refs/main = rev.
QString hubRepo(const QString& hub, const QString& id, const QByteArray& config, const QString& weights = {}) {
  const QString repo = hub + QStringLiteral("/models--") + QString(id).replace(QLatin1Char('/'), QStringLiteral("--"));
  const QString snapshot = repo + QStringLiteral("/snapshots/r1");
  QDir().mkpath(snapshot);
  QDir().mkpath(repo + QStringLiteral("/refs"));
  QFile ref(repo + QStringLiteral("/refs/main"));
  ref.open(QIODevice::WriteOnly);
  ref.write("r1");
  QFile c(snapshot + QStringLiteral("/config.json"));
  c.open(QIODevice::WriteOnly);
  c.write(config);
  if (weights.isEmpty()) {
    QFile w(snapshot + QStringLiteral("/model.safetensors"));  // a release's preset needs no weights to be listed
    w.open(QIODevice::WriteOnly);
    w.write("placeholder");
  } else {
    QFile::copy(weights, snapshot + QStringLiteral("/model.safetensors"));
  }
  return snapshot;
}

}  // namespace

class TestDepthModelList : public sds::test::StudioTest {
  Q_OBJECT
  QTemporaryDir hf_;
  QString mono_, metric_, v2_;

  static QComboBox* combo(MainWindow& w) { return w.findChild<QComboBox*>(QStringLiteral("generateDepthModelCombo")); }

  // Waits (at most 10 s) until the depth models found on a pool thread are listed.
  static bool listed(MainWindow& w) {
    return QTest::qWaitFor([&w] { return w.generationDock()->depthModelsListed(); }, 10000);
  }

 private Q_SLOTS:
  void initTestCase() {
    const QString hub = hf_.filePath(QStringLiteral("hub"));
    hf_hub_ = hub;  // the studio searches it (studio_test.h)
    mono_ = hubRepo(hub, QStringLiteral("depth-anything/DA3MONO-LARGE"), R"({"model_name": "da3mono-large"})");
    metric_ = hubRepo(hub, QStringLiteral("depth-anything/DA3METRIC-LARGE"), R"({"model_name": "da3metric-large"})");
    hubRepo(hub, QStringLiteral("depth-anything/DA3-LARGE"), R"({"model_name": "da3-large"})");
    QFile config(kData + QStringLiteral("/depth-anything-v2-tiny/config.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    v2_ = hubRepo(hub, QStringLiteral("someone/v2-tiny"), config.readAll(),
                  kData + QStringLiteral("/depth-anything-v2-tiny/model.safetensors"));
  }
  void init() { resetSettings(); }

  void listsTheModelsWithLicencesBestFirst() {
    auto w = makeWindow();
    QVERIFY(listed(*w));
    QComboBox* list = combo(*w);
    QVERIFY(list);
    QStringList items;
    for (int i = 0; i < list->count(); ++i) items << list->itemText(i);
    QCOMPARE(items, QStringList({QStringLiteral("Depth Anything 3 Mono Large — Apache-2.0"),
                                 QStringLiteral("Depth Anything 3 Metric Large — Apache-2.0"),
                                 QStringLiteral("Depth Anything V2 custom size (48 wide) — licence unknown"),
                                 QStringLiteral("Depth Anything 3 Large (any-view model, not supported) — "
                                                "CC BY-NC 4.0, non-commercial use only")}));
    // The any-view model cannot be picked.
    auto* model = qobject_cast<QStandardItemModel*>(list->model());
    QVERIFY(model && !model->item(3)->isEnabled() && model->item(0)->isEnabled());
    // The default: the best permissive model, not remembered as a choice.
    QCOMPARE(list->currentIndex(), 0);
    const GenerationOptions o = w->generationDock()->panel()->options();
    QCOMPARE(o.depth_model, mono_);
    QVERIFY(o.depth_model_is_default);
    w.reset();
    QCOMPARE(settings_->value(QStringLiteral("generate/depthModel")).toString(), QString());
  }

  void aRememberedChoiceWins() {
    settings_->setValue(QStringLiteral("generate/depthModel"), v2_);
    auto w = makeWindow();
    // Before the list arrives the remembered path is shown as typed.
    if (!w->generationDock()->depthModelsListed())
      QCOMPARE(w->generationDock()->panel()->options().depth_model, v2_);
    QVERIFY(listed(*w));
    QCOMPARE(combo(*w)->currentIndex(), 2);
    GenerationOptions o = w->generationDock()->panel()->options();
    QCOMPARE(o.depth_model, v2_);
    QVERIFY(!o.depth_model_is_default);
    // A typed path that is not in the list is kept as typed.
    const QString typed = kData + QStringLiteral("/depth-anything-3-tiny");
    o.depth_model = typed;
    w->generationDock()->panel()->setOptions(o);
    QCOMPARE(w->generationDock()->panel()->options().depth_model, typed);
    w.reset();
    QCOMPARE(settings_->value(QStringLiteral("generate/depthModel")).toString(), typed);
  }

  void metricModelsShowTheFieldOfView() {
    auto w = makeWindow();
    QVERIFY(listed(*w));
    GenerationPanel* panel = w->generationDock()->panel();
    auto* row = w->findChild<QWidget*>(QStringLiteral("generateDepthFovRow"));
    auto* fov = w->findChild<QDoubleSpinBox*>(QStringLiteral("generateDepthFovSpin"));
    auto* note = w->findChild<QLabel*>(QStringLiteral("generateDepthFocalNote"));
    QVERIFY(row && fov && note);
    QVERIFY(row->isHidden());  // the default is the relative-depth model
    GenerationOptions o = panel->options();
    o.depth_model = metric_;  // a path other than the default's: the user's choice
    panel->setOptions(o);
    QVERIFY(!panel->options().depth_model_is_default);
    QVERIFY(!row->isHidden() && fov->isEnabled());
    sds::media::PhotoFocal focal;
    focal.source = sds::media::PhotoFocal::Source::Exif35mm;
    focal.focal_35mm = 26;
    focal.focal_px = 700;
    panel->setPhotoFocal(focal);
    QCOMPARE(note->text(), QStringLiteral("focal length from EXIF: 26 mm equiv."));
    QVERIFY(!fov->isEnabled());  // the EXIF focal length is used instead
    o.depth_model = mono_;
    o.depth_model_is_default = true;  // the default's path, as the default: it stays the default
    panel->setOptions(o);
    QVERIFY(row->isHidden());
    QVERIFY(panel->options().depth_model_is_default);
  }
};

QTEST_MAIN(TestDepthModelList)
#include "test_depth_model_list.moc"
