#include "app/studio/screenshot_scenarios.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QTimer>
#include <QToolTip>
#include <utility>
#include <cstdio>

#include "ui/common/tooltip_wrap.h"
#include "ui/depth/depth_estimate_controller.h"
#include "ui/document/document_controller.h"
#include "ui/generate/generation_controller.h"
#include "ui/generate/generation_dock.h"
#include "ui/generate/generation_panel.h"
#include "ui/main_window.h"
#include "ui/render/render_controller.h"
#include "ui/results/result_history.h"
#include "ui/widgets/preview_tabs.h"
#include "ui/widgets/slider_field.h"

using namespace sds::ui;

namespace {

// Grabs the screen once the window had time to paint, then quits.
void shootSoon(const QString& file, int delay_ms = 800) {
  QTimer::singleShot(delay_ms, qApp, [file] {
    const bool ok = QGuiApplication::primaryScreen()->grabWindow(0).save(file);
    std::fprintf(stderr, "screenshot %s: %s\n", qPrintable(file), ok ? "saved" : "FAILED");
    QApplication::exit(ok ? 0 : 1);
  });
}

void shootAfterRender(MainWindow& w, const QString& file) {
  auto* once = new QObject(&w);
  QObject::connect(&w.renderer(), &RenderController::rendered, once, [once, file] {
    once->deleteLater();
    shootSoon(file);
  });
}

void useTinyModels(MainWindow& w, const ScenarioInputs& in) {
  GenerationOptions o = w.generationDock()->panel()->options();
  o.sd_model = in.sd_model;
  o.depth_model = in.depth_model;
  o.device = QStringLiteral("cpu");
  o.mode = sds::media::GenerationMode::Prompt;
  o.prompt = "a red cube on a wooden table";
  o.steps = 4;
  o.seed = 7;
  o.width = o.height = 128;
  o.size_from_model = false;  // the scenario's own size (a first start would follow the model's native 512)
  o.stereo.shift_step = 1;
  o.use_open_depth = false;
  w.generationDock()->panel()->setOptions(o);
}

}  // namespace

