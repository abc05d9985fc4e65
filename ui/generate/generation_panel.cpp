#include "ui/generate/generation_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

#include "ui/common/enum_combo.h"
#include "ui/generate/depth_model_field.h"
#include "ui/generate/model_path_field.h"
#include "ui/generate/sd_model_detector.h"
#include "ui/widgets/slider_field.h"

namespace sds::ui {

using inversion::InversionMode;
using media::GenerationMode;
using stereo::AttentionDirection;
namespace controls = pipelines::controls;

namespace {

// The precision combo's items carry precisionName() as their data.
Precision chosenPrecision(const QComboBox& combo) {
  return parsePrecision(combo.currentData().toString().toStdString());
}

QSpinBox* spinBox(const char* name, int min, int max, int step = 1) {
  auto* spin = new QSpinBox;
  spin->setObjectName(QLatin1String(name));
  spin->setRange(min, max);
  spin->setSingleStep(step);
  spin->setKeyboardTracking(false);
  return spin;
}

}  // namespace

GenerationPanel::GenerationPanel(QWidget* parent)
    : QWidget(parent),
      sd_model_(new ModelPathField(tr("Choose a Stable Diffusion Model"), QStringLiteral("model_index.json"))),
      model_note_(new QLabel),
      detector_(new SdModelDetector(this)),
      depth_model_(new DepthModelField),
      device_(new QComboBox),
      precision_(new QComboBox),
      precision_note_(new QLabel),
      mode_(new QComboBox),
      prompt_(new QPlainTextEdit),
      negative_(new QLineEdit),
      use_open_depth_(new QCheckBox(tr("Use the source's depth map"))),
      steps_(spinBox("generateStepsSpin", controls::kSteps.min, controls::kSteps.max)),
      guidance_(new QDoubleSpinBox),
      seed_(spinBox("generateSeedSpin", 0, INT_MAX)),
      random_seed_(new QToolButton),
      width_(spinBox("generateWidthSpin", controls::kImageSide.min, controls::kImageSide.max, 8)),
      height_(spinBox("generateHeightSpin", controls::kImageSide.min, controls::kImageSide.max, 8)),
      native_size_(new QToolButton),
      inversion_(new QComboBox),
      working_size_(spinBox("generateWorkingSizeSpin", controls::kWorkingSize.min, controls::kWorkingSize.max, 8)),
      scale_(new SliderField(controls::kScalePercent.min, controls::kScalePercent.max, 0.5, 1)),
      shift_step_(spinBox("generateShiftStepSpin", -1, 999)),
      mask_interval_(spinBox("generateMaskIntervalSpin", controls::kMaskInterval.min, controls::kMaskInterval.max)),
      direction_(new QComboBox),
      deblur_(new QCheckBox(tr("Fill disocclusions with fresh noise"))),
      compose_(new QCheckBox(tr("Keep the left view's pixels where the right eye sees them"))),
      generate_(new QPushButton(tr("Generate"))),
      cancel_(new QPushButton(tr("Cancel"))),
      status_(new QLabel) {
  setObjectName(QStringLiteral("generationPanel"));
  sd_model_->edit()->setObjectName(QStringLiteral("generateModelEdit"));
  generate_->setObjectName(QStringLiteral("generateButton"));
  cancel_->setObjectName(QStringLiteral("generateCancelButton"));
  status_->setObjectName(QStringLiteral("generateStatusLabel"));
  status_->setWordWrap(true);
  generate_->setToolTip(tr("Make a stereo pair with these settings; it is added to the history"));
  cancel_->setToolTip(tr("Stop the running generation"));

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(generate_, 1);
  buttons->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(buildModels());
  layout->addWidget(buildInput());
  layout->addWidget(buildSampling());
  layout->addWidget(buildStereo());
  layout->addLayout(buttons);
  layout->addWidget(status_);
  layout->addStretch(1);

  connect(generate_, &QPushButton::clicked, this, &GenerationPanel::generateRequested);
  connect(cancel_, &QPushButton::clicked, this, &GenerationPanel::cancelRequested);
  connect(mode_, &QComboBox::currentIndexChanged, this, &GenerationPanel::updateEnabled);
  connect(random_seed_, &QToolButton::clicked, this,
          [this] { seed_->setValue(int(QRandomGenerator::global()->bounded(INT_MAX))); });
  setOptions(GenerationOptions{});
  setRunning(false);
  wireChanges();
  wireModelDetection();
}

void GenerationPanel::wireChanges() {
  connect(scale_, &SliderField::valueChanged, this, &GenerationPanel::stereoChanged);
  connect(shift_step_, &QSpinBox::valueChanged, this, &GenerationPanel::stereoChanged);
  connect(mask_interval_, &QSpinBox::valueChanged, this, &GenerationPanel::stereoChanged);
  connect(direction_, &QComboBox::currentIndexChanged, this, &GenerationPanel::stereoChanged);
  connect(deblur_, &QCheckBox::toggled, this, &GenerationPanel::stereoChanged);
  connect(compose_, &QCheckBox::toggled, this, &GenerationPanel::stereoChanged);
  // A message about the old model or device is stale once they change.
  connect(device_, &QComboBox::currentIndexChanged, status_, &QLabel::clear);
  connect(precision_, &QComboBox::currentIndexChanged, status_, &QLabel::clear);
  connect(device_, &QComboBox::currentIndexChanged, this, &GenerationPanel::updatePrecisionNote);
  connect(precision_, &QComboBox::currentIndexChanged, this, &GenerationPanel::updatePrecisionNote);
  for (QComboBox* box : {device_, precision_})
    connect(box, &QComboBox::currentIndexChanged, this, &GenerationPanel::computeChanged);
  connect(sd_model_, &ModelPathField::pathChanged, status_, &QLabel::clear);
  connect(depth_model_, &DepthModelField::pathChanged, status_, &QLabel::clear);
}

void GenerationPanel::setDevices(const media::ComputeDevices& devices) {
  const int cuda = device_->findData(QStringLiteral("cuda"));
  auto* model = qobject_cast<QStandardItemModel*>(device_->model());
  if (cuda < 0 || !model) return;
  const bool usable = devices.cuda_count > 0;
  model->item(cuda)->setEnabled(usable);
  const QString why = usable ? tr("%n CUDA device(s) found", nullptr, devices.cuda_count)
                             : tr("Not available: %1").arg(QString::fromStdString(devices.cuda_unavailable));
  device_->setItemData(cuda, why, Qt::ToolTipRole);
  if (!usable) device_->setItemText(cuda, tr("CUDA GPU: not available"));
  device_->setToolTip(usable ? tr("Where the models run") : tr("Where the models run. CUDA: %1").arg(why));
  if (!usable && device_->currentIndex() == cuda) device_->setCurrentIndex(device_->findData(QStringLiteral("cpu")));
  updatePrecisionNote();
}

QWidget* GenerationPanel::buildModels() {
  device_->setObjectName(QStringLiteral("generateDeviceCombo"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
  device_->setToolTip(tr("Where the models run"));
  sd_model_->setToolTip(tr("A diffusers folder (choose its model_index.json) or a single .safetensors file"));
  precision_->setObjectName(QStringLiteral("generatePrecisionCombo"));
  for (const Precision p : {Precision::Auto, Precision::Float32, Precision::BFloat16, Precision::Float16})
    precision_->addItem(p == Precision::Auto ? tr("Auto") : QString::fromLatin1(precisionName(p)),
                        QString::fromLatin1(precisionName(p)));
  precision_->setToolTip(tr("The number format the networks compute in. Auto: bfloat16 on a CPU that computes it "
                            "natively (about twice as fast as float32, nearly the same picture), float16 on CUDA, "
                            "float32 otherwise. The text encoder and the sampler always use float32, and under "
                            "bfloat16 so do the image decoder and the depth model."));
  precision_note_->setObjectName(QStringLiteral("generatePrecisionNote"));
  precision_note_->setWordWrap(true);
  auto* box = new QGroupBox(tr("Models"));
  auto* form = new QFormLayout(box);
  model_note_->setObjectName(QStringLiteral("generateModelNote"));
  model_note_->setWordWrap(true);
  model_note_->setAlignment(Qt::AlignLeft | Qt::AlignTop);  // right under the path, however many lines it wraps to
  model_note_->setTextInteractionFlags(Qt::TextSelectableByMouse);  // a path in an error can be copied
  form->addRow(tr("Stable Diffusion"), sd_model_);
  form->addRow(QString(), model_note_);
  // The found models' names and licences are long: the list takes the whole width.
  form->addRow(new QLabel(tr("Depth model")));
  form->addRow(depth_model_);
  form->addRow(tr("Device"), device_);
  form->addRow(tr("Precision"), precision_);
  form->addRow(QString(), precision_note_);
  updatePrecisionNote();
  return box;
}

void GenerationPanel::updatePrecisionNote() {
  const Precision choice = chosenPrecision(*precision_);
  const auto r = media::resolvePrecision(device_->currentData().toString().toStdString(), choice);
  const QString dtype = QString::fromStdString(r.dtype);
  QString text;
  switch (r.reason) {
    case DtypeReason::Chosen: text = tr("Runs in %1.").arg(dtype); break;
    case DtypeReason::AutoCuda: text = tr("Runs in %1 (auto: the usual choice on CUDA).").arg(dtype); break;
    case DtypeReason::AutoNativeBf16:
      text = tr("Runs in %1 (auto: this CPU computes bfloat16 natively, %2).").arg(dtype, QString::fromStdString(r.units));
      break;
    case DtypeReason::AutoNoBf16: text = tr("Runs in %1 (auto: this CPU has no native bfloat16).").arg(dtype); break;
    case DtypeReason::Emulated:
      text = tr("Runs in %1, emulated: this CPU has no native bfloat16, so it is slower than float32.").arg(dtype);
      break;
  }
  if (!r.available) text = tr("Not available on this device: choose bfloat16 or float32 on the CPU.");
  precision_note_->setText(text);
}

QWidget* GenerationPanel::buildInput() {
  mode_->setObjectName(QStringLiteral("generateModeCombo"));
  addComboItem(mode_, GenerationMode::Prompt, tr("From a prompt"));
  addComboItem(mode_, GenerationMode::Photo, tr("From the open photo"));
  mode_->setToolTip(tr("From a prompt: Stable Diffusion draws the left view, then the right view beside it. "
                       "From the open photo: the photo is the left view and only the right view is made."));
  prompt_->setObjectName(QStringLiteral("generatePromptEdit"));
  prompt_->setToolTip(tr("Describe the picture. For a photo, describing what it shows helps the inversion keep "
                         "it faithful."));
  prompt_->setPlaceholderText(tr("What to draw (or what the photo shows)"));
  prompt_->setFixedHeight(prompt_->fontMetrics().lineSpacing() * 4);
  prompt_->setTabChangesFocus(true);
  negative_->setObjectName(QStringLiteral("generateNegativeEdit"));
  negative_->setPlaceholderText(tr("What to avoid"));
  negative_->setToolTip(tr("Things Stable Diffusion should keep out of the picture (prompt mode only)"));
  use_open_depth_->setObjectName(QStringLiteral("generateUseDepthCheck"));
  use_open_depth_->setToolTip(tr("Take the depth from the source's active depth map (your file, or the estimate "
                                 "when you chose it) instead of running the depth model"));
  auto* box = new QGroupBox(tr("Input"));
  auto* form = new QFormLayout(box);
  form->addRow(tr("Make"), mode_);
  form->addRow(tr("Prompt"), prompt_);
  form->addRow(tr("Negative"), negative_);
  form->addRow(QString(), use_open_depth_);
  return box;
}

QWidget* GenerationPanel::buildSampling() {
  guidance_->setObjectName(QStringLiteral("generateGuidanceSpin"));
  guidance_->setRange(controls::kGuidance.min, controls::kGuidance.max);
  guidance_->setSingleStep(0.5);
  guidance_->setDecimals(1);
  random_seed_->setObjectName(QStringLiteral("generateRandomSeedButton"));
  random_seed_->setText(tr("Random"));
  random_seed_->setToolTip(tr("Pick a new random seed"));
  steps_->setToolTip(tr("Denoising steps: more gives finer detail and takes longer (25 to 50 is usual)"));
  guidance_->setToolTip(tr("How strictly the picture follows the prompt: higher is more literal, lower more "
                           "varied (7.5 is usual)"));
  seed_->setToolTip(tr("The same seed and settings give the same pair again"));
  width_->setToolTip(tr("Width of the generated pair in pixels (prompt mode; a multiple of 8)"));
  height_->setToolTip(tr("Height of the generated pair in pixels (prompt mode; a multiple of 8)"));
  inversion_->setToolTip(tr("How the photo is turned into Stable Diffusion's noise. Null-text keeps the left view "
                            "close to the photo but takes much longer; fast may change colours and detail."));
  inversion_->setObjectName(QStringLiteral("generateInversionCombo"));
  addComboItem(inversion_, InversionMode::NullText, tr("Null-text (faithful, slow)"));
  addComboItem(inversion_, InversionMode::Fast, tr("Fast (DDIM inversion only)"));
  working_size_->setToolTip(tr("Long side Stable Diffusion works at; the result keeps the photo's size"));
  auto* seed_row = new QHBoxLayout;
  seed_row->addWidget(seed_, 1);
  seed_row->addWidget(random_seed_);
  native_size_->setObjectName(QStringLiteral("generateNativeSizeButton"));
  native_size_->setText(tr("Native"));
  native_size_->setToolTip(tr("Use the detected model's native size (1024 px for SDXL, 512 px for SD 1.x and 2.x), "
                              "and follow the model when another one is chosen. A size you type is kept."));
  auto* size_row = new QHBoxLayout;
  size_row->addWidget(width_, 1);
  size_row->addWidget(new QLabel(QStringLiteral("×")));
  size_row->addWidget(height_, 1);
  size_row->addWidget(native_size_);
  auto* box = new QGroupBox(tr("Sampling"));
  auto* form = new QFormLayout(box);
  form->addRow(tr("Steps"), steps_);
  form->addRow(tr("Guidance"), guidance_);
  form->addRow(tr("Seed"), seed_row);
  form->addRow(tr("Size"), size_row);
  form->addRow(tr("Inversion"), inversion_);
  form->addRow(tr("Working size"), working_size_);
  return box;
}

QWidget* GenerationPanel::buildStereo() {
  scale_->setObjectName(QStringLiteral("generateScaleField"));
  scale_->slider()->setObjectName(QStringLiteral("generateScaleSlider"));
  scale_->spinBox()->setObjectName(QStringLiteral("generateScaleSpin"));
  scale_->setSuffix(QStringLiteral(" %"));
  scale_->setToolTip(tr("Largest shift of the right view's latents, in percent of the image width (8 px steps). "
                        "On a shown prompt pair, a change re-runs its right view."));
  shift_step_->setSpecialValueText(tr("Automatic (20 %)"));
  shift_step_->setToolTip(tr("The denoising step at which the right view is shifted off the left"));
  mask_interval_->setSpecialValueText(tr("Never"));
  mask_interval_->setToolTip(tr("Re-apply the shift to the filled areas every N steps"));
  direction_->setObjectName(QStringLiteral("generateDirectionCombo"));
  addComboItem(direction_, AttentionDirection::Uni, tr("One-way (right reads left)"));
  addComboItem(direction_, AttentionDirection::Bi, tr("Two-way"));
  direction_->setToolTip(tr("How the two views share attention while denoising. One-way: the right view copies "
                            "detail from the left, so both views match best. Two-way: each view reads the other, "
                            "which can change the left view too."));
  deblur_->setToolTip(tr("Areas the right view sees behind foreground edges start from fresh noise, so Stable "
                         "Diffusion paints new detail there instead of smearing the edge; off keeps the shifted "
                         "latents (softer, sometimes streaky gaps)."));
  deblur_->setObjectName(QStringLiteral("generateDeblurCheck"));
  compose_->setToolTip(tr("Prompt pairs: the right view is the left view's own pixels, moved by the depth with "
                          "clean edges, wherever the right eye sees them; Stable Diffusion's right view fills only "
                          "what the left view could not see. Both views then match exactly. Photo pairs are always "
                          "made this way."));
  compose_->setObjectName(QStringLiteral("generateComposeCheck"));
  auto* box = new QGroupBox(tr("Right view (AI)"));
  box->setObjectName(QStringLiteral("generateStereoGroup"));
  box->setToolTip(tr("How Stable Diffusion makes the right view. With a prompt pair shown, changing only these "
                     "re-runs its right view (the left view is kept)."));
  auto* form = new QFormLayout(box);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->addRow(tr("AI disparity"), scale_);
  form->addRow(tr("Shift step"), shift_step_);
  form->addRow(tr("Mask interval"), mask_interval_);
  form->addRow(tr("Attention"), direction_);
  form->addRow(QString(), deblur_);
  form->addRow(QString(), compose_);
  return box;
}

GenerationOptions GenerationPanel::options() const {
  GenerationOptions o;
  o.sd_model = sd_model_->path();
  o.depth_model = depth_model_->path();
  o.depth_model_is_default = depth_model_->isDefault();
  o.depth_fov_degrees = depth_model_->fieldOfView();
  o.device = device_->currentData().toString();
  o.precision = chosenPrecision(*precision_);
  o.mode = comboValue<GenerationMode>(mode_);
  o.prompt = prompt_->toPlainText().trimmed().toStdString();
  o.negative_prompt = negative_->text().trimmed().toStdString();
  o.use_open_depth = use_open_depth_->isChecked();
  o.steps = steps_->value();
  o.guidance_scale = guidance_->value();
  o.seed = uint64_t(seed_->value());
  o.width = width_->value();
  o.height = height_->value();
  o.size_from_model = size_from_model_;
  o.inversion = comboValue<InversionMode>(inversion_);
  o.working_size = working_size_->value();
  o.stereo.scale_factor = scale_->value();
  o.stereo.shift_step = shift_step_->value();
  o.stereo.mask_interval = mask_interval_->value();
  o.stereo.direction = comboValue<AttentionDirection>(direction_);
  o.stereo.deblur = deblur_->isChecked();
  o.compose_right = compose_->isChecked();
  return o;
}

void GenerationPanel::setOptions(const GenerationOptions& o) {
  sd_model_->setPath(o.sd_model);
  depth_model_->setPath(o.depth_model, o.depth_model_is_default);
  depth_model_->setFieldOfView(o.depth_fov_degrees);
  const int device = device_->findData(o.device.startsWith(QLatin1String("cuda")) ? QStringLiteral("cuda")
                                                                                   : QStringLiteral("cpu"));
  auto* devices = qobject_cast<QStandardItemModel*>(device_->model());
  const bool usable = device >= 0 && (!devices || devices->item(device)->isEnabled());
  device_->setCurrentIndex(usable ? device : std::max(0, device_->findData(QStringLiteral("cpu"))));
  precision_->setCurrentIndex(std::max(0, precision_->findData(QString::fromLatin1(precisionName(o.precision)))));
  selectComboValue(mode_, o.mode);
  prompt_->setPlainText(QString::fromStdString(o.prompt));
  negative_->setText(QString::fromStdString(o.negative_prompt));
  use_open_depth_->setChecked(o.use_open_depth);
  steps_->setValue(o.steps);
  guidance_->setValue(o.guidance_scale);
  seed_->setValue(int(std::min<uint64_t>(o.seed, uint64_t(seed_->maximum()))));
  setting_size_ = true;
  width_->setValue(o.width);
  height_->setValue(o.height);
  setting_size_ = false;
  size_from_model_ = o.size_from_model;
  if (size_from_model_ && nativeSize() > 0) useNativeSize();  // the same model, already detected
  selectComboValue(inversion_, o.inversion);
  working_size_->setValue(o.working_size);
  scale_->setValue(o.stereo.scale_factor);
  shift_step_->setValue(o.stereo.shift_step);
  mask_interval_->setValue(o.stereo.mask_interval);
  selectComboValue(direction_, o.stereo.direction);
  deblur_->setChecked(o.stereo.deblur);
  compose_->setChecked(o.compose_right);
  updateEnabled();
}

void GenerationPanel::setRunning(bool running) {
  generate_->setEnabled(!running);
  cancel_->setEnabled(running);
}

void GenerationPanel::setStatus(const QString& text) { status_->setText(text); }

void GenerationPanel::setFoundDepthModels(const std::vector<media::FoundDepthModel>& found) {
  depth_model_->setModels(found);
}

bool GenerationPanel::depthModelsListed() const { return depth_model_->listed(); }

void GenerationPanel::setPhotoFocal(const media::PhotoFocal& focal) { depth_model_->setPhotoFocal(focal); }

// Fields that do not apply to the chosen mode are greyed out, not hidden, so
// the panel does not jump.
void GenerationPanel::updateEnabled() {
  const bool prompt = comboValue<GenerationMode>(mode_) == GenerationMode::Prompt;
  negative_->setEnabled(prompt);
  width_->setEnabled(prompt);
  height_->setEnabled(prompt);
  native_size_->setEnabled(prompt && nativeSize() > 0);
  inversion_->setEnabled(!prompt);
  working_size_->setEnabled(!prompt);
  compose_->setEnabled(prompt);
}

}  // namespace sds::ui
