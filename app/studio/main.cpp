// sdstereo-studio: the desktop studio. Options:
//   --image FILE --depth FILE   open these instead of the last session / the sample
//   --screenshot FILE           save the window once the first preview is shown, then quit
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include "core/engine/runtime.h"
#include "ui/main_window.h"
#include "ui/render/render_controller.h"

namespace {

void installTranslators(QApplication& app) {
  auto* qt = new QTranslator(&app);
  if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app.installTranslator(qt);
  auto* studio = new QTranslator(&app);
  if (studio->load(QLocale(), QStringLiteral("sdstereo_studio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    app.installTranslator(studio);
}

// Grabs the window after the first rendered preview has been painted.
void screenshotOnFirstRender(sds::ui::MainWindow& window, const QString& path) {
  QObject::connect(&window.renderer(), &sds::ui::RenderController::rendered, &window, [&window, path] {
    QTimer::singleShot(300, &window, [&window, path] {
      const bool ok = window.grab().save(path);
      QApplication::exit(ok ? 0 : 1);
    });
  });
  QObject::connect(&window, &sds::ui::MainWindow::errorReported, &window, [] { QApplication::exit(1); });
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("StereoDiffusion"));
  QApplication::setApplicationName(QStringLiteral("sdstereo-studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("StereoDiffusion Studio"));
  QApplication::setApplicationVersion(QStringLiteral(SDSTEREO_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("io.github.stereodiffusion.Studio"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sdstereo-studio.png")));
  installTranslators(app);
  sds::initRuntime();

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Stereo (3D) pairs from a photo and a depth map."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption image({QStringLiteral("i"), QStringLiteral("image")},
                                 QApplication::translate("main", "The photo to open."), QStringLiteral("FILE"));
  const QCommandLineOption depth({QStringLiteral("d"), QStringLiteral("depth")},
                                 QApplication::translate("main", "Its depth map."), QStringLiteral("FILE"));
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QApplication::translate("main", "Save the window to FILE once the preview is "
                                                                      "shown, then quit."),
                                      QStringLiteral("FILE"));
  parser.addOptions({image, depth, screenshot});
  parser.process(app);

  QSettings settings;
  sds::ui::MainWindow window(settings);
  if (parser.isSet(screenshot)) screenshotOnFirstRender(window, parser.value(screenshot));
  window.show();
  if (parser.isSet(image) || parser.isSet(depth))
    window.openFiles(parser.value(image), parser.value(depth));
  else
    window.openStartupFiles();
  return app.exec();
}
