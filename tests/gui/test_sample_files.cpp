// File > Open Sample from the binary alone (issue 11, defect 6): the sample is
// compiled into the binary, so the studio finds it when the source and build
// folders it was made from are gone (an installed share/sdstereo/sample wins).
// Runs with QStandardPaths' test mode, so the copy goes to a test cache folder.
#include <QAction>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "ui/document/document_controller.h"
#include "ui/files/sample_files.h"
#include "ui/main_window.h"
#include "ui/render/render_controller.h"

using namespace sds::ui;

namespace {

constexpr int kTimeoutMs = 60000;

QByteArray contents(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The folders a build-time path could point into: the sources (tests/data is in
// them) and the build tree (this test runs from it).
QStringList treesOfThisBuild() {
  return {QDir::cleanPath(QStringLiteral(SDSTEREO_TEST_DATA "/../..")),
          QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../.."))};
}

}  // namespace

class TestSampleFiles : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString cache_;

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    cache_ = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/sample");
    QVERIFY(QDir(cache_).removeRecursively());
  }

  void cleanupTestCase() { QDir(cache_).removeRecursively(); }

  void openSampleWorksWhenTheBuildFolderIsGone() {
    QSettings settings(dir_.filePath(QStringLiteral("studio.ini")), QSettings::IniFormat);
    MainWindow w(settings);
    w.show();
    auto* action = w.findChild<QAction*>(QStringLiteral("actionOpenSample"));
    QVERIFY(action && action->isEnabled());
    QSignalSpy rendered(&w.renderer(), &RenderController::rendered);
    action->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, kTimeoutMs);
    const SharedDocument doc = w.documents().document();
    QVERIFY(doc && doc->sources);
    // The files opened are the compiled-in ones, written outside every tree of
    // this build, so removing those trees cannot break the action.
    QCOMPARE(doc->image_path, QDir::cleanPath(cache_ + QStringLiteral("/image.png")));
    QCOMPARE(doc->user_depth.path, QDir::cleanPath(cache_ + QStringLiteral("/depth.png")));
    for (const QString& tree : treesOfThisBuild()) {
      QVERIFY2(!doc->image_path.startsWith(tree + QLatin1Char('/')), qPrintable(tree));
      QVERIFY2(!doc->user_depth.path.startsWith(tree + QLatin1Char('/')), qPrintable(tree));
    }
    QCOMPARE(contents(doc->image_path), contents(QStringLiteral(":/sample/image.png")));
    QCOMPARE(contents(doc->user_depth.path), contents(QStringLiteral(":/sample/depth.png")));
    QCOMPARE(QImage(doc->image_path).size(), QSize(512, 384));
  }

  // A damaged copy in the cache (an interrupted write by an older version, a full
  // disk) is replaced, not opened.
  void aDamagedCopyIsRewritten() {
    QVERIFY(!bundledSample().image.isEmpty());
    const QString image = cache_ + QStringLiteral("/image.png");
    {
      QFile f(image);
      QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
      f.write("not a png");
    }
    const RecentPair sample = bundledSample();
    QCOMPARE(sample.image, QDir::cleanPath(image));
    QCOMPARE(contents(sample.image), contents(QStringLiteral(":/sample/image.png")));
  }

  // The resources are what resources/sample holds, byte for byte.
  void theCompiledInSampleIsTheCommittedOne() {
    const QString committed = QStringLiteral(SDSTEREO_TEST_DATA "/../../resources/sample/");
    QCOMPARE(contents(QStringLiteral(":/sample/image.png")), contents(committed + QStringLiteral("image.png")));
    QCOMPARE(contents(QStringLiteral(":/sample/depth.png")), contents(committed + QStringLiteral("depth.png")));
    QVERIFY(!contents(committed + QStringLiteral("image.png")).isEmpty());
  }
};

QTEST_MAIN(TestSampleFiles)
#include "test_sample_files.moc"
