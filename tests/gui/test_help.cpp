// Help menu of the real main window: the About box names the StereoDiffusion
// paper, the model licences and each shipped library with its licence; the
// User Guide action finds docs/user-guide.md from the running binary and shows
// it with every screenshot loaded; findUserGuide prefers an installed copy.
#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextFragment>
#include <QtTest>
#include <memory>

#include "ui/help/about_dialog.h"
#include "ui/help/user_guide.h"
#include "ui/main_window.h"

using namespace sds::ui;

namespace {

QString sourceGuide() { return QDir::cleanPath(QStringLiteral(SDSTEREO_TEST_DATA "/../../docs/user-guide.md")); }

bool touch(const QString& path) {
  QDir().mkpath(QFileInfo(path).path());
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write("# guide\n") > 0;
}

// The image names a document refers to.
QStringList imagesOf(const QTextDocument& doc) {
  QStringList out;
  for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
    for (auto it = b.begin(); !it.atEnd(); ++it)
      if (it.fragment().charFormat().isImageFormat()) out << it.fragment().charFormat().toImageFormat().name();
  return out;
}

}  // namespace

class TestHelp : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<QSettings> settings_;

  std::unique_ptr<MainWindow> makeWindow() {
    settings_ = std::make_unique<QSettings>(dir_.filePath(QStringLiteral("studio.ini")), QSettings::IniFormat);
    auto w = std::make_unique<MainWindow>(*settings_);
    w->show();
    return w;
  }

  static QAction* action(MainWindow& w, const char* name) {
    return w.findChild<QAction*>(QString::fromLatin1(name));
  }

 private Q_SLOTS:
  void aboutNamesPaperModelsAndLicences() {
    auto w = makeWindow();
    QAction* about = action(*w, "actionAbout");
    QVERIFY(about);
    about->trigger();
    auto* box = w->findChild<AboutDialog*>(QStringLiteral("aboutDialog"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
    auto* text = box->findChild<QTextBrowser*>(QStringLiteral("aboutText"));
    QVERIFY(text);
    const QString page = text->toPlainText();
    QVERIFY2(page.contains(QStringLiteral(SDSTEREO_VERSION)), qPrintable(page));
    QVERIFY(page.contains(QStringLiteral(
        "StereoDiffusion: Training-Free Stereo Image Generation Using Latent Diffusion Models")));
    QVERIFY(page.contains(QStringLiteral("Lezhong Wang")));
    QVERIFY(page.contains(QStringLiteral("CVPR Workshops 2024")));
    QVERIFY(page.contains(QStringLiteral("arXiv 2403.04965")));
    // Each model family and each library on one line with its licence.
    const QStringList lines = page.split(QLatin1Char('\n'));
    const auto lineWith = [&](const QString& name, const QStringList& licences) {
      for (const QString& line : lines) {
        if (!line.contains(name)) continue;
        bool all = true;
        for (const QString& l : licences) all = all && line.contains(l);
        if (all) return true;
      }
      return false;
    };
    const QList<QPair<QString, QStringList>> expected = {
        {QStringLiteral("Stable Diffusion 1.x"), {QStringLiteral("CreativeML OpenRAIL-M")}},
        {QStringLiteral("Stable Diffusion 2.x / XL"), {QStringLiteral("CreativeML OpenRAIL++-M")}},
        {QStringLiteral("Depth Anything V2"), {QStringLiteral("Apache-2.0"), QStringLiteral("CC-BY-NC-4.0")}},
        {QStringLiteral("Depth Anything 3"), {QStringLiteral("Apache-2.0"), QStringLiteral("CC-BY-NC-4.0")}},
        {QStringLiteral("Qt 6"), {QStringLiteral("LGPLv3")}},
        {QStringLiteral("LibTorch"), {QStringLiteral("BSD-3-Clause")}},
        {QStringLiteral("OpenCV"), {QStringLiteral("Apache-2.0")}},
        {QStringLiteral("QCustomPlot"), {QStringLiteral("GPLv3")}},
        {QStringLiteral("nlohmann/json"), {QStringLiteral("MIT")}},
        {QStringLiteral("OpenBLAS"), {QStringLiteral("BSD-3-Clause")}},
        {QStringLiteral("StereoDiffusion Studio is free software"), {QStringLiteral("MIT")}},
    };
    for (const auto& [name, licences] : expected)
      QVERIFY2(lineWith(name, licences), qPrintable(name + QStringLiteral(" without ") + licences.join(", ")));

    // A second trigger raises the open box instead of stacking another.
    about->trigger();
    QCOMPARE(w->findChildren<AboutDialog*>().size(), 1);
  }

  void userGuideActionShowsTheGuideWithItsScreenshots() {
    QVERIFY2(QFile::exists(sourceGuide()), qPrintable(sourceGuide()));
    auto w = makeWindow();
    QAction* guide = action(*w, "actionUserGuide");
    QVERIFY(guide);
    QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
    guide->trigger();
    auto* dialog = w->findChild<UserGuideDialog*>(QStringLiteral("userGuideDialog"));
    QVERIFY2(dialog, "no guide window (is docs/user-guide.md found from the test binary?)");
    QVERIFY(dialog->isVisible());
    QCOMPARE(QFileInfo(dialog->browser()->source().toLocalFile()).canonicalFilePath(),
             QFileInfo(sourceGuide()).canonicalFilePath());
    const QTextDocument& doc = *dialog->browser()->document();
    QVERIFY(doc.toPlainText().contains(QStringLiteral("StereoDiffusion Studio")));
    const QStringList images = imagesOf(doc);
    QVERIFY2(images.size() >= 4, qPrintable(images.join(QLatin1Char(' '))));
    for (const QString& name : images) {
      // QTextBrowser reads the file's bytes (resolved beside the guide); once laid
      // out, the document keeps the decoded picture instead.
      const QVariant data = doc.resource(QTextDocument::ImageResource, QUrl(name));
      const QImage image = data.typeId() == QMetaType::QImage    ? data.value<QImage>()
                           : data.typeId() == QMetaType::QPixmap ? data.value<QPixmap>().toImage()
                                                                 : QImage::fromData(data.toByteArray());
      QVERIFY2(!image.isNull(), qPrintable(name + QStringLiteral(" not loaded, got ") + data.typeName()));
    }
  }

  void findsTheInstalledGuideFirstThenTheSourceTree() {
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString bin = root.filePath(QStringLiteral("prefix/bin"));
    QVERIFY(QDir().mkpath(bin));
    QCOMPARE(findUserGuide(bin), QString());  // nothing there: empty, no crash

    // A build tree: <src>/build/testing/app/binary with <src>/docs/user-guide.md.
    const QString src_guide = root.filePath(QStringLiteral("prefix/docs/user-guide.md"));
    QVERIFY(touch(src_guide));
    const QString build_bin = root.filePath(QStringLiteral("prefix/build/testing/app"));
    QVERIFY(QDir().mkpath(build_bin));
    QCOMPARE(findUserGuide(build_bin), QDir::cleanPath(src_guide));

    const QString installed = root.filePath(QStringLiteral("prefix/share/sdstereo/guide/user-guide.md"));
    QVERIFY(touch(installed));
    QCOMPARE(findUserGuide(bin), QDir::cleanPath(installed));
  }
};

QTEST_MAIN(TestHelp)
#include "test_help.moc"
