#include "ui/generate/depth_model_field.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QAbstractItemView>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace sds::ui {
namespace {

using media::DepthModelEncoder;
using media::FoundDepthModel;

// Model names are product names: not translated.
QString sizeName(DepthModelEncoder e) {
  switch (e) {
    case DepthModelEncoder::Small: return QStringLiteral("Small");
    case DepthModelEncoder::Base: return QStringLiteral("Base");
    case DepthModelEncoder::Large: return QStringLiteral("Large");
    case DepthModelEncoder::Giant: return QStringLiteral("Giant");
    default: return {};
  }
}

}  // namespace

DepthModelField::DepthModelField(QWidget* parent)
    : QWidget(parent),
      combo_(new QComboBox),
      browse_(new QToolButton),
      metric_row_(new QWidget),
      fov_(new QDoubleSpinBox),
      focal_note_(new QLabel) {
  combo_->setObjectName(QStringLiteral("generateDepthModelCombo"));
  combo_->setEditable(true);
  combo_->lineEdit()->setObjectName(QStringLiteral("generateDepthModelEdit"));
  combo_->setInsertPolicy(QComboBox::NoInsert);
  combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  combo_->setMinimumContentsLength(16);
  combo_->lineEdit()->setClearButtonEnabled(true);
  general_tip_ = tr("The depth models found on this computer with their licences, best first; or type or "
                    "choose a Depth Anything V2 or 3 folder or .safetensors file");
  combo_->setToolTip(general_tip_);
  browse_->setText(QStringLiteral("…"));
  browse_->setToolTip(tr("Choose a .safetensors file, or config.json inside a model folder"));
  fov_->setObjectName(QStringLiteral("generateDepthFovSpin"));
  fov_->setRange(1, 179);
  fov_->setDecimals(0);
  fov_->setSuffix(tr(" °"));
  fov_->setValue(60);
  fov_->setToolTip(tr("Metric depth models measure in metres from the focal length: the photo's horizontal field "
                      "of view, used when its EXIF gives no focal length"));
  focal_note_->setObjectName(QStringLiteral("generateDepthFocalNote"));
  focal_note_->setWordWrap(true);
  metric_row_->setObjectName(QStringLiteral("generateDepthFovRow"));

  auto* model_row = new QHBoxLayout;
  model_row->setContentsMargins(0, 0, 0, 0);
  model_row->addWidget(combo_, 1);
  model_row->addWidget(browse_);
  auto* metric = new QHBoxLayout(metric_row_);
  metric->setContentsMargins(0, 0, 0, 0);
  metric->addWidget(new QLabel(tr("Field of view")));
  metric->addWidget(fov_);
  metric->addWidget(focal_note_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(model_row);
  layout->addWidget(metric_row_);
  metric_row_->hide();

  connect(combo_, &QComboBox::activated, this, &DepthModelField::userChanged);
  connect(combo_->lineEdit(), &QLineEdit::editingFinished, this, &DepthModelField::userChanged);
  connect(browse_, &QToolButton::clicked, this, &DepthModelField::choose);
}

QString DepthModelField::label(const FoundDepthModel& m) {
  const bool da3 = m.family == media::DepthModelFamily::Anything3;
  QString name = da3 ? QStringLiteral("Depth Anything 3") : QStringLiteral("Depth Anything V2");
  if (da3 && m.loadable) name += m.metric ? QStringLiteral(" Metric") : QStringLiteral(" Mono");
  const QString size = sizeName(m.encoder);
  name += QLatin1Char(' ') + (size.isEmpty() ? tr("custom size (%1 wide)").arg(m.embed_dim) : size);
  if (!m.loadable) name = tr("%1 (any-view model, not supported)").arg(name);
  QString licence = QString::fromStdString(m.licence);
  if (licence == QLatin1String("CC-BY-NC-4.0")) licence = QStringLiteral("CC BY-NC 4.0");
  if (licence.isEmpty()) licence = tr("licence unknown");
  else if (!m.permissive) licence = tr("%1, non-commercial use only").arg(licence);
  return tr("%1 — %2", "depth model name — its licence").arg(name, licence);
}

void DepthModelField::setModels(const std::vector<FoundDepthModel>& found) {
  const QString keep = path();
  found_ = found;
  listed_ = true;
  combo_->clear();
  auto* items = qobject_cast<QStandardItemModel*>(combo_->model());
  for (const auto& m : found_) {
    QString text = label(m);
    // Two copies of one model: the folder tells them apart.
    if (combo_->findText(text) >= 0)
      text += QStringLiteral(" (%1)").arg(m.repo.empty() ? QFileInfo(QString::fromStdString(m.path)).fileName()
                                                         : QString::fromStdString(m.repo));
    const QString where = QString::fromStdString(m.path);
    combo_->addItem(text, where);
    const int i = combo_->count() - 1;
    combo_->setItemData(i, m.repo.empty() ? where : tr("%1 (Hugging Face cache)\n%2").arg(QString::fromStdString(m.repo), where),
                        Qt::ToolTipRole);
    if (!m.loadable && items) items->item(i)->setEnabled(false);
  }
  // The open list shows whole names and licences, even where the dock is narrow.
  combo_->view()->setMinimumWidth(combo_->view()->sizeHintForColumn(0) + 2 * combo_->view()->frameWidth() + 8);
  const int best = media::defaultDepthModel(found_);
  if (pending_default_ && best >= 0 && keep == combo_->itemData(best).toString()) chosen_ = false;
  pending_default_ = false;
  if (chosen_) setPath(keep);
  else selectDefault();
}

QString DepthModelField::path() const {
  const QString text = combo_->currentText().trimmed();
  const int i = text.isEmpty() ? -1 : combo_->findText(text);
  return i >= 0 ? combo_->itemData(i).toString() : text;
}

void DepthModelField::setPath(const QString& path, bool is_default) {
  const int best = media::defaultDepthModel(found_);
  if (path.isEmpty() || (is_default && best >= 0 && path == combo_->itemData(best).toString())) {
    chosen_ = false;
    pending_default_ = false;
    selectDefault();
    return;
  }
  chosen_ = true;
  // Before the list arrives (GenerationDock finds it on a pool thread) the
  // path is shown as given; setModels decides whether it is the default.
  pending_default_ = is_default && !listed_;
  const int i = combo_->findData(path);
  combo_->setCurrentIndex(i);
  if (i < 0) combo_->setEditText(path);
  typed_ = i < 0 ? media::describeDepthModelAt(path.toStdString()) : std::nullopt;
  shown_path_ = this->path();
  updateMetric();
}

void DepthModelField::selectDefault() {
  const int best = media::defaultDepthModel(found_);
  combo_->setCurrentIndex(best);
  if (best < 0) combo_->setEditText(QString());
  typed_.reset();
  shown_path_ = path();
  updateMetric();
}

void DepthModelField::userChanged() {
  const QString now = path();
  if (now == shown_path_) return;
  shown_path_ = now;
  const int i = combo_->findData(now);
  if (i >= 0 && combo_->currentIndex() != i) combo_->setCurrentIndex(i);  // a typed path of a listed model
  chosen_ = true;
  pending_default_ = false;
  typed_ = i < 0 && !now.isEmpty() ? media::describeDepthModelAt(now.toStdString()) : std::nullopt;
  updateMetric();
  Q_EMIT pathChanged(now);
}

const FoundDepthModel* DepthModelField::shownModel() const {
  const QString text = combo_->currentText().trimmed();
  const int i = text.isEmpty() ? -1 : combo_->findText(text);
  if (i >= 0 && size_t(i) < found_.size()) return &found_[size_t(i)];
  return typed_ ? &*typed_ : nullptr;
}

bool DepthModelField::isMetric() const {
  const FoundDepthModel* m = shownModel();
  return m && m->metric;
}

double DepthModelField::fieldOfView() const { return fov_->value(); }

void DepthModelField::setFieldOfView(double degrees) { fov_->setValue(degrees); }

void DepthModelField::setPhotoFocal(const media::PhotoFocal& focal) {
  focal_ = focal;
  updateMetric();
}

void DepthModelField::updateMetric() {
  // A long name shows from its start; the tool tip has all of it and the path.
  combo_->lineEdit()->setCursorPosition(0);
  const FoundDepthModel* shown = shownModel();
  combo_->setToolTip(shown ? QStringLiteral("%1\n%2").arg(label(*shown), QString::fromStdString(shown->path)) : general_tip_);
  metric_row_->setVisible(isMetric());
  const bool exif = focal_.source != media::PhotoFocal::Source::None;
  fov_->setEnabled(!exif);
  if (!exif) focal_note_->clear();
  else if (focal_.focal_35mm > 0) focal_note_->setText(tr("focal length from EXIF: %1 mm equiv.").arg(focal_.focal_35mm));
  else focal_note_->setText(tr("focal length from EXIF: %1 mm").arg(focal_.focal_mm));
}

void DepthModelField::choose() {
  const QFileInfo current(path());
  const QString start = current.isDir() ? current.filePath() : current.path();
  auto* dialog = new QFileDialog(this, tr("Choose a Depth Anything Model"), start,
                                 tr("Models (*.safetensors config.json);;All files (*)"));
  dialog->setFileMode(QFileDialog::ExistingFile);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& file) {
    const QFileInfo chosen(file);
    const QString picked = chosen.fileName() == QLatin1String("config.json") ? chosen.path() : chosen.filePath();
    const int i = combo_->findData(picked);
    combo_->setCurrentIndex(i);
    if (i < 0) combo_->setEditText(picked);
    userChanged();
  });
  dialog->open();
}

}  // namespace sds::ui
