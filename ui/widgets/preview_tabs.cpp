#include "ui/widgets/preview_tabs.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/common/display_names.h"
#include "ui/common/mat_image.h"
#include "ui/widgets/image_view.h"

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
      photo_(makeView("photoView", tr("Open a photo and its depth map (File menu), or drop them here."))),
      depth_(makeView("depthView", tr("No depth map yet."))),
      side_by_side_(makeView("sideBySideView", tr("The stereo pair appears here once a photo and a depth map are open."))),
      anaglyph_(makeView("anaglyphView", tr("The anaglyph appears here once a photo and a depth map are open."))),
      sbs_variant_(makeVariants("sbsFormatCombo", {StereoFormat::SbsParallel, StereoFormat::SbsCross})),
      anaglyph_variant_(makeVariants("anaglyphFormatCombo",
                                     {StereoFormat::AnaglyphDubois, StereoFormat::AnaglyphHalfColor,
                                      StereoFormat::AnaglyphColor, StereoFormat::AnaglyphGray,
                                      StereoFormat::AnaglyphTrue})) {
  setObjectName(QStringLiteral("previewTabs"));
  setDocumentMode(true);
  addTab(photo_, tr("Photo"));
  addTab(depth_, tr("Depth map"));
  addTab(stereoPage(side_by_side_, sbs_variant_, tr("Viewing")), tr("Side by side"));
  addTab(stereoPage(anaglyph_, anaglyph_variant_, tr("Glasses")), tr("Anaglyph"));
  for (QComboBox* box : {sbs_variant_, anaglyph_variant_})
    connect(box, &QComboBox::currentIndexChanged, this, &PreviewTabs::emitFormats);
  connect(this, &QTabWidget::currentChanged, this, &PreviewTabs::emitDisplay);
  for (ImageView* v : {side_by_side_, anaglyph_}) connect(v, &ImageView::resized, this, &PreviewTabs::emitDisplay);
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

ImageView* PreviewTabs::view(Tab tab) const {
  switch (tab) {
    case PhotoTab: return photo_;
    case DepthTab: return depth_;
    case SideBySideTab: return side_by_side_;
    case AnaglyphTab: return anaglyph_;
  }
  return nullptr;
}

void PreviewTabs::showInputs(const cv::Mat& image, const cv::Mat& depth, bool has_pair, bool is_result) {
  photo_->setImage(toQImage(image));
  depth_->setImage(toQImage(depth));
  setTabText(PhotoTab, is_result ? tr("Left view") : tr("Photo"));
  setTabText(DepthTab, is_result ? tr("Disparity") : tr("Depth map"));
  if (!has_pair) {
    side_by_side_->setImage({});
    anaglyph_->setImage({});
  }
}

// The worker composed only the displayed view, already at display size;
// toQImage shares its pixels, so the one conversion happens when it paints.
// A hidden view keeps its last picture until it is shown and composed again.
void PreviewTabs::showResult(const RenderResult& result) {
  if (!result.side_by_side.empty()) side_by_side_->setImage(toQImage(result.side_by_side));
  if (!result.anaglyph.empty()) anaglyph_->setImage(toQImage(result.anaglyph));
}

PreviewDisplay PreviewTabs::display() const {
  PreviewDisplay d;
  d.side_by_side = currentIndex() == SideBySideTab;
  d.anaglyph = currentIndex() == AnaglyphTab;
  const ImageView* shown = d.anaglyph ? anaglyph_ : side_by_side_;
  const QSize px = shown->size() * shown->devicePixelRatioF();
  d.limit = cv::Size(std::max(1, px.width()), std::max(1, px.height()));
  return d;
}

void PreviewTabs::emitDisplay() { Q_EMIT displayChanged(display()); }

PreviewFormats PreviewTabs::formats() const {
  PreviewFormats f;
  f.side_by_side = StereoFormat(sbs_variant_->currentData().toInt());
  f.anaglyph = StereoFormat(anaglyph_variant_->currentData().toInt());
  return f;
}

void PreviewTabs::setFormats(const PreviewFormats& formats) {
  select(sbs_variant_, formats.side_by_side);
  select(anaglyph_variant_, formats.anaglyph);
}

void PreviewTabs::emitFormats() { Q_EMIT formatsChanged(formats()); }

}  // namespace sds::ui
