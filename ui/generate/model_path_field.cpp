#include "ui/generate/model_path_field.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace sds::ui {

ModelPathField::ModelPathField(QString dialog_title, QString marker_file, QWidget* parent)
    : QWidget(parent),
      dialog_title_(std::move(dialog_title)),
      marker_file_(std::move(marker_file)),
      edit_(new QLineEdit),
      browse_(new QToolButton) {
  browse_->setText(QStringLiteral("…"));
  browse_->setToolTip(tr("Choose a .safetensors file, or %1 inside a model folder").arg(marker_file_));
  edit_->setClearButtonEnabled(true);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(edit_, 1);
  layout->addWidget(browse_);
  connect(edit_, &QLineEdit::editingFinished, this, [this] { Q_EMIT pathChanged(path()); });
  connect(browse_, &QToolButton::clicked, this, &ModelPathField::choose);
}

QString ModelPathField::path() const { return edit_->text().trimmed(); }

void ModelPathField::setPath(const QString& path) { edit_->setText(path); }

void ModelPathField::choose() {
  const QFileInfo current(path());
  const QString start = current.isDir() ? current.filePath() : current.path();
  auto* dialog = new QFileDialog(this, dialog_title_, start,
                                 tr("Models (*.safetensors %1);;All files (*)").arg(marker_file_));
  dialog->setFileMode(QFileDialog::ExistingFile);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& file) {
    const QFileInfo chosen(file);
    setPath(chosen.fileName() == marker_file_ ? chosen.path() : chosen.filePath());
    Q_EMIT pathChanged(path());
  });
  dialog->open();
}

}  // namespace sds::ui
