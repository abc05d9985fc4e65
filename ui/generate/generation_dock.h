// The Generate dock: the panel, its controller and the remembered choices,
// wired together. The main window supplies the open document (photo mode and
// "use the open depth map" read it) and takes the generated one; a failed or
// cancelled run comes out as one sentence through failed().
#pragma once
#include <QDockWidget>
#include <functional>

#include "core/media/render_params.h"
#include "ui/document/document.h"
#include "ui/jobs/job.h"

class QSettings;

namespace sds::ui {

class GenerationController;
class GenerationPanel;

struct GenerationInputs {
  SharedDocument document;
  media::DepthKind depth_kind = media::DepthKind::InverseDepth;  // how its depth map reads
};

class GenerationDock : public QDockWidget {
  Q_OBJECT
 public:
  // settings: where the panel's choices are remembered (the caller owns it).
  explicit GenerationDock(QSettings& settings, QWidget* parent = nullptr);
  ~GenerationDock() override;

  void setInputs(std::function<GenerationInputs()> inputs) { inputs_ = std::move(inputs); }
  GenerationPanel* panel() const { return panel_; }
  GenerationController& controller() const { return *controller_; }

  // What the Generate button does: remembers the choices and starts a run.
  void generate();

 Q_SIGNALS:
  void generated(const sds::ui::SharedDocument& document);
  void failed(const QString& message);
  void jobStarted(sds::ui::Job* job);

 private:
  void wire();

  QSettings& settings_;
  GenerationPanel* panel_;
  GenerationController* controller_;
  std::function<GenerationInputs()> inputs_;
};

}  // namespace sds::ui
