#include "ui/widgets/preview_tabs.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/common/display_names.h"
#include "ui/common/mat_image.h"
#include "ui/widgets/image_view.h"
#include "ui/widgets/view_zoom.h"
#include "ui/widgets/wiggle_view.h"

namespace sds::ui {

using media::StereoFormat;

namespace {

ImageView* makeView(const char* name, const QString& placeholder) {
  auto* view = new ImageView;
  view->setObjectName(QLatin1String(name));
  view->setPlaceholderText(placeholder);
  return view;
}

QComboBox* makeVariants(const char* name, std::initializer_list<StereoFormat> formats) {
  auto* box = new QComboBox;
  box->setObjectName(QLatin1String(name));
  for (StereoFormat f : formats) box->addItem(DisplayNames::stereoFormat(f), int(f));
  return box;
}

void select(QComboBox* box, StereoFormat f) {
  const int index = box->findData(int(f));
  if (index >= 0) box->setCurrentIndex(index);
}

}  // namespace

PreviewTabs::PreviewTabs(QWidget* parent)
    : QTabWidget(parent),
      zoom_(new ViewZoom(this)),
      photo_(makeView("photoView", tr("Open a photo and its depth map (File menu), or drop them here."))),
      depth_(makeView("depthView", tr("No depth map yet."))),
      side_by_side_(makeView("sideBySideView", tr("The stereo pair appears here once a photo and a depth map are open."))),
      anaglyph_(makeView("anaglyphView", tr("The anaglyph appears here once a photo and a depth map are open."))),
      wiggle_(new WiggleView),
      split_photo_(makeView("splitPhotoView", tr("No photo yet."))),
      split_depth_(makeView("splitDepthView", tr("No depth map yet."))),
      sbs_variant_(makeVariants("sbsFormatCombo", {StereoFormat::SbsParallel, StereoFormat::SbsCross})),
      anaglyph_variant_(makeVariants("anaglyphFormatCombo",
                                     {StereoFormat::AnaglyphDubois, StereoFormat::AnaglyphHalfColor,
                                      StereoFormat::AnaglyphColor, StereoFormat::AnaglyphGray,
                                      StereoFormat::AnaglyphTrue})),
      swap_eyes_(new QCheckBox(tr("Swap eyes"))) {
  setObjectName(QStringLiteral("previewTabs"));
  setDocumentMode(true);
  wiggle_->setObjectName(QStringLiteral("wiggleView"));
  wiggle_->setPlaceholderText(tr("The two views take turns here once a photo and a depth map are open."));
  swap_eyes_->setObjectName(QStringLiteral("swapEyesCheck"));
  swap_eyes_->setToolTip(tr("Show the right view to the left eye and the other way round, in every stereo "
                            "preview: if the depth looks inside out, the views were swapped. Exports are not "
                            "affected."));
  sbs_variant_->setToolTip(tr("Parallel: the left view on the left, for VR headsets, 3D TVs and parallel free "
                              "viewing. Cross-eyed: the views exchanged, for cross-eyed free viewing."));
  anaglyph_variant_->setToolTip(tr("Red/cyan glasses (red filter on the left eye). Dubois gives the least ghosting "
                                   "and good colour; grey has no colour clash at all."));
  describeAnaglyphs();
  for (ImageView* v : {photo_, depth_, side_by_side_, anaglyph_, split_photo_, split_depth_}) v->setZoom(zoom_);
  wiggle_->setZoom(zoom_);

  addTab(photo_, tr("Photo"));
  addTab(depth_, tr("Depth map"));
  addTab(stereoPage(side_by_side_, sbs_variant_, tr("Viewing")), tr("Side by side"));
  addTab(stereoPage(anaglyph_, anaglyph_variant_, tr("Glasses (red/cyan)")), tr("Anaglyph"));
  addTab(wiggle_, tr("Wiggle"));
  addTab(splitPage(), tr("Photo | Depth"));
  setTabToolTip(WiggleTab, tr("The left and right views in turn: judge the depth without glasses."));
  setTabToolTip(SplitTab, tr("The photo and its depth map side by side, zoomed and panned together."));
  makeZoomActions();
  setCornerWidget(cornerBar(), Qt::TopRightCorner);

  for (QComboBox* box : {sbs_variant_, anaglyph_variant_})
    connect(box, &QComboBox::currentIndexChanged, this, &PreviewTabs::emitFormats);
  connect(swap_eyes_, &QCheckBox::toggled, this, &PreviewTabs::emitFormats);
  connect(this, &QTabWidget::currentChanged, this, &PreviewTabs::emitDisplay);
  // A zoomed view shows real preview pixels; fitting shows a picture shrunk to the view.
  connect(zoom_, &ViewZoom::fitChanged, this, &PreviewTabs::emitDisplay);
  for (ImageView* v : {side_by_side_, anaglyph_, wiggle_->view()})
    connect(v, &ImageView::resized, this, &PreviewTabs::emitDisplay);
}

// Each kind of anaglyph says what it trades, so the list is chosen by its effect.
void PreviewTabs::describeAnaglyphs() {
  const auto tip = [this](StereoFormat f, const QString& text) {
    anaglyph_variant_->setItemData(anaglyph_variant_->findData(int(f)), text, Qt::ToolTipRole);
  };
  tip(StereoFormat::AnaglyphDubois, tr("Red/cyan, Dubois: least ghosting, natural colours; the best all-round choice"));
  tip(StereoFormat::AnaglyphHalfColor, tr("Red/cyan, half colour: less retinal rivalry than full colour, some colour"));
  tip(StereoFormat::AnaglyphColor, tr("Red/cyan, full colour: brightest colours, but red objects flicker"));
  tip(StereoFormat::AnaglyphGray, tr("Red/cyan, grey: no colour at all, no colour clash"));
  tip(StereoFormat::AnaglyphTrue, tr("Red/cyan, true: dark, but hardly any ghosting on cheap glasses"));
}

QWidget* PreviewTabs::stereoPage(ImageView* view, QComboBox* variant, const QString& label) {
  auto* page = new QWidget;
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(6, 4, 6, 0);
  auto* caption = new QLabel(label);
  caption->setBuddy(variant);
  bar->addWidget(caption);
  bar->addWidget(variant);
  bar->addStretch(1);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addLayout(bar);
  layout->addWidget(view, 1);
  return page;
}

QWidget* PreviewTabs::splitPage() {
  auto* split = new QSplitter(Qt::Horizontal);
  split->setObjectName(QStringLiteral("photoDepthSplit"));
  split->addWidget(split_photo_);
  split->addWidget(split_depth_);
  split->setChildrenCollapsible(false);
  return split;
}

void PreviewTabs::makeZoomActions() {
  auto make = [this](const char* name, const QString& text, QList<QKeySequence> keys, const QString& tip) {
    auto* action = new QAction(text, this);
    action->setObjectName(QLatin1String(name));
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setToolTip(tip);
    addAction(action);
    zoom_actions_.append(action);
    return action;
  };
  QAction* in = make("actionZoomIn", tr("Zoom &In"), {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)},
                     tr("Zoom in (also the mouse wheel or a pinch, at the pointer)"));
  QAction* out = make("actionZoomOut", tr("Zoom &Out"), {QKeySequence::ZoomOut}, tr("Zoom out"));
  QAction* fit = make("actionZoomFit", tr("&Fit to Window"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
                      tr("Show the whole picture"));
  QAction* actual = make("actionZoomActual", tr("&Actual Pixels"), {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0)},
                         tr("One picture pixel per screen pixel (double-click a picture for the same at that point)"));
  connect(in, &QAction::triggered, this, [this] { zoomBy(ViewZoom::kStep); });
  connect(out, &QAction::triggered, this, [this] { zoomBy(1 / ViewZoom::kStep); });
  connect(fit, &QAction::triggered, zoom_, &ViewZoom::setFit);
  connect(actual, &QAction::triggered, this, [this] { zoom_->setScale(1); });
}

