// sdstereo-studio: the desktop studio. Options:
//   --image FILE --depth FILE   open these instead of the last session / the sample
//   --screenshot FILE           save the window once the first preview is shown, then quit
//   --scenario NAME             with --screenshot: a test hook for scripts/screenshots.sh that brings
//                               the studio into a named state and grabs the screen
//                               (screenshot_scenarios.h; --sd-model, --depth-model, --export-path feed it)
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTimer>

#include "app/studio/screenshot_scenarios.h"
#include "core/engine/runtime.h"
#include "ui/common/language.h"
#include "ui/common/tooltip_wrap.h"
#include "ui/main_window.h"
#include "ui/render/render_controller.h"

namespace {

// The system's language unless View > Language chose one; a chosen language
// also sets the number format, so the interface is one language throughout.
void installTranslators() {
  const QString chosen = sds::ui::Languages::stored(QSettings());
  if (!chosen.isEmpty()) QLocale::setDefault(sds::ui::Languages::localeFor(chosen));
  sds::ui::Languages::install(sds::ui::Languages::localeFor(chosen));
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
  installTranslators();
  app.installEventFilter(new sds::ui::ToolTipWrapper(&app));
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
  const QCommandLineOption scenario(QStringLiteral("scenario"),
                                    QApplication::translate("main", "Test hook: reach state NAME, grab the screen "
                                                                    "into the --screenshot FILE, quit."),
                                    QStringLiteral("NAME"));
  const QCommandLineOption sd_model(QStringLiteral("sd-model"), QApplication::translate("main", "Scenario input."),
                                    QStringLiteral("DIR"));
  const QCommandLineOption depth_model(QStringLiteral("depth-model"), QApplication::translate("main", "Scenario input."),
                                       QStringLiteral("DIR"));
  const QCommandLineOption export_path(QStringLiteral("export-path"), QApplication::translate("main", "Scenario input."),
                                       QStringLiteral("FILE"));
  parser.addOptions({image, depth, screenshot, scenario, sd_model, depth_model, export_path});
  parser.process(app);

  QSettings settings;
  sds::ui::MainWindow window(settings);
  if (parser.isSet(scenario)) {
    const ScenarioInputs in{parser.value(image), parser.value(depth), parser.value(sd_model),
                            parser.value(depth_model), parser.value(export_path)};
    window.show();
    if (!startScenario(window, parser.value(scenario), in, parser.value(screenshot))) return 2;
    return app.exec();
  }
  if (parser.isSet(screenshot)) screenshotOnFirstRender(window, parser.value(screenshot));
  window.show();
  if (parser.isSet(image) || parser.isSet(depth))
    window.openFiles(parser.value(image), parser.value(depth));
  else
    window.openStartupFiles();
  return app.exec();
}
