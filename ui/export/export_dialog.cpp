#include "ui/export/export_dialog.h"

#include <QComboBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>

namespace sds::ui {

ExportDialog::ExportDialog(const ExportTarget& initial, Asker ask, QWidget* parent)
    : QDialog(parent),
      ask_(ask ? std::move(ask) : messageBoxAsker(this)),
      format_(new QComboBox),
      path_(new QLineEdit),
      quality_(new QSpinBox),
      note_(new QLabel),
      problem_(new QLabel) {
  setObjectName(QStringLiteral("exportDialog"));
  setWindowTitle(tr("Export"));
  format_->setObjectName(QStringLiteral("exportFormatCombo"));
  for (const QString& f : ExportFormats::all()) format_->addItem(ExportFormats::displayName(f), f);
  format_->setCurrentIndex(std::max(0, format_->findData(initial.format)));
  last_format_ = format_->currentData().toString();
  path_->setObjectName(QStringLiteral("exportPathEdit"));
  path_->setText(initial.path);
  path_->setMinimumWidth(360);
  quality_->setObjectName(QStringLiteral("exportQualitySpin"));
  quality_->setRange(50, 100);
  quality_->setValue(initial.jpeg_quality);
  format_->setToolTip(tr("How the two views are laid out in the file: side by side and over-under for 3D TVs, "
                         "headsets and free viewing, anaglyph for red/cyan glasses, MPO for 3D cameras and "
                         "displays"));
  path_->setToolTip(tr("Where the file is written; the extension follows the format"));
  quality_->setToolTip(tr("JPEG and MPO only: higher keeps more detail in bigger files"));
  note_->setWordWrap(true);
  note_->setForegroundRole(QPalette::PlaceholderText);
  problem_->setObjectName(QStringLiteral("exportProblemLabel"));
  problem_->setWordWrap(true);
  problem_->setStyleSheet(QStringLiteral("color: #c0392b;"));
  problem_->hide();

  auto* browse = new QPushButton(tr("Browse…"));
  browse->setToolTip(tr("Choose the file in a dialog"));
  auto* file_row = new QHBoxLayout;
  file_row->addWidget(path_, 1);
  file_row->addWidget(browse);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  ok_ = buttons->button(QDialogButtonBox::Ok);
  ok_->setObjectName(QStringLiteral("exportOkButton"));
  ok_->setText(tr("Export"));
  buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));  // also without Qt's own translations

  auto* form = new QFormLayout(this);
  form->addRow(tr("Format"), format_);
  form->addRow(tr("File"), file_row);
  form->addRow(tr("JPEG quality"), quality_);
  form->addRow(note_);
  form->addRow(problem_);
  form->addRow(buttons);

  connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
  connect(path_, &QLineEdit::textChanged, this, &ExportDialog::updateState);
  connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
  connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::tryAccept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  onFormatChanged();
}

ExportTarget ExportDialog::target() const {
  return ExportTarget{format_->currentData().toString(), path_->text().trimmed(), quality_->value()};
}

QString ExportDialog::problem() const { return problem_->isVisible() ? problem_->text() : QString(); }

void ExportDialog::showProblem(const QString& text) {
  problem_->setText(text);
  problem_->setVisible(!text.isEmpty());
}

void ExportDialog::tryAccept() {
  showProblem({});
  const QString format = format_->currentData().toString();
  const QString typed = path_->text().trimmed();
  const QFileInfo info(typed);
  if (typed.isEmpty()) return showProblem(tr("Enter a file name."));
  if (info.isDir() || typed.endsWith(QLatin1Char('/')))
    return showProblem(tr("%1 is a folder; add a file name.").arg(typed));
  if (!info.absoluteDir().exists())
    return showProblem(tr("The folder %1 does not exist.").arg(info.absolutePath()));
  path_->setText(ExportFormats::fitPath(typed, format));
  QStringList existing;
  for (const QString& file : ExportFormats::filesWritten(target().path, format))
    if (QFileInfo::exists(file)) existing << QFileInfo(file).fileName();
  if (existing.isEmpty()) return accept();
  QPointer<ExportDialog> self(this);
  ask_(Question{QStringLiteral("exportOverwriteQuestion"), tr("Replace the file?"),
                tr("%1 already exists in %2. Replace it?").arg(existing.join(tr(" and ")), info.absolutePath()),
                {tr("Replace"), tr("Cancel")}, 1},
       [self](int button) {
         if (self && button == 0) self->accept();
       });
}

void ExportDialog::onFormatChanged() {
  const QString format = format_->currentData().toString();
  QString path = path_->text().trimmed();
  // A name that is the old format's own name follows the format ("sbs.png" -> "anaglyph-dubois.png").
  const QFileInfo info(path);
  if (!path.isEmpty() && info.completeBaseName() == last_format_)
    path = QDir(info.path()).filePath(format + QLatin1Char('.') + info.suffix());
  last_format_ = format;
  path_->setText(ExportFormats::fitPath(path, format));
  if (format == QLatin1String("separate"))
    note_->setText(tr("Writes two files, with -left and -right added to the name."));
  else if (format == kDepth16Format)
    note_->setText(tr("The disparity in pixels the right view was made with, near is bright; the value range is "
                      "stored in the file."));
  else
    note_->setText(tr("At the photo's full resolution; the parameters are stored with the file."));
  updateState();
}

void ExportDialog::browse() {
  const QString format = format_->currentData().toString();
  const QString filter = format == QLatin1String("mpo") ? tr("MPO stereo images (*.mpo)")
                         : format == kDepth16Format     ? tr("PNG images (*.png)")
                                                        : tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp)");
  auto* dialog = new QFileDialog(this, tr("Export to"), path_->text(), filter);
  dialog->setObjectName(QStringLiteral("exportBrowseDialog"));
  dialog->setAcceptMode(QFileDialog::AcceptSave);
  dialog->setOption(QFileDialog::DontConfirmOverwrite);  // asked once, by tryAccept()
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QFileDialog::fileSelected, this,
          [this, format](const QString& file) { path_->setText(ExportFormats::fitPath(file, format)); });
  dialog->open();
}

void ExportDialog::updateState() {
  showProblem({});
  const QString suffix = QFileInfo(path_->text()).suffix().toLower();
  const QString format = format_->currentData().toString();
  quality_->setEnabled(format == QLatin1String("mpo") || suffix == QLatin1String("jpg") ||
                       suffix == QLatin1String("jpeg"));
  ok_->setEnabled(!path_->text().trimmed().isEmpty());
}

}  // namespace sds::ui
