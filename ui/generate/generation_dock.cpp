#include "ui/generate/generation_dock.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>

#include "ui/generate/generation_controller.h"
#include "ui/generate/generation_options.h"
#include "ui/generate/generation_panel.h"
#include "ui/generate/generation_settings.h"

namespace sds::ui {

GenerationDock::GenerationDock(QSettings& settings, QWidget* parent)
    : QDockWidget(tr("Generate"), parent),
      settings_(settings),
      panel_(new GenerationPanel),
      controller_(new GenerationController(this)) {
  setObjectName(QStringLiteral("generateDock"));  // saveState() needs it
  panel_->setOptions(loadGenerationOptions(settings_));
  auto* scroll = new QScrollArea;
  scroll->setWidget(panel_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // Wide enough for the panel beside the vertical scroll bar: never a horizontal one.
  scroll->setMinimumWidth(panel_->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
  setWidget(scroll);
  wire();
}

GenerationDock::~GenerationDock() { saveGenerationOptions(settings_, panel_->options()); }

void GenerationDock::wire() {
  connect(panel_, &GenerationPanel::generateRequested, this, &GenerationDock::generate);
  connect(panel_, &GenerationPanel::cancelRequested, controller_, &GenerationController::cancel);
  connect(controller_, &GenerationController::busyChanged, panel_, &GenerationPanel::setRunning);
  connect(controller_, &GenerationController::jobStarted, this, &GenerationDock::jobStarted);
  connect(controller_, &GenerationController::progressed, panel_, [this](double overall, const QString& stage) {
    panel_->setStatus(tr("%1: %2 %").arg(stage).arg(int(overall * 100)));
  });
  connect(controller_, &GenerationController::generated, this, [this](const SharedDocument& document) {
    panel_->setStatus(tr("Done: the pair is the open document."));
    Q_EMIT generated(document);
  });
  connect(controller_, &GenerationController::failed, this, [this](const QString& message) {
    panel_->setStatus(message);
    Q_EMIT failed(message);
  });
  connect(controller_, &GenerationController::cancelled, this, [this] {
    const QString message = tr("Generation cancelled; the open document is unchanged.");
    panel_->setStatus(message);
    Q_EMIT failed(message);
  });
}

void GenerationDock::generate() {
  const GenerationOptions options = panel_->options();
  saveGenerationOptions(settings_, options);
  const GenerationInputs inputs = inputs_ ? inputs_() : GenerationInputs{};
  media::GenerationRequest request;
  const QString problem = buildRequest(options, inputs.document, inputs.depth_kind, request);
  if (!problem.isEmpty()) {
    panel_->setStatus(problem);
    Q_EMIT failed(problem);
    return;
  }
  if (controller_->start(modelsFor(options), request)) panel_->setStatus(tr("Starting…"));
}

}  // namespace sds::ui
