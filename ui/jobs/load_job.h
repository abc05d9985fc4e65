// Opening files off the GUI thread: reads the photo and/or the depth map, keeps
// whatever the base document already had for the other one, and builds the
// preview sources.
#pragma once
#include "ui/document/document.h"
#include "ui/jobs/job.h"

namespace sds::ui {

struct LoadParams {
  QString image_path;   // empty: keep base's photo
  QString depth_path;   // empty: keep base's depth map
  SharedDocument base;  // may be null
  int preview_max_side = 1024;
};

class LoadJob : public Job {
  Q_OBJECT
 public:
  explicit LoadJob(LoadParams params);

 Q_SIGNALS:
  void loaded(const sds::ui::SharedDocument& document);

 protected:
  void execute(const sds::CancelToken& cancel) override;

 private:
  LoadParams params_;
};

// The work itself, synchronous (used by the job and by tests).
SharedDocument loadDocument(const LoadParams& params, const sds::CancelToken& cancel);

}  // namespace sds::ui
