#include "ui/generate/generation_dock.h"

#include <QAction>
#include <QFutureWatcher>
#include <QPromise>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QThreadPool>
#include <QVBoxLayout>
#include <memory>

#include "core/media/compute_devices.h"
#include "ui/generate/generation_controller.h"
#include "ui/generate/generation_feedback.h"
#include "ui/generate/generation_options.h"
#include "ui/generate/depth_model_folders.h"
#include "ui/generate/generation_panel.h"
#include "ui/generate/generation_settings.h"

namespace sds::ui {

GenerationDock::GenerationDock(QSettings& settings, QWidget* parent)
    : QDockWidget(tr("Generate"), parent),
      settings_(settings),
      panel_(new GenerationPanel),
      feedback_(new GenerationFeedback),
      scroll_(new QScrollArea),
      controller_(new GenerationController(this)),
      generate_action_(new QAction(tr("Generate"), this)),
      cancel_action_(new QAction(tr("Cancel Generation"), this)) {
  setObjectName(QStringLiteral("generateDock"));  // saveState() needs it
  panel_->setDevices(media::computeDevices());
  panel_->setOptions(loadGenerationOptions(settings_));
  listDepthModels();
  // The run's feedback sits under the panel's buttons and status line.
  auto* content = new QWidget;
  auto* column = new QVBoxLayout(content);
  column->setContentsMargins(6, 0, 6, 6);
  column->addWidget(panel_);
  column->addWidget(feedback_);
  column->addStretch(1);
  QScrollArea* scroll = scroll_;
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // Wide enough for the panel beside the vertical scroll bar: never a horizontal one.
  scroll->setMinimumWidth(panel_->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
  setWidget(scroll);
  rerun_.setSingleShot(true);
  rerun_.setInterval(700);
  buildActions();
  wire();
}

// On a pool thread: a large Hugging Face cache or a slow disk must not hold up
// the window. Until the list arrives the field shows the remembered choice (or
// nothing, for the default).
bool GenerationDock::depthModelsListed() const { return panel_->depthModelsListed(); }

void GenerationDock::listDepthModels() {
  using Found = std::vector<media::FoundDepthModel>;
  auto promise = std::make_shared<QPromise<Found>>();
  auto* watcher = new QFutureWatcher<Found>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    watcher->deleteLater();
    // A failed search lists nothing; the field still learns that the list is complete.
    panel_->setFoundDepthModels(watcher->future().resultCount() > 0 ? watcher->result() : Found{});
    Q_EMIT depthModelsFound();
  });
  watcher->setFuture(promise->future());
  promise->start();
  QThreadPool::globalInstance()->start([promise, folders = depthModelFolders(settings_)] {
    try {
      promise->addResult(findStudioDepthModels(folders));
    } catch (...) {
      // The search reads only what it can (depth_model_discovery.h); nothing to list otherwise.
    }
    promise->finish();
  });
}

void GenerationDock::buildActions() {
  generate_action_->setObjectName(QStringLiteral("actionGenerateRun"));
  generate_action_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
  generate_action_->setToolTip(tr("Start a generation with the Generate panel's settings (Ctrl+Enter)"));
  cancel_action_->setObjectName(QStringLiteral("actionGenerateCancel"));
  cancel_action_->setShortcut(QKeySequence(Qt::Key_Escape));
  cancel_action_->setToolTip(tr("Stop the running generation; what is finished stays (Escape)"));
  cancel_action_->setEnabled(false);  // Escape is left to others while nothing runs
  for (QAction* action : {generate_action_, cancel_action_}) {
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);  // also works while the dock floats
  }
  connect(generate_action_, &QAction::triggered, this, [this] {
    if (controller_->isBusy()) return;
    show();
    raise();
    generate();
  });
  connect(cancel_action_, &QAction::triggered, controller_, &GenerationController::cancel);
}

QString GenerationDock::cancelledMessage() const {
  // The Generator keeps the models and a finished left view of a prompt run.
  const bool left_done = prompt_run_ && !last_stage_.empty() && last_stage_ != "loading model" &&
                         last_stage_ != "loading depth model" && last_stage_ != "left view";
  return left_done ? tr("Generation cancelled; nothing was added to the history. The models and the finished left "
                        "view are kept: Generate again with the same prompt starts at the right view.")
                   : tr("Generation cancelled; nothing was added to the history. The loaded models are kept.");
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
  connect(controller_, &GenerationController::busyChanged, cancel_action_, &QAction::setEnabled);
  connect(controller_, &GenerationController::busyChanged, this, [this](bool busy) {
    if (!busy) feedback_->finish();
  });
  connect(controller_, &GenerationController::stepped, this, [this](const sds::Progress& p) {
    // "decoding" follows both views: only a later stage says the left view is done.
    if (p.stage != "decoding") last_stage_ = p.stage;
    feedback_->onStep(p);
  });
  connect(controller_, &GenerationController::previewed, feedback_, &GenerationFeedback::onPreview);
  connect(controller_, &GenerationController::jobStarted, this, &GenerationDock::jobStarted);
  connect(controller_, &GenerationController::progressed, panel_, [this](double overall, const QString& stage) {
    panel_->setStatus(tr("%1: %2 %").arg(stage).arg(int(overall * 100)));
  });
  connect(controller_, &GenerationController::generated, this, [this](const SharedResult& result) {
    panel_->setStatus(result->reused_left ? tr("Done: the right view was made again; the new pair is in the history.")
                                          : tr("Done: the pair is in the history."));
    feedback_->markFinished();  // a cancel or a failure keeps the stage it stopped at
    Q_EMIT generated(result);
  });
  connect(controller_, &GenerationController::failed, this, [this](const QString& message) {
    panel_->setStatus(message);
    Q_EMIT failed(message);
  });
  // A cancel is what the user asked for: a note in the status line, no dialog.
  connect(controller_, &GenerationController::cancelled, this, [this] {
    const QString message = cancelledMessage();
    panel_->setStatus(message);
    Q_EMIT cancelled(message);
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
  if (controller_->start(modelsFor(options), request)) {
    panel_->setStatus(tr("Starting…"));
    prompt_run_ = request.mode == media::GenerationMode::Prompt;
    last_stage_.clear();
    feedback_->begin();
    // The feedback sits below the settings: bring it into view once laid out.
    QTimer::singleShot(0, this, [this] { scroll_->ensureWidgetVisible(feedback_, 0, 0); });
  }
}

}  // namespace sds::ui
