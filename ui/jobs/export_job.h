// Export at full resolution off the GUI thread: a result's pair as it was
// made, or the source rendered with the current parameters; then the chosen
// format through core's atomic export (nothing half-written is left when
// cancelled or failed).
#pragma once
#include <QStringList>

#include "core/media/render_params.h"
#include "ui/document/document.h"
#include "ui/export/export_target.h"
#include "ui/jobs/job.h"
#include "ui/results/pair_result.h"

namespace sds::ui {

struct ExportParams {
  ExportTarget target;
  SharedDocument source;  // used when result is null
  SharedResult result;
  media::RenderParams render;
};

class ExportJob : public Job {
  Q_OBJECT
 public:
  explicit ExportJob(ExportParams params);

 Q_SIGNALS:
  void exported(const QStringList& files);

 protected:
  void execute(const sds::CancelToken& cancel) override;

 private:
  ExportParams params_;
};

}  // namespace sds::ui