QWidget* PreviewTabs::cornerBar() {
  auto* bar = new QWidget;
  auto* layout = new QHBoxLayout(bar);
  layout->setContentsMargins(0, 0, 6, 0);
  layout->setSpacing(2);
  // Only Swap eyes: six tabs need the width (the zoom actions are in the
  // main tool bar and the View menu).
  layout->addWidget(swap_eyes_);
  return bar;
}

// Zoom In/Out from the keyboard zoom around the centre of what is shown.
void PreviewTabs::zoomBy(double factor) {
  const ImageView* shown = nullptr;
  switch (currentIndex()) {
    case WiggleTab: shown = wiggle_->view(); break;
    case SplitTab: shown = split_photo_; break;
    default: shown = view(Tab(currentIndex()));
  }
  if (!shown || shown->image().isNull()) return;
  zoom_->zoomAt(factor, zoom_->center(), QPointF(0, 0), shown->fitScale());
}

ImageView* PreviewTabs::view(Tab tab) const {
  switch (tab) {
    case PhotoTab: return photo_;
    case DepthTab: return depth_;
    case SideBySideTab: return side_by_side_;
    case AnaglyphTab: return anaglyph_;
    case WiggleTab: return wiggle_->view();
    case SplitTab: return split_photo_;
  }
  return nullptr;
}

