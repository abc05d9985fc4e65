#include "ui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include "ui/common/action_messages.h"
#include "ui/common/language_menu.h"
#include "ui/depth/depth_estimate_controller.h"
#include "ui/document/document_controller.h"
#include "ui/export/export_controller.h"
#include "ui/files/file_actions.h"
#include "ui/generate/generation_dock.h"
#include "ui/generate/generation_panel.h"
#include "ui/help/help_actions.h"
#include "ui/jobs/job.h"
#include "ui/render/render_controller.h"
#include "ui/results/control_undo.h"
#include "ui/results/history_commands.h"
#include "ui/results/history_strip.h"
#include "ui/results/params_undo.h"
#include "ui/results/result_history.h"
#include "ui/shown_view.h"
#include "ui/widgets/comfort_panel.h"
#include "ui/widgets/disparity_plot.h"
#include "ui/widgets/job_progress.h"
#include "ui/widgets/preview_tabs.h"
#include "ui/widgets/render_controls.h"

namespace sds::ui {

MainWindow::MainWindow(QSettings& settings, RenderFn render, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings),
      documents_(new DocumentController(pool_, this)),
      renderer_(new RenderController(std::move(render), this)),
      exporter_(new ExportController(pool_, this)),
      files_(new FileActions(*documents_, settings_, this)),
      previews_(new PreviewTabs),
      controls_(new RenderControls),
      plot_(new DisparityPlot),
      progress_(new JobProgress),
      render_info_(new QLabel),
      source_info_(new QLabel),
      messages_(new ActionMessages(render_info_, this)),
      history_(new ResultHistory(this)),
      shown_(new ShownView(previews_, renderer_, controls_, plot_, source_info_, this)),
      generate_dock_(new GenerationDock(settings)),
      depth_(new DepthEstimateController(*documents_, settings, this)),
      strip_(new HistoryStrip(*history_)) {
  setObjectName(QStringLiteral("mainWindow"));
  setAcceptDrops(true);
  pool_.setMaxThreadCount(2);
  setAsker(messageBoxAsker(this));

  auto* splitter = new QSplitter(Qt::Horizontal);
  splitter->setObjectName(QStringLiteral("mainSplitter"));
  splitter->addWidget(previews_);
  splitter->addWidget(buildSidePanel());
  splitter->setStretchFactor(0, 1);
  splitter->setCollapsible(0, false);
  setCentralWidget(splitter);

  render_info_->setObjectName(QStringLiteral("renderInfoLabel"));
  statusBar()->addWidget(render_info_, 1);
  statusBar()->addPermanentWidget(progress_);
  buildDocks();
  buildMenus();
  buildToolBar();
  wireControllers();
  wireResults();
  controls_->setParams(settings_.renderParams());
  new ParamsUndo(*controls_, undo_, this);  // after the remembered values are in
  // The Generate dock's choices too, except the device: where the models run
  // changes no picture, and it falls back by itself when CUDA goes away.
  QWidget* panel = generate_dock_->panel();
  auto* generate_undo = new ControlUndo(undo_, this);
  generate_undo->watchForms(panel, {panel->findChild<QWidget*>(QStringLiteral("generateDeviceCombo"))});
  previews_->setFormats(settings_.previewFormats());
  plot_->comfort()->setDisplayKey(settings_.comfortDisplay());
  connect(plot_->comfort(), &ComfortPanel::displayChanged, this,
          [this](const QString& key) { settings_.setComfortDisplay(key); });
  renderer_->setFormats(previews_->formats());
  renderer_->setDisplay(previews_->display());
  shown_->setSource(nullptr);
  updateTitle();
  resize(1280, 800);
  if (!restoreGeometry(settings_.windowGeometry())) resize(1280, 800);
  if (!restoreState(settings_.windowState())) {
    // First start: the history strip as low as its thumbnails allow, so the
    // side panel's histogram and comfort lines fit without scrolling.
    if (auto* history = findChild<QDockWidget*>(QStringLiteral("historyDock")))
      resizeDocks({history}, {history->minimumSizeHint().height()}, Qt::Vertical);
  }
}

MainWindow::~MainWindow() {
  documents_->cancel();
  exporter_->cancel();
  pool_.waitForDone();
}

void MainWindow::setAsker(Asker ask) {
  ask_ = std::move(ask);
  exporter_->setAsker(ask_);
}

QWidget* MainWindow::buildSidePanel() {
  auto* stereo = new QGroupBox(tr("Stereo render (photo + depth)"));
  auto* stereo_layout = new QVBoxLayout(stereo);
  stereo_layout->addWidget(controls_);
  auto* histogram = new QGroupBox(tr("Disparity histogram"));
  auto* histogram_layout = new QVBoxLayout(histogram);
  histogram_layout->addWidget(plot_);
  source_info_->setObjectName(QStringLiteral("sourceInfoLabel"));
  source_info_->setWordWrap(true);

  auto* panel = new QWidget;
  panel->setObjectName(QStringLiteral("sidePanel"));
  panel->setMinimumWidth(320);
  panel->setMaximumWidth(480);
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(source_info_);
  layout->addWidget(stereo);
  layout->addWidget(histogram, 1);
  // Scrolls rather than squeezes: on a short window the histogram and the comfort
  // lines would otherwise be drawn over each other below their minimum heights.
  auto* scroll = new QScrollArea;
  scroll->setObjectName(QStringLiteral("sidePanelScroll"));
  scroll->setWidget(panel);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  const int bar = scroll->verticalScrollBar()->sizeHint().width();
  scroll->setMinimumWidth(panel->minimumWidth() + bar);
  scroll->setMaximumWidth(panel->maximumWidth() + bar);
  return scroll;
}

void MainWindow::buildDocks() {
  // Visible at first start, so the AI half of the studio is found; restoreState()
  // brings back the user's layout after that (View > Generate toggles it).
  addDockWidget(Qt::LeftDockWidgetArea, generate_dock_);
  addAction(generate_dock_->generateAction());  // Ctrl+Enter and Escape from anywhere in the window
  addAction(generate_dock_->cancelAction());
  auto* history = new QDockWidget(tr("History"), this);
  history->setObjectName(QStringLiteral("historyDock"));
  history->setWidget(strip_);
  addDockWidget(Qt::BottomDockWidgetArea, history);
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(files_->openImageAction());
  file->addAction(files_->openDepthAction());
  file->addMenu(files_->recentMenu());
  file->addAction(files_->openSampleAction());
  file->addSeparator();
  export_action_ = file->addAction(tr("&Export…"), this, &MainWindow::exportShown);
  export_action_->setObjectName(QStringLiteral("actionExport"));
  export_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  export_action_->setEnabled(false);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = undo_.createUndoAction(this, tr("&Undo"));
  undo->setObjectName(QStringLiteral("actionUndo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = undo_.createRedoAction(this, tr("&Redo"));
  redo->setObjectName(QStringLiteral("actionRedo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addActions({undo, redo});

  QMenu* depth = menuBar()->addMenu(tr("&Depth"));
  depth->addAction(depth_->estimateAction());
  depth->addSeparator();
  depth->addActions({depth_->useFileAction(), depth_->useEstimateAction()});
  depth->addSeparator();
  depth->addAction(depth_->estimateOnOpenAction());

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (int i = 0; i < previews_->count(); ++i) {
    QAction* a = view->addAction(previews_->tabText(i), this, [this, i] { previews_->setCurrentIndex(i); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
  }
  view->addSeparator();
  QAction* generate = generate_dock_->toggleViewAction();
  generate->setText(tr("&Generate (AI)"));
  generate->setObjectName(QStringLiteral("actionGenerate"));
  generate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
  view->addAction(generate);
  view->addSeparator();
  view->addActions(previews_->zoomActions());
  view->addSeparator();
  auto* language = new LanguageMenu(settings_.raw(), this);
  connect(language, &LanguageMenu::chosen, this, [this](const QString&, const QString& note) {
    statusBar()->showMessage(note, 10000);
  });
  view->addMenu(language);
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  addHelpActions(help, this);
}

void MainWindow::buildToolBar() {
  QToolBar* bar = addToolBar(tr("Main"));
  bar->setObjectName(QStringLiteral("mainToolBar"));
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  bar->addActions({files_->openImageAction(), files_->openDepthAction()});
  bar->addSeparator();
  bar->addAction(depth_->estimateAction());
  bar->addSeparator();
  bar->addAction(export_action_);
  bar->addSeparator();
  bar->addActions(previews_->zoomActions());
}

media::RenderParams MainWindow::renderParams() const {
  media::RenderParams p = controls_->params();
  const GenerationOptions o = generate_dock_->panel()->options();
  p.device = o.device.toStdString();
  p.inpaint_precision = o.precision;
  return p;
}

void MainWindow::wireControllers() {
  connect(documents_, &DocumentController::documentChanged, this, [this](const SharedDocument& doc) {
    messages_->clear(ActionMessages::Open);
    shown_->setSource(doc);
    history_->show(nullptr);  // a changed source is what the user wants to see
    files_->remember(doc);
    // Metric depth models take the photo's focal length from its EXIF (read when it was opened).
    generate_dock_->panel()->setPhotoFocal(doc && doc->hasImage() ? doc->focal : media::PhotoFocal{});
    updateTitle();
  });
  connect(documents_, &DocumentController::photoOpened, this, [this] {
    messages_->clear(ActionMessages::Estimate);  // about the previous photo
    messages_->clear(ActionMessages::Generate);
  });
  connect(documents_, &DocumentController::loadFailed, this, [this](const QString& m) { showError(ActionMessages::Open, m); });
  connect(documents_, &DocumentController::jobStarted, progress_, &JobProgress::track);
  connect(documents_, &DocumentController::depthMismatch, this, &MainWindow::askDepthFit);

  connect(controls_, &RenderControls::paramsChanged, this, [this](const media::RenderParams& p) {
    shown_->setParams(renderParams());
    settings_.setRenderParams(p);
  });
  // The inpainting fill runs where the Generate dock's models run, in its precision.
  connect(generate_dock_->panel(), &GenerationPanel::computeChanged, this, [this] { shown_->setParams(renderParams()); });
  connect(previews_, &PreviewTabs::formatsChanged, this, [this](const PreviewFormats& f) {
    renderer_->setFormats(f);
    settings_.setPreviewFormats(f);
  });
  connect(previews_, &PreviewTabs::displayChanged, renderer_, &RenderController::setDisplay);
  connect(renderer_, &RenderController::rendered, this, [this](const RenderResult& result) {
    previews_->showResult(result);
    // The histogram travels with every result (the worker keeps the last pair's).
    plot_->setHistogram(result.histogram);
    if (!result.rendered) return;  // only composed again for the display
    if (result.partial) {
      messages_->post(ActionMessages::Render, tr("Preview with the fast fill; the inpainting model is filling the holes…"));
      return;
    }
    messages_->post(ActionMessages::Render,
                    (result.inpainted ? tr("Preview %1 × %2, inpainted in %3 ms") : tr("Preview %1 × %2, rendered in %3 ms"))
                        .arg(result.preview_size.width)
                        .arg(result.preview_size.height)
                        .arg(result.render_ms, 0, 'f', 0));
  });
  connect(renderer_, &RenderController::inpaintRunning, controls_, &RenderControls::setInpaintRunning);
  connect(renderer_, &RenderController::inpaintProgress, controls_, &RenderControls::setInpaintProgress);
  connect(controls_, &RenderControls::inpaintCancelRequested, this, [this] {
    renderer_->cancelInpaint();
    messages_->post(ActionMessages::Render, tr("Inpainting cancelled: the preview keeps the fast fill"));
  });
  connect(renderer_, &RenderController::failed, this, [this](const QString& m) { messages_->post(ActionMessages::Render, m); });
  connect(shown_, &ShownView::changed, this, [this] { export_action_->setEnabled(shown_->canExport()); });

  connect(depth_, &DepthEstimateController::started, this, [this] { messages_->clear(ActionMessages::Estimate); });
  connect(depth_, &DepthEstimateController::jobStarted, progress_, &JobProgress::track);
  connect(depth_, &DepthEstimateController::estimated, this, [this](const QString& m) { messages_->post(ActionMessages::Estimate, m); });
  connect(depth_, &DepthEstimateController::failed, this, [this](const QString& m) { showError(ActionMessages::Estimate, m); });
  depth_->setModelChoice([this] {
    const GenerationOptions o = generate_dock_->panel()->options();
    return DepthModelChoice{o.depth_model, o.device, o.precision, o.depth_fov_degrees};
  });

  connect(exporter_, &ExportController::started, this, [this] { messages_->clear(ActionMessages::Export); });
  connect(exporter_, &ExportController::jobStarted, progress_, &JobProgress::track);
  connect(exporter_, &ExportController::targetChosen, this, [this](const ExportTarget& t) { settings_.setExportDefaults(t); });
  connect(exporter_, &ExportController::failed, this, [this](const QString& m) { showError(ActionMessages::Export, m); });
  connect(exporter_, &ExportController::exported, this, [this](const QStringList& files, const SharedResult& result) {
    history_->markExported(result);
    messages_->post(ActionMessages::Export, tr("Exported %1").arg(files.join(QStringLiteral(", "))));
  });
  exporter_->setDefaults(settings_.exportDefaults());
}

void MainWindow::wireResults() {
  generate_dock_->setInputs([this] {
    return GenerationInputs{documents_->document(), controls_->params().depth_kind, history_->shown()};
  });
  connect(generate_dock_, &GenerationDock::started, this, [this] { messages_->clear(ActionMessages::Generate); });
  connect(generate_dock_, &GenerationDock::jobStarted, progress_, &JobProgress::track);
  connect(generate_dock_, &GenerationDock::generated, this,
          [this](const SharedResult& r) { undo_.push(ResultListCommand::adding(*history_, r)); });
  connect(generate_dock_, &GenerationDock::failed, this, [this](const QString& m) { showError(ActionMessages::Generate, m); });
  connect(generate_dock_, &GenerationDock::cancelled, this, [this](const QString& m) { messages_->post(ActionMessages::Generate, m); });
  connect(history_, &ResultHistory::shownChanged, shown_, &ShownView::setResult);
  connect(strip_, &HistoryStrip::showRequested, history_, &ResultHistory::show);
  connect(strip_, &HistoryStrip::removeRequested, this,
          [this](int index) { undo_.push(ResultListCommand::removing(*history_, index)); });
  connect(strip_, &HistoryStrip::exportRequested, this, [this](const SharedResult& r) {
    history_->show(r);
    exportShown();
  });
}

void MainWindow::askDepthFit(QSize photo, QSize depth) {
  const Question q{QStringLiteral("depthMismatchQuestion"), tr("Depth map of another shape"),
                   tr("The depth map is %1 × %2 but the photo is %3 × %4: their shapes differ, so it cannot be laid "
                      "over the photo as it is.\n\nFit: stretch it to the photo (distorts it).\nCrop: use its "
                      "centre at the photo's shape.\nCancel: do not use this depth map.")
                       .arg(depth.width()).arg(depth.height()).arg(photo.width()).arg(photo.height()),
                   {tr("Fit"), tr("Crop"), tr("Cancel")}, 2};
  ask_(q, [this](int button) {
    documents_->resolveDepthMismatch(button == 0   ? std::optional<DepthFit>(DepthFit::Fit)
                                     : button == 1 ? std::optional<DepthFit>(DepthFit::Crop)
                                                   : std::nullopt);
  });
}

void MainWindow::openFiles(const QString& image, const QString& depth) { files_->open(RecentPair{image, depth}); }

bool MainWindow::openSample() { return files_->openSample(); }

void MainWindow::openStartupFiles() {
  const RecentPair last = settings_.lastSession();
  if (QFileInfo::exists(last.image) && QFileInfo::exists(last.depth))
    files_->open(last);
  else if (!files_->openSample())
    messages_->post(ActionMessages::Open, tr("Open a photo and its depth map to begin."));
}

void MainWindow::exportShown() {
  exporter_->exportInteractively(this, documents_->document(), history_->shown(), renderParams());
}

void MainWindow::showError(int action, const QString& message) {
  messages_->post(ActionMessages::Action(action), message);
  Q_EMIT errorReported(message);
  if (present_error_) {
    present_error_(message);
    return;
  }
  auto* box = new QMessageBox(QMessageBox::Warning, tr("StereoDiffusion Studio"), message, QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("errorBox"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::updateTitle() {
  const SharedDocument& doc = documents_->document();
  const QString name = doc && doc->hasImage() ? QFileInfo(doc->image_path).fileName() : QString();
  setWindowTitle(name.isEmpty() ? tr("StereoDiffusion Studio") : tr("%1 — StereoDiffusion Studio").arg(name));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  const int unsaved = history_->unexportedCount();
  if (unsaved > 0 && !quit_confirmed_) {
    event->ignore();
    ask_(Question{QStringLiteral("quitQuestion"), tr("Quit without exporting?"),
                  tr("%n generated pair(s) of this session were not exported and will be lost.", nullptr, unsaved),
                  {tr("Quit Without Exporting"), tr("Cancel")}, 1},
         [this](int button) {
           if (button != 0) return;
           quit_confirmed_ = true;
           close();
         });
    return;
  }
  settings_.setWindow(saveGeometry(), saveState());
  settings_.sync();
  QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile()) paths << url.toLocalFile();
  files_->openDropped(paths);
  event->acceptProposedAction();
}

}  // namespace sds::ui
