#include "ui/generate/generation_job.h"

#include <QCoreApplication>
#include <algorithm>

#include "ui/common/mat_image.h"

namespace sds::ui {

GenerationJob::GenerationJob(GenerationJobParams params)
    : Job(QCoreApplication::translate("sds::ui::GenerationJob", "Generating")), params_(std::move(params)) {
  qRegisterMetaType<sds::ui::SharedResult>();
  qRegisterMetaType<sds::Progress>();
}

int previewInterval(int steps) { return std::max(1, steps / 10); }

void GenerationJob::execute(const sds::CancelToken& cancel) {
  Q_EMIT progress(0.0, title());
  media::Generator& generator = *params_.generator;
  generator.setModels(params_.models);
  const sds::ProgressFn forward = progressFn();
  const sds::ProgressFn report = [this, forward](const sds::Progress& p) {
    forward(p);
    Q_EMIT stepped(p);
  };
  media::StepPreview preview;
  preview.every = previewInterval(params_.request.steps);
  // A deep copy: the picture outlives this thread's Mat.
  preview.show = [this](const cv::Mat& bgr) { Q_EMIT previewed(toQImage(bgr).copy()); };
  const media::GenerationResult result = generator.generate(params_.request, report, cancel, preview);
  cancel.throwIfCancelled();
  SharedResult pair = makePairResult(result, params_.request);
  Q_EMIT progress(1.0, title());
  Q_EMIT generated(pair);
}

}  // namespace sds::ui
