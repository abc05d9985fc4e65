#include "ui/generate/generation_dock.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>

#include "core/media/compute_devices.h"
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
  panel_->setDevices(media::computeDevices());
  panel_->setOptions(loadGenerationOptions(settings_));
  auto* scroll = new QScrollArea;
  scroll->setWidget(panel_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // Wide enough for the panel beside the vertical scroll bar: never a horizontal one.
  scroll->setMinimumWidth(panel_->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
  setWidget(scroll);
  rerun_.setSingleShot(true);
  rerun_.setInterval(700);
  wire();
}

GenerationDock::~GenerationDock() { saveGenerationOptions(settings_, panel_->options()); }

void GenerationDock::wire() {
  connect(panel_, &GenerationPanel::generateRequested, this, &GenerationDock::generate);
  connect(panel_, &GenerationPanel::cancelRequested, controller_, &GenerationController::cancel);
  connect(panel_, &GenerationPanel::stereoChanged, this, &GenerationDock::onStereoChanged);
  connect(&rerun_, &QTimer::timeout, this, [this] {
    if (controller_->isBusy())
      rerun_.start();  // the newest values run once the current run ends
    else
      generate();
  });
  connect(controller_, &GenerationController::busyChanged, panel_, &GenerationPanel::setRunning);
  connect(controller_, &GenerationController::jobStarted, this, &GenerationDock::jobStarted);
  connect(controller_, &GenerationController::progressed, panel_, [this](double overall, const QString& stage) {
    panel_->setStatus(tr("%1: %2 %").arg(stage).arg(int(overall * 100)));
  });
  connect(controller_, &GenerationController::generated, this, [this](const SharedResult& result) {
    panel_->setStatus(result->reused_left ? tr("Done: the right view was made again; the new pair is in the history.")
                                          : tr("Done: the pair is in the history."));
    Q_EMIT generated(result);
  });
  connect(controller_, &GenerationController::failed, this, [this](const QString& message) {
    panel_->setStatus(message);
    Q_EMIT failed(message);
  });
  connect(controller_, &GenerationController::cancelled, this, [this] {
    const QString message = tr("Generation cancelled; nothing was added to the history.");
    panel_->setStatus(message);
    Q_EMIT failed(message);
  });
}

bool GenerationDock::buildFromPanel(media::GenerationRequest& request, QString& problem) const {
  const GenerationInputs inputs = inputs_ ? inputs_() : GenerationInputs{};
  problem = buildRequest(panel_->options(), inputs.document, inputs.depth_kind, request);
  return problem.isEmpty();
}

void GenerationDock::onStereoChanged() {
  const GenerationInputs inputs = inputs_ ? inputs_() : GenerationInputs{};
  media::GenerationRequest request;
  QString problem;
  if (inputs.shown && buildFromPanel(request, problem) && sameLeftView(inputs.shown->request, request))
    rerun_.start();
}

void GenerationDock::generate() {
  rerun_.stop();
  const GenerationOptions options = panel_->options();
  saveGenerationOptions(settings_, options);
  Q_EMIT started();
  media::GenerationRequest request;
  QString problem;
  if (!buildFromPanel(request, problem)) {
    panel_->setStatus(problem);
    Q_EMIT failed(problem);
    return;
  }
  if (controller_->start(modelsFor(options), request)) panel_->setStatus(tr("Starting…"));
}

}  // namespace sds::ui