void PreviewTabs::showInputs(const cv::Mat& image, const cv::Mat& depth, bool has_pair, bool is_result) {
  const QImage photo = toQImage(image);
  const QImage depth_image = toQImage(depth);
  photo_->setImage(photo);
  depth_->setImage(depth_image);
  split_photo_->setImage(photo);
  split_depth_->setImage(depth_image);
  setTabText(PhotoTab, is_result ? tr("Left view") : tr("Photo"));
  setTabText(DepthTab, is_result ? tr("Disparity") : tr("Depth map"));
  setTabText(SplitTab, is_result ? tr("Left | Disparity") : tr("Photo | Depth"));
  if (!has_pair) {
    side_by_side_->setImage({});
    anaglyph_->setImage({});
    wiggle_->setViews({}, {});
  }
}

// The worker composed only the displayed view, already at display size;
// toQImage shares its pixels, so the one conversion happens when it paints.
// A hidden view keeps its last picture until it is shown and composed again.
void PreviewTabs::showResult(const RenderResult& result) {
  if (!result.side_by_side.empty()) side_by_side_->setImage(toQImage(result.side_by_side));
  if (!result.anaglyph.empty()) anaglyph_->setImage(toQImage(result.anaglyph));
  if (!result.left.empty() && !result.right.empty()) wiggle_->setViews(toQImage(result.left), toQImage(result.right));
}

PreviewDisplay PreviewTabs::display() const {
  PreviewDisplay d;
  d.side_by_side = currentIndex() == SideBySideTab;
  d.anaglyph = currentIndex() == AnaglyphTab;
  d.wiggle = currentIndex() == WiggleTab;
  if (!zoom_->isFit()) return d;  // zoomed: the preview's own pixels (limit left empty)
  const ImageView* shown = d.anaglyph ? anaglyph_ : d.wiggle ? wiggle_->view() : side_by_side_;
  const QSize px = shown->size() * shown->devicePixelRatioF();
  d.limit = cv::Size(std::max(1, px.width()), std::max(1, px.height()));
  return d;
}

void PreviewTabs::emitDisplay() { Q_EMIT displayChanged(display()); }

PreviewFormats PreviewTabs::formats() const {
  PreviewFormats f;
  f.side_by_side = StereoFormat(sbs_variant_->currentData().toInt());
  f.anaglyph = StereoFormat(anaglyph_variant_->currentData().toInt());
  f.swap_eyes = swap_eyes_->isChecked();
  return f;
}

void PreviewTabs::setFormats(const PreviewFormats& formats) {
  select(sbs_variant_, formats.side_by_side);
  select(anaglyph_variant_, formats.anaglyph);
  swap_eyes_->setChecked(formats.swap_eyes);
}

void PreviewTabs::emitFormats() { Q_EMIT formatsChanged(formats()); }

}  // namespace sds::ui
