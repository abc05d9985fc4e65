#include "ui/generate/generation_job.h"

#include <QCoreApplication>



namespace sds::ui {

GenerationJob::GenerationJob(GenerationJobParams params)
    : Job(QCoreApplication::translate("sds::ui::GenerationJob", "Generating")), params_(std::move(params)) {
  qRegisterMetaType<sds::ui::SharedResult>();
}

void GenerationJob::execute(const sds::CancelToken& cancel) {
  Q_EMIT progress(0.0, title());
  media::Generator& generator = *params_.generator;
  generator.setModels(params_.models);
  const media::GenerationResult result = generator.generate(params_.request, progressFn(), cancel);
  cancel.throwIfCancelled();
  SharedResult pair = makePairResult(result, params_.request);
  Q_EMIT progress(1.0, title());
  Q_EMIT generated(pair);
}

}  // namespace sds::ui
