// One generation off the GUI thread: loads what changed into the shared
// Generator, runs it, and turns the result into a history entry (previews and
// thumbnail built here, not on the GUI thread).
#pragma once
#include <QImage>
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

// Denoising steps between intermediate pictures: about ten per stage, at least one.
int previewInterval(int steps);

class GenerationJob : public Job {
  Q_OBJECT
 public:
  explicit GenerationJob(GenerationJobParams params);

 Q_SIGNALS:
  void generated(const sds::ui::SharedResult& result);
  // The whole progress record (stage, step of total, overall), untranslated.
  void stepped(const sds::Progress& progress);
  // The work in progress every few steps, at latent size (see media::StepPreview).
  void previewed(const QImage& image);

 protected:
  void execute(const sds::CancelToken& cancel) override;

 private:
  GenerationJobParams params_;
};

}  // namespace sds::ui
