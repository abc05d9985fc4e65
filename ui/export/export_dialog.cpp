#include "ui/export/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace sds::ui {
namespace {

// Keeps the name, swapping the extension when the format cannot write it.
QString fitToFormat(const QString& path, const QString& format) {
  const QFileInfo info(path);
  if (path.isEmpty() || ExportFormats::acceptsSuffix(format, info.suffix())) return path;
  return info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + ExportFormats::extension(format));
}

}  // namespace

ExportDialog::ExportDialog(const ExportTarget& initial, QWidget* parent)
    : QDialog(parent), format_(new QComboBox), path_(new QLineEdit), quality_(new QSpinBox), note_(new QLabel) {
  setObjectName(QStringLiteral("exportDialog"));
  setWindowTitle(tr("Export"));
  format_->setObjectName(QStringLiteral("exportFormatCombo"));
  for (const QString& f : ExportFormats::all()) format_->addItem(ExportFormats::displayName(f), f);
  format_->setCurrentIndex(std::max(0, format_->findData(initial.format)));
  path_->setObjectName(QStringLiteral("exportPathEdit"));
  path_->setText(initial.path);
  path_->setMinimumWidth(360);
  quality_->setObjectName(QStringLiteral("exportQualitySpin"));
  quality_->setRange(50, 100);
  quality_->setValue(initial.jpeg_quality);
  note_->setWordWrap(true);
  note_->setForegroundRole(QPalette::PlaceholderText);

  auto* browse = new QPushButton(tr("Browse…"));
  auto* file_row = new QHBoxLayout;
  file_row->addWidget(path_, 1);
  file_row->addWidget(browse);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  ok_ = buttons->button(QDialogButtonBox::Ok);
  ok_->setText(tr("Export"));

  auto* form = new QFormLayout(this);
  form->addRow(tr("Format"), format_);
  form->addRow(tr("File"), file_row);
  form->addRow(tr("JPEG quality"), quality_);
  form->addRow(note_);
  form->addRow(buttons);

  connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
  connect(path_, &QLineEdit::textChanged, this, &ExportDialog::updateState);
  connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  onFormatChanged();
}

ExportTarget ExportDialog::target() const {
  return ExportTarget{format_->currentData().toString(), path_->text().trimmed(), quality_->value()};
}

void ExportDialog::onFormatChanged() {
  const QString format = format_->currentData().toString();
  path_->setText(fitToFormat(path_->text(), format));
  if (format == QLatin1String("separate"))
    note_->setText(tr("Writes two files, with -left and -right added to the name."));
  else if (format == kDepth16Format)
    note_->setText(tr("The disparity the render applied, near is bright; the value range is stored in the file."));
  else
    note_->setText(tr("Rendered at the photo's full resolution; the parameters are stored with the file."));
  updateState();
}

void ExportDialog::browse() {
  const QString format = format_->currentData().toString();
  const QString filter = format == QLatin1String("mpo") ? tr("MPO stereo images (*.mpo)")
                         : format == kDepth16Format     ? tr("PNG images (*.png)")
                                                        : tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp)");
  const QString file = QFileDialog::getSaveFileName(this, tr("Export to"), path_->text(), filter);
  if (!file.isEmpty()) path_->setText(fitToFormat(file, format));
}

void ExportDialog::updateState() {
  const QString suffix = QFileInfo(path_->text()).suffix().toLower();
  const QString format = format_->currentData().toString();
  quality_->setEnabled(format == QLatin1String("mpo") || suffix == QLatin1String("jpg") ||
                       suffix == QLatin1String("jpeg"));
  ok_->setEnabled(!path_->text().trimmed().isEmpty());
}

}  // namespace sds::ui