bool startScenario(MainWindow& w, const QString& name, const ScenarioInputs& in, const QString& shot) {
  if (name == QLatin1String("first-start")) {
    shootAfterRender(w, shot);
    w.openStartupFiles();
  } else if (name == QLatin1String("estimated-depth")) {
    useTinyModels(w, in);
    QObject::connect(&w.documents(), &DocumentController::documentChanged, &w, [&w, shot](const SharedDocument& d) {
      if (d && d->active == DepthOrigin::Estimated) shootAfterRender(w, shot);
    });
    w.openFiles(in.image, QString());
    QObject::connect(&w.documents(), &DocumentController::photoOpened, &w,
                     [&w] { w.depthEstimator().estimateAction()->trigger(); });
  } else if (name == QLatin1String("generated-pair") || name == QLatin1String("composed-pair")) {
    useTinyModels(w, in);
    w.generationDock()->show();
    w.generationDock()->setRerunDelay(200);
    const bool compose = name == QLatin1String("composed-pair");
    QObject::connect(&w.history(), &ResultHistory::inserted, &w, [&w, shot, compose] {
      if (w.history().count() == 1)  // change a right-view option only: the right view is made again
        // Once the new pair is the shown one (the history shows it after announcing it).
        QTimer::singleShot(0, &w, [&w, compose] {
          if (compose)  // the left view's own pixels where the right eye sees them (issue 13)
            w.findChild<QCheckBox*>(QStringLiteral("generateComposeCheck"))->setChecked(true);
          else
            w.findChild<SliderField*>(QStringLiteral("generateScaleField"))->setValue(12);
        });
      else
        shootAfterRender(w, shot);
    });
    w.openFiles(in.image, in.depth);
    QObject::connect(&w.documents(), &DocumentController::documentChanged, &w, [&w] {
      static bool once = false;
      if (!std::exchange(once, true)) w.findChild<QPushButton*>(QStringLiteral("generateButton"))->click();
    });
  } else if (name == QLatin1String("generating")) {
    // A long prompt run, grabbed in the middle: the step label, the time left,
    // the intermediate picture and the seconds-per-step plot (issue 12).
    useTinyModels(w, in);
    GenerationOptions o = w.generationDock()->panel()->options();
    o.steps = 600;
    o.width = o.height = 256;
    o.size_from_model = false;
    w.generationDock()->panel()->setOptions(o);
    w.generationDock()->show();
    QObject::connect(&w.generationDock()->controller(), &GenerationController::stepped, &w,
                     [shot](const sds::Progress& p) {
                       static bool taken = false;
                       if (p.stage == "left view" && p.step == 130 && !std::exchange(taken, true)) shootSoon(shot, 300);
                     });
    QObject::connect(&w.documents(), &DocumentController::documentChanged, &w, [&w] {
      static bool once = false;
      if (!std::exchange(once, true)) w.generationDock()->generateAction()->trigger();
    });
    w.openFiles(in.image, in.depth);
  } else if (name == QLatin1String("sdxl-detected")) {
    // The Generate dock with an SDXL model typed in (issue 17): the note names
    // the family read from its files, and the size follows its native 1024 px.
    GenerationOptions o = w.generationDock()->panel()->options();  // a first start: the size follows the model
    o.sd_model = in.sd_model;
    o.depth_model = in.depth_model;
    o.prompt = "a lighthouse on a cliff at dusk";
    w.generationDock()->panel()->setOptions(o);
    w.generationDock()->show();
    w.resize(QGuiApplication::primaryScreen()->availableSize());  // tall enough for the note and the Size row
    auto* once = new QObject(&w);
    QObject::connect(&w.renderer(), &RenderController::rendered, once, [once, shot] {
      once->deleteLater();
      shootSoon(shot, 1500);  // the model is read off the GUI thread once typing pauses
    });
    w.openStartupFiles();
  } else if (name == QLatin1String("mismatch")) {
    // The question is a real message box; grab the screen once it is up.
    QObject::connect(&w.documents(), &DocumentController::depthMismatch, &w, [shot] { shootSoon(shot, 1200); });
    w.openFiles(in.image, in.depth);
  } else if (name == QLatin1String("export-overwrite")) {
    auto* once = new QObject(&w);
    QObject::connect(&w.renderer(), &RenderController::rendered, once, [&w, once, in, shot] {
      once->deleteLater();
      w.findChild<QAction*>(QStringLiteral("actionExport"))->trigger();
      QTimer::singleShot(500, &w, [&w, in, shot] {
        auto* path = w.findChild<QLineEdit*>(QStringLiteral("exportPathEdit"));
        auto* ok = w.findChild<QPushButton*>(QStringLiteral("exportOkButton"));
        if (!path || !ok) return QApplication::exit(1);
        path->setText(in.export_path);
        ok->click();  // the file exists: the dialog asks before replacing it
        shootSoon(shot, 1200);
      });
    });
    w.openFiles(in.image, in.depth);
  } else if (name == QLatin1String("menu-tooltip")) {
    // The View menu open and a Generate dock control's tool tip shown, so their
    // texts can be checked (run under another LANG for a translation).
    w.generationDock()->show();
    auto* once = new QObject(&w);
    QObject::connect(&w.renderer(), &RenderController::rendered, once, [&w, once, shot] {
      once->deleteLater();
      for (QAction* a : w.menuBar()->actions())
        if (a->menu() && a->menu()->actions().contains(w.findChild<QAction*>(QStringLiteral("actionZoomIn"))))
          w.menuBar()->setActiveAction(a);
      QTimer::singleShot(400, &w, [&w, shot] {
        auto* deblur = w.findChild<QWidget*>(QStringLiteral("generateDeblurCheck"));
        if (!deblur) return QApplication::exit(1);
        QToolTip::showText(deblur->mapToGlobal(QPoint(deblur->width() / 3, deblur->height())), wrappedToolTip(deblur->toolTip()),
                           deblur);
        shootSoon(shot, 600);
      });
    });
    w.openFiles(in.image, in.depth);
  } else if (name == QLatin1String("depth-models")) {
    // The Generate dock's list of the depth models found (HF_HOME, the studio's
    // models folder), opened, with their licences.
    w.generationDock()->show();
    auto* once = new QObject(&w);
    QObject::connect(&w.renderer(), &RenderController::rendered, once, [&w, once, shot] {
      once->deleteLater();
      auto* list = w.findChild<QComboBox*>(QStringLiteral("generateDepthModelCombo"));
      if (!list) return QApplication::exit(1);
      const auto open = [list, shot] {
        list->showPopup();
        shootSoon(shot, 600);
      };
      // The models are found on a pool thread (GenerationDock::listDepthModels).
      if (w.generationDock()->depthModelsListed()) return open();
      QObject::connect(w.generationDock(), &GenerationDock::depthModelsFound, list, open);
    });
    w.openFiles(in.image, in.depth);
  } else if (name == QLatin1String("inpainting") || name == QLatin1String("inpainted")) {
    // The Stereo panel's "Inpainting model" fill over the sample (issue 18),
    // with the tiny inpainting model: grabbed half way (progress and Cancel
    // under the fill, the fast fill on screen) or once the model is done.
    const bool done = name == QLatin1String("inpainted");
    auto* once = new QObject(&w);
    QObject::connect(&w.renderer(), &RenderController::rendered, once, [&w, once, in] {
      once->deleteLater();  // the sample's first render: now choose the fill
      auto* edit = w.findChild<QLineEdit*>(QStringLiteral("inpaintModelEdit"));
      auto* fill = w.findChild<QComboBox*>(QStringLiteral("fillCombo"));
      if (!edit || !fill) return QApplication::exit(1);
      edit->setText(in.sd_model);
      Q_EMIT edit->editingFinished();
      fill->setCurrentIndex(fill->count() - 1);  // the inpainting model, last in the list
    });
    if (done) {
      QObject::connect(&w.renderer(), &RenderController::rendered, &w, [shot](const RenderResult& r) {
        static bool taken = false;
        if (r.inpainted && !r.partial && !std::exchange(taken, true)) shootSoon(shot);
      });
    } else {
      QObject::connect(&w.renderer(), &RenderController::inpaintProgress, &w, [shot](double overall) {
        static bool taken = false;
        if (overall >= 0.5 && !std::exchange(taken, true)) shootSoon(shot, 300);
      });
    }
    w.openFiles(in.image, in.depth);
  } else if (name == QLatin1String("anaglyph")) {
    // The Anaglyph tab over the sample, for the user guide's preview section.
    w.previews()->setCurrentIndex(PreviewTabs::AnaglyphTab);
    shootAfterRender(w, shot);
    w.openStartupFiles();
  } else if (name == QLatin1String("zoomed") || name == QLatin1String("wiggle")) {
    // The side-by-side view at one picture pixel per screen pixel, or the
    // Wiggle tab (grabbed on one of its two views), over the sample.
    const bool zoomed = name == QLatin1String("zoomed");
    w.previews()->setCurrentIndex(zoomed ? PreviewTabs::SideBySideTab : PreviewTabs::WiggleTab);
    if (zoomed) w.findChild<QAction*>(QStringLiteral("actionZoomActual"))->trigger();
    shootAfterRender(w, shot);
    w.openStartupFiles();
  } else if (name == QLatin1String("undo-menu")) {
    // The Render disparity moved to 1.5 % (comfortable on the monitor), then
    // the Edit menu open on its named undo step.
    auto* once = new QObject(&w);
    QObject::connect(&w.renderer(), &RenderController::rendered, once, [&w, once, shot] {
      once->deleteLater();
      w.findChild<SliderField*>(QStringLiteral("scaleField"))->setValue(1.5);
      QTimer::singleShot(600, &w, [&w, shot] {
        for (QAction* a : w.menuBar()->actions())
          if (a->menu() && a->menu()->actions().contains(w.findChild<QAction*>(QStringLiteral("actionUndo"))))
            w.menuBar()->setActiveAction(a);
        shootSoon(shot, 600);
      });
    });
    w.openStartupFiles();
  } else if (name == QLatin1String("about") || name == QLatin1String("user-guide")) {
    // Help > About or Help > User Guide opened over the sample.
    const QString action =
        name == QLatin1String("about") ? QStringLiteral("actionAbout") : QStringLiteral("actionUserGuide");
    auto* once = new QObject(&w);
    QObject::connect(&w.renderer(), &RenderController::rendered, once, [&w, once, action, shot] {
      once->deleteLater();
      w.findChild<QAction*>(action)->trigger();
      shootSoon(shot, 1000);
    });
    w.openStartupFiles();
  } else {
    std::fprintf(stderr, "unknown scenario %s\n", qPrintable(name));
    return false;
  }
  return true;
}
