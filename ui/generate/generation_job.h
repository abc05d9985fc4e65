// One generation off the GUI thread: loads what changed into the shared
// Generator, runs it, and turns the result into a history entry (previews and
// thumbnail built here, not on the GUI thread).
#pragma once
#include <memory>

#include "core/media/generation.h"
#include "ui/results/pair_result.h"
#include "ui/jobs/job.h"

namespace sds::ui {

struct GenerationJobParams {
  std::shared_ptr<media::Generator> generator;  // used by one job at a time
  media::GeneratorModels models;
  media::GenerationRequest request;
};

class GenerationJob : public Job {
  Q_OBJECT
 public:
  explicit GenerationJob(GenerationJobParams params);

 Q_SIGNALS:
  void generated(const sds::ui::SharedResult& result);

 protected:
  void execute(const sds::CancelToken& cancel) override;

 private:
  GenerationJobParams params_;
};

}  // namespace sds::ui
