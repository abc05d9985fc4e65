// The Generate dock: the panel, its controller and the remembered choices,
// wired together. The main window supplies the source (photo mode and "use
// the source's depth map" read it) and the result on screen, and takes every
// new result; a failed or cancelled run comes out as one sentence through
// failed(). When a prompt pair is shown and only its stereo fields change, the
// dock re-runs the right view by itself (pass 2 only), once the user pauses.
#pragma once
#include <QDockWidget>
#include <QTimer>
#include <functional>
#include <string>

#include "core/media/render_params.h"
#include "ui/document/document.h"
#include "ui/jobs/job.h"
#include "ui/results/pair_result.h"

class QAction;
class QScrollArea;
class QSettings;

namespace sds::ui {

class GenerationController;
class GenerationFeedback;
class GenerationPanel;

struct GenerationInputs {
  SharedDocument document;
  media::DepthKind depth_kind = media::DepthKind::InverseDepth;  // how the user's depth file reads
  SharedResult shown;  // the result on screen, if any
};

class GenerationDock : public QDockWidget {
  Q_OBJECT
 public:
  // settings: where the panel's choices are remembered (the caller owns it).
  explicit GenerationDock(QSettings& settings, QWidget* parent = nullptr);
  ~GenerationDock() override;

  void setInputs(std::function<GenerationInputs()> inputs) { inputs_ = std::move(inputs); }
  GenerationPanel* panel() const { return panel_; }
  GenerationFeedback* feedback() const { return feedback_; }
  // Ctrl+Enter and Escape. The main window adds them too, so they work
  // wherever the focus is, with the dock docked or floating.
  QAction* generateAction() const { return generate_action_; }
  QAction* cancelAction() const { return cancel_action_; }
  GenerationController& controller() const { return *controller_; }
  void setRerunDelay(int ms) { rerun_.setInterval(ms); }

  // What the Generate button does: remembers the choices and starts a run.
  void generate();

  // True once the depth models found on this computer are in the panel's list
  // (they are looked for on a pool thread when the dock is made).
  bool depthModelsListed() const;

 Q_SIGNALS:
  void started();  // a run begins: earlier generation messages are stale
  void generated(const sds::ui::SharedResult& result);
  void failed(const QString& message);
  void cancelled(const QString& message);  // the user stopped a run: a note, not an error
  void jobStarted(sds::ui::Job* job);
  void depthModelsFound();  // the list is filled (depthModelsListed())

 private:
  void wire();
  void buildActions();
  void listDepthModels();
  QString cancelledMessage() const;
  void onStereoChanged();
  bool buildFromPanel(media::GenerationRequest& request, QString& problem) const;

  QSettings& settings_;
  GenerationPanel* panel_;
  GenerationFeedback* feedback_;
  QScrollArea* scroll_;
  GenerationController* controller_;
  QAction* generate_action_;
  QAction* cancel_action_;
  std::string last_stage_;  // of the running prompt run: was the left view finished?
  bool prompt_run_ = false;
  std::function<GenerationInputs()> inputs_;
  QTimer rerun_;  // debounces stereo edits into one right-view run
};

}  // namespace sds::ui
