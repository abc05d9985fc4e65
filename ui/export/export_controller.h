// Runs exports: asks for a target (a dialog, or the one a test injected), then
// starts an ExportJob on the pool with what is shown: a result from the
// history, or the source rendered with the current parameters.
#pragma once
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

#include "core/media/render_params.h"
#include "ui/common/question.h"
#include "ui/document/document.h"
#include "ui/export/export_target.h"
#include "ui/results/pair_result.h"

class QThreadPool;
class QWidget;

namespace sds::ui {

class Job;
class ExportJob;

class ExportController : public QObject {
  Q_OBJECT
 public:
  ExportController(QThreadPool& pool, QObject* parent = nullptr);
  ~ExportController() override;

  // The export action: shows the dialog (window-modal, never blocking) unless a
  // target was injected with setNextTarget, then exports.
  // result: the pair to write; null: the source, rendered with `params`.
  void exportInteractively(QWidget* dialog_parent, const SharedDocument& source, const SharedResult& result,
                           const media::RenderParams& params);
  void start(const ExportTarget& target, const SharedDocument& source, const SharedResult& result,
             const media::RenderParams& params);
  // How the dialog asks before replacing a file (tests answer without a box).
  void setAsker(Asker ask) { ask_ = std::move(ask); }

  // Test seam: the next exportInteractively() uses this target without a dialog.
  void setNextTarget(const ExportTarget& target) { next_target_ = target; }
  // The dialog's starting values (remembered in settings by the caller).
  void setDefaults(const ExportTarget& target) { defaults_ = target; }
  const ExportTarget& defaults() const { return defaults_; }
  bool isExporting() const { return !running_.isNull(); }
  void cancel();

 Q_SIGNALS:
  void jobStarted(sds::ui::Job* job);
  void started();  // an export begins: earlier export messages are stale
  void exported(const QStringList& files, const sds::ui::SharedResult& result);
  void failed(const QString& message);
  void targetChosen(const sds::ui::ExportTarget& target);

 private:
  QThreadPool& pool_;
  ExportTarget defaults_;
  std::optional<ExportTarget> next_target_;
  Asker ask_;
  QPointer<ExportJob> running_;
};

}  // namespace sds::ui
