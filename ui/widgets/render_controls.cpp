#include "ui/widgets/render_controls.h"

#include <algorithm>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>

#include "ui/common/display_names.h"
#include "ui/common/enum_combo.h"
#include "ui/generate/model_path_field.h"
#include "ui/widgets/slider_field.h"

namespace sds::ui {

using media::DepthKind;
using media::FillMode;
using media::ViewMode;

namespace {

SliderField* makeField(const char* name, double min, double max, double step, int decimals) {
  auto* field = new SliderField(min, max, step, decimals);
  field->setObjectName(QLatin1String(name) + QLatin1String("Field"));
  field->slider()->setObjectName(QLatin1String(name) + QLatin1String("Slider"));
  field->spinBox()->setObjectName(QLatin1String(name) + QLatin1String("Spin"));
  return field;
}

}  // namespace

RenderControls::RenderControls(QWidget* parent)
    : QWidget(parent),
      depth_kind_(new QComboBox),
      scale_(makeField("scale", 0.0, 10.0, 0.1, 1)),
      convergence_(makeField("convergence", 0.0, 1.0, 0.01, 2)),
      exponent_(makeField("exponent", 0.2, 3.0, 0.05, 2)),
      view_mode_(new QComboBox),
      fill_(new QComboBox),
      inpaint_model_(new ModelPathField(tr("Choose an inpainting model"), QStringLiteral("model_index.json"))),
      inpaint_run_(new QWidget),
      inpaint_progress_(new QProgressBar),
      inpaint_cancel_(new QPushButton(tr("Cancel"))),
      reset_(new QPushButton(tr("Reset"))),
      form_(new QFormLayout(this)) {
  depth_kind_->setObjectName(QStringLiteral("depthKindCombo"));
  for (DepthKind k : {DepthKind::InverseDepth, DepthKind::Depth, DepthKind::DisparityPx})
    addComboItem(depth_kind_, k, DisplayNames::depthKind(k));
  view_mode_->setObjectName(QStringLiteral("viewModeCombo"));
  for (ViewMode m : {ViewMode::RightFromLeft, ViewMode::BothHalf})
    addComboItem(view_mode_, m, DisplayNames::viewMode(m));
  fill_->setObjectName(QStringLiteral("fillCombo"));
  for (FillMode f : {FillMode::Background, FillMode::Telea, FillMode::Inpaint})
    addComboItem(fill_, f, DisplayNames::fillMode(f));
  inpaint_model_->setObjectName(QStringLiteral("inpaintModelField"));
  inpaint_model_->edit()->setObjectName(QStringLiteral("inpaintModelEdit"));
  inpaint_model_->edit()->setPlaceholderText(tr("Stable Diffusion inpainting checkpoint"));
  inpaint_run_->setObjectName(QStringLiteral("inpaintRun"));
  inpaint_progress_->setObjectName(QStringLiteral("inpaintProgress"));
  inpaint_progress_->setRange(0, 1000);
  inpaint_progress_->setFormat(tr("Inpainting %p%"));
  inpaint_cancel_->setObjectName(QStringLiteral("inpaintCancelButton"));
  inpaint_cancel_->setToolTip(tr("Stop the inpainting model; the preview keeps the fast fill"));
  auto* run_row = new QHBoxLayout(inpaint_run_);
  run_row->setContentsMargins(0, 0, 0, 0);
  run_row->addWidget(inpaint_progress_, 1);
  run_row->addWidget(inpaint_cancel_);
  reset_->setObjectName(QStringLiteral("resetParamsButton"));
  scale_->setSuffix(QStringLiteral(" %"));


  QFormLayout* form = form_;
  form->setContentsMargins(0, 0, 0, 0);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->addRow(tr("Depth map"), depth_kind_);
  form->addRow(tr("Render disparity"), scale_);
  form->addRow(tr("Convergence"), convergence_);
  form->addRow(tr("Exponent"), exponent_);
  form->addRow(tr("Views"), view_mode_);
  form->addRow(tr("Fill"), fill_);
  form->addRow(tr("Inpainting model"), inpaint_model_);
  form->addRow(QString(), inpaint_run_);
  form->addRow(QString(), reset_);
  form->setRowVisible(inpaint_run_, false);

  for (QComboBox* box : {depth_kind_, view_mode_, fill_})
    connect(box, &QComboBox::currentIndexChanged, this, &RenderControls::emitChanged);
  for (SliderField* field : {scale_, convergence_, exponent_})
    connect(field, &SliderField::valueChanged, this, &RenderControls::emitChanged);
  connect(inpaint_model_, &ModelPathField::pathChanged, this, &RenderControls::emitChanged);
  connect(inpaint_cancel_, &QPushButton::clicked, this, &RenderControls::inpaintCancelRequested);
  connect(reset_, &QPushButton::clicked, this, [this] {
    media::RenderParams defaults;
    defaults.inpaint_model = inpaint_model_->path().toStdString();  // a model is a choice of files, not a setting
    setParams(defaults);
  });
  setParams(media::RenderParams{});
}

media::RenderParams RenderControls::params() const {
  media::RenderParams p;
  p.depth_kind = comboValue<DepthKind>(depth_kind_);
  p.scale_percent = scale_->value();
  // The slider sets the screen plane itself (the CLI's default converges at a
  // percentile instead).
  p.convergence_mode = render::ConvergenceMode::Fixed;
  p.convergence = convergence_->value();
  p.exponent = exponent_->value();
  p.view_mode = comboValue<ViewMode>(view_mode_);
  p.fill = comboValue<FillMode>(fill_);
  p.inpaint_model = inpaint_model_->path().toStdString();
  return p;
}

void RenderControls::setParams(const media::RenderParams& p) {
  setting_ = true;
  selectComboValue(depth_kind_, p.depth_kind);
  scale_->setValue(p.scale_percent);
  convergence_->setValue(p.convergence);
  exponent_->setValue(p.exponent);
  selectComboValue(view_mode_, p.view_mode);
  selectComboValue(fill_, p.fill);
  inpaint_model_->setPath(QString::fromStdString(p.inpaint_model));
  setting_ = false;
  emitChanged();
}

void RenderControls::emitChanged() {
  if (setting_) return;
  updateEnabled();
  Q_EMIT paramsChanged(params());
}

void RenderControls::setLockedReason(const QString& reason) {
  locked_ = reason;
  updateEnabled();
}

void RenderControls::setDepthKindFixed(const QString& reason) {
  kind_fixed_ = reason;
  updateEnabled();
}

void RenderControls::setInpaintRunning(bool running) {
  if (running) inpaint_progress_->setValue(0);
  form_->setRowVisible(inpaint_run_, running);
}

void RenderControls::setInpaintProgress(double overall) {
  inpaint_progress_->setValue(int(std::clamp(overall, 0.0, 1.0) * 1000));
}

void RenderControls::updateEnabled() {
  form_->setRowVisible(inpaint_model_, comboValue<FillMode>(fill_) == FillMode::Inpaint);
  // A disparity map in pixels already says how far everything shifts.
  const bool pixels = comboValue<DepthKind>(depth_kind_) == DepthKind::DisparityPx && kind_fixed_.isEmpty();
  const QString pixels_reason = tr("The depth map is a disparity in pixels: it already says how far things shift");
  const auto apply = [this](QWidget* w, const QString& why, const QString& tip) {
    w->setEnabled(why.isEmpty());
    w->setToolTip(why.isEmpty() ? tip : why);
  };
  const QString lock = locked_;
  apply(depth_kind_, !lock.isEmpty() ? lock : kind_fixed_, tr("How the depth map's values read"));
  apply(scale_, !lock.isEmpty() ? lock : pixels ? pixels_reason : QString(),
        tr("Largest disparity of the rendered right view, in percent of the image width"));
  apply(exponent_, !lock.isEmpty() ? lock : pixels ? pixels_reason : QString(),
        tr("Shapes the depth: above 1 pushes detail towards the viewer, below 1 away"));
  apply(convergence_, lock, tr("Which depth lands on the screen plane: 0 = the farthest, 1 = the nearest"));
  apply(view_mode_, lock, tr("Render the right view from the left, or both views half way"));
  apply(fill_, lock, tr("How areas that the right view sees but the photo does not are filled"));
  apply(inpaint_model_, lock,
        tr("A Stable Diffusion inpainting checkpoint (folder or .safetensors). The preview shows the fast fill "
           "first, then the model's; the export uses the model at full resolution"));
  apply(reset_, lock, tr("Back to the default render settings"));
}

}  // namespace sds::ui
