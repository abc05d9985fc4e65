// The studio's main window: layout and wiring only. Each feature is its own
// widget or controller (previews, render controls, histogram, document
// loading, depth estimation, rendering, results history, export); services
// come in through the constructor.
#pragma once
#include <QMainWindow>
#include <QThreadPool>
#include <QUndoStack>
#include <functional>

#include "ui/common/question.h"
#include "ui/common/studio_settings.h"
#include "ui/document/document.h"
#include "ui/render/render_worker.h"

class QLabel;
class QSettings;

namespace sds::ui {

class ActionMessages;
class DepthEstimateController;
class DisparityPlot;
class DocumentController;
class ExportController;
class FileActions;
class GenerationDock;
class HistoryStrip;
class JobProgress;
class PreviewTabs;
class RenderControls;
class RenderController;
class ResultHistory;
class ShownView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // settings: where the studio remembers things (the caller owns it).
  // render: the preview renderer (empty = core's renderStereo).
  explicit MainWindow(QSettings& settings, RenderFn render = {}, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opening files without dialogs (command line, tests). Loading is
  // asynchronous: watch documents().documentChanged.
  void openFiles(const QString& image, const QString& depth);
  bool openSample();
  // The last session's files when they still exist, else the bundled sample.
  void openStartupFiles();

  DocumentController& documents() const { return *documents_; }
  RenderController& renderer() const { return *renderer_; }
  ExportController& exporter() const { return *exporter_; }
  DepthEstimateController& depthEstimator() const { return *depth_; }
  ResultHistory& history() const { return *history_; }
  QUndoStack& undoStack() { return undo_; }
  ActionMessages& messages() const { return *messages_; }
  PreviewTabs* previews() const { return previews_; }
  GenerationDock* generationDock() const { return generate_dock_; }

  // How errors reach the user; the default opens a (non-blocking) message box.
  // Tests pass a recorder so nothing pops up.
  void setErrorPresenter(std::function<void(const QString&)> present) { present_error_ = std::move(present); }
  // How questions (depth map mismatch, replace a file, quit with unsaved
  // pairs) are asked; the default is a window-modal message box. Tests answer.
  void setAsker(Asker ask);

 Q_SIGNALS:
  void errorReported(const QString& message);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  // The Stereo panel's parameters, run where the Generate dock's models run
  // (device) and, for the inpainting fill, in its precision.
  media::RenderParams renderParams() const;
  QWidget* buildSidePanel();
  void buildDocks();
  void buildMenus();
  void buildToolBar();
  void wireControllers();
  void wireResults();
  void askDepthFit(QSize photo, QSize depth);
  void showError(int action, const QString& message);
  void exportShown();
  void updateTitle();

  StudioSettings settings_;
  QThreadPool pool_;  // load and export jobs; waited for on destruction
  QUndoStack undo_;
  DocumentController* documents_;
  RenderController* renderer_;
  ExportController* exporter_;
  FileActions* files_;
  PreviewTabs* previews_;
  RenderControls* controls_;
  DisparityPlot* plot_;
  JobProgress* progress_;
  QLabel* render_info_;
  QLabel* source_info_;
  ActionMessages* messages_;
  ResultHistory* history_;
  ShownView* shown_;
  QAction* export_action_ = nullptr;
  GenerationDock* generate_dock_;  // AI generation (prompt or photo to stereo)
  DepthEstimateController* depth_;
  HistoryStrip* strip_;
  std::function<void(const QString&)> present_error_;
  Asker ask_;
  bool quit_confirmed_ = false;
};

}  // namespace sds::ui
