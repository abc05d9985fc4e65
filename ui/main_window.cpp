#include "ui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "ui/document/document_controller.h"
#include "ui/export/export_controller.h"
#include "ui/files/file_actions.h"
#include "ui/generate/generation_dock.h"
#include "ui/jobs/job.h"
#include "ui/render/render_controller.h"
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
      generate_dock_(new GenerationDock(settings)) {
  setObjectName(QStringLiteral("mainWindow"));
  setAcceptDrops(true);
  pool_.setMaxThreadCount(2);

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
  addDockWidget(Qt::LeftDockWidgetArea, generate_dock_);
  generate_dock_->hide();  // View > Generate shows it; restoreState() brings back the last layout

  buildMenus();
  wireControllers();
  controls_->setParams(settings_.renderParams());
  previews_->setFormats(settings_.previewFormats());
  renderer_->setFormats(previews_->formats());
  renderer_->setDisplay(previews_->display());
  updateTitle();
  resize(1280, 800);
  if (!restoreGeometry(settings_.windowGeometry())) resize(1280, 800);
  restoreState(settings_.windowState());
}

MainWindow::~MainWindow() {
  documents_->cancel();
  exporter_->cancel();
  pool_.waitForDone();
}

QWidget* MainWindow::buildSidePanel() {
  auto* stereo = new QGroupBox(tr("Stereo"));
  auto* stereo_layout = new QVBoxLayout(stereo);
  stereo_layout->addWidget(controls_);
  auto* histogram = new QGroupBox(tr("Disparity histogram"));
  auto* histogram_layout = new QVBoxLayout(histogram);
  histogram_layout->addWidget(plot_);

  auto* panel = new QWidget;
  panel->setObjectName(QStringLiteral("sidePanel"));
  panel->setMinimumWidth(320);
  panel->setMaximumWidth(480);
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(stereo);
  layout->addWidget(histogram, 1);
  return panel;
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(files_->openImageAction());
  file->addAction(files_->openDepthAction());
  file->addMenu(files_->recentMenu());
  file->addAction(files_->openSampleAction());
  file->addSeparator();
  export_action_ = file->addAction(tr("&Export…"), this, &MainWindow::exportCurrent);
  export_action_->setObjectName(QStringLiteral("actionExport"));
  export_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  export_action_->setEnabled(false);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

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
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About StereoDiffusion Studio"), this, &MainWindow::showAbout);
}

void MainWindow::wireControllers() {
  connect(documents_, &DocumentController::documentChanged, this, &MainWindow::onDocumentChanged);
  connect(documents_, &DocumentController::loadFailed, this, &MainWindow::showError);
  connect(documents_, &DocumentController::jobStarted, progress_, &JobProgress::track);

  connect(controls_, &RenderControls::paramsChanged, this, [this](const media::RenderParams& p) {
    renderer_->setParams(p);
    settings_.setRenderParams(p);
  });
  connect(previews_, &PreviewTabs::formatsChanged, this, [this](const PreviewFormats& f) {
    renderer_->setFormats(f);
    settings_.setPreviewFormats(f);
  });
  connect(previews_, &PreviewTabs::displayChanged, renderer_, &RenderController::setDisplay);
  connect(renderer_, &RenderController::rendered, this, &MainWindow::onRendered);
  connect(renderer_, &RenderController::failed, this, [this](const QString& message) {
    render_info_->setText(message);
  });

  connect(exporter_, &ExportController::jobStarted, progress_, &JobProgress::track);
  connect(exporter_, &ExportController::targetChosen, this,
          [this](const ExportTarget& t) { settings_.setExportDefaults(t); });
  connect(exporter_, &ExportController::failed, this, &MainWindow::showError);
  connect(exporter_, &ExportController::exported, this, [this](const QStringList& files) {
    statusBar()->showMessage(tr("Exported %1").arg(files.join(QStringLiteral(", "))), 8000);
  });
  exporter_->setDefaults(settings_.exportDefaults());

  generate_dock_->setInputs([this] { return GenerationInputs{documents_->document(), controls_->params().depth_kind}; });
  connect(generate_dock_, &GenerationDock::jobStarted, progress_, &JobProgress::track);
  connect(generate_dock_, &GenerationDock::generated, documents_, &DocumentController::setDocument);
  connect(generate_dock_, &GenerationDock::failed, this, &MainWindow::showError);
}

void MainWindow::openFiles(const QString& image, const QString& depth) { files_->open(RecentPair{image, depth}); }

bool MainWindow::openSample() { return files_->openSample(); }

void MainWindow::openStartupFiles() {
  const RecentPair last = settings_.lastSession();
  if (QFileInfo::exists(last.image) && QFileInfo::exists(last.depth))
    files_->open(last);
  else if (!files_->openSample())
    render_info_->setText(tr("Open a photo and its depth map to begin."));
}

void MainWindow::onDocumentChanged(const SharedDocument& document) {
  previews_->showDocument(document);
  renderer_->setSources(document ? document->sources : nullptr);
  if (!document || !document->sources) plot_->clear();
  export_action_->setEnabled(document && document->sources);
  files_->remember(document);
  if (document && !document->sources)
    render_info_->setText(document->hasImage() ? tr("Now open the photo's depth map.") : tr("Now open the photo."));
  // Show the stereo result rather than the inputs once there is one.
  if (document && document->sources && previews_->currentIndex() <= PreviewTabs::DepthTab)
    previews_->setCurrentIndex(PreviewTabs::SideBySideTab);
  updateTitle();
}

void MainWindow::onRendered(const RenderResult& result) {
  previews_->showResult(result);
  // The histogram travels with every result (the worker keeps the last pair's),
  // so a render superseded before it was shown still leaves the right one.
  plot_->setHistogram(result.histogram);
  if (!result.rendered) return;  // only composed again for the display
  render_info_->setText(tr("Preview %1 × %2, rendered in %3 ms")
                            .arg(result.preview_size.width)
                            .arg(result.preview_size.height)
                            .arg(result.render_ms, 0, 'f', 0));
}

void MainWindow::exportCurrent() {
  exporter_->exportInteractively(this, documents_->document(), controls_->params());
}

void MainWindow::showError(const QString& message) {
  render_info_->setText(message);
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

void MainWindow::showAbout() {
  auto* box = new QMessageBox(QMessageBox::Information, tr("About StereoDiffusion Studio"),
                              tr("<p><b>StereoDiffusion Studio</b> %1</p>"
                                 "<p>Stereo (3D) image pairs from a photo and its depth map, and with Stable "
                                 "Diffusion by the StereoDiffusion method.</p>")
                                  .arg(QStringLiteral(SDSTEREO_VERSION)),
                              QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
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
