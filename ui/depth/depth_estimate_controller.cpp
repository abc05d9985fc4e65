#include "ui/depth/depth_estimate_controller.h"

#include <QAction>
#include <QActionGroup>
#include <QFileInfo>
#include <QSettings>

#include "ui/document/document_controller.h"

namespace sds::ui {
namespace {

const QString kOnOpenKey = QStringLiteral("depth/estimateOnOpen");

}  // namespace

DepthEstimateController::DepthEstimateController(DocumentController& documents, QSettings& settings, QObject* parent)
    : QObject(parent),
      documents_(documents),
      settings_(settings),
      estimate_(new QAction(tr("&Estimate Depth"), this)),
      use_file_(new QAction(tr("Use &My Depth File"), this)),
      use_estimate_(new QAction(tr("Use the E&stimated Depth"), this)),
      on_open_(new QAction(tr("Estimate Depth of Every &Opened Photo"), this)),
      which_(new QActionGroup(this)) {
  pool_.setMaxThreadCount(1);
  pool_.setObjectName(QStringLiteral("sds-depth"));
  estimate_->setObjectName(QStringLiteral("actionEstimateDepth"));
  estimate_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  estimate_->setToolTip(tr("Estimate the photo's depth with the depth model chosen in the Generate dock"));
  use_file_->setObjectName(QStringLiteral("actionUseUserDepth"));
  use_file_->setToolTip(tr("Render with the depth map you opened"));
  use_estimate_->setObjectName(QStringLiteral("actionUseEstimatedDepth"));
  use_estimate_->setToolTip(tr("Render with the depth map the depth model estimated"));
  on_open_->setObjectName(QStringLiteral("actionEstimateOnOpen"));
  on_open_->setCheckable(true);
  on_open_->setChecked(settings_.value(kOnOpenKey, false).toBool());
  on_open_->setToolTip(tr("Otherwise an opened photo starts without a depth map"));
  for (QAction* a : {use_file_, use_estimate_}) {
    a->setCheckable(true);
    which_->addAction(a);
  }
  connect(estimate_, &QAction::triggered, this, &DepthEstimateController::estimate);
  connect(use_file_, &QAction::triggered, this, [this] { documents_.useDepth(DepthOrigin::UserFile); });
  connect(use_estimate_, &QAction::triggered, this, [this] { documents_.useDepth(DepthOrigin::Estimated); });
  connect(on_open_, &QAction::toggled, this, [this](bool on) { settings_.setValue(kOnOpenKey, on); });
  connect(&documents_, &DocumentController::documentChanged, this, &DepthEstimateController::updateActions);
  connect(&documents_, &DocumentController::photoOpened, this, &DepthEstimateController::onPhotoOpened);
  updateActions();
}

DepthEstimateController::~DepthEstimateController() {
  cancel();
  pool_.waitForDone();
}

void DepthEstimateController::cancel() {
  if (!running_) return;
  cancel_requested_ = true;
  running_->cancel();
}

void DepthEstimateController::onPhotoOpened() {
  const SharedDocument& doc = documents_.document();
  if (on_open_->isChecked() && doc && doc->user_depth.empty()) estimate();
}

void DepthEstimateController::estimate() {
  Q_EMIT started();
  const SharedDocument doc = documents_.document();
  const DepthModelChoice choice = choice_ ? choice_() : DepthModelChoice{};
  if (!doc || !doc->hasImage()) return Q_EMIT failed(tr("Open a photo first: the depth is estimated from it."));
  if (choice.path.isEmpty())
    return Q_EMIT failed(tr("Choose a depth model first (Generate dock, Models, Depth model)."));
  if (isBusy()) return Q_EMIT failed(tr("A depth estimate is already running; wait for it or cancel it."));
  auto* job = new DepthEstimateJob(DepthEstimateParams{cache_, choice.path, choice.device, choice.precision, choice.fov_degrees, doc});
  running_ = job;
  cancel_requested_ = false;
  // The job deletes itself and may be gone when these queued calls run: no pointer to it is used.
  connect(job, &DepthEstimateJob::estimated, this, [this](const SharedDocument& base, const SharedDocument& out) {
    if (cancel_requested_) return Q_EMIT failed(cancelledMessage());  // finished before it saw the cancel
    documents_.acceptEstimate(base, out);
    Q_EMIT estimated(tr("Depth estimated by %1; your own depth file, if any, is kept (Depth menu).")
                         .arg(out->estimated_depth.model));
  });
  connect(job, &Job::failed, this, &DepthEstimateController::failed);
  connect(job, &Job::cancelled, this, [this] { Q_EMIT failed(cancelledMessage()); });
  connect(job, &Job::ended, this, [this] {
    running_ = nullptr;
    updateActions();
  });
  Q_EMIT jobStarted(job);
  job->start(pool_);
  updateActions();
}

QString DepthEstimateController::cancelledMessage() const {
  return tr("Depth estimate cancelled; the depth map is unchanged.");
}

void DepthEstimateController::updateActions() {
  const SharedDocument& doc = documents_.document();
  estimate_->setEnabled(doc && doc->hasImage() && !isBusy());
  use_file_->setEnabled(doc && !doc->user_depth.empty());
  use_estimate_->setEnabled(doc && !doc->estimated_depth.empty());
  use_file_->setChecked(doc && doc->active == DepthOrigin::UserFile);
  use_estimate_->setChecked(doc && doc->active == DepthOrigin::Estimated);
  use_file_->setText(doc && !doc->user_depth.empty()
                         ? tr("Use My Depth File (%1)").arg(QFileInfo(doc->user_depth.path).fileName())
                         : tr("Use My Depth File"));
}

}  // namespace sds::ui
