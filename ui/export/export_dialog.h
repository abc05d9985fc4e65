// Choosing an export format and a file. The dialog only edits an ExportTarget;
// the export itself runs as a job.
#pragma once
#include <QDialog>

#include "ui/export/export_target.h"

class QComboBox;
class QLineEdit;
class QSpinBox;
class QLabel;

namespace sds::ui {

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ExportDialog(const ExportTarget& initial, QWidget* parent = nullptr);

  ExportTarget target() const;

 private:
  void onFormatChanged();
  void browse();
  void updateState();

  QComboBox* format_;
  QLineEdit* path_;
  QSpinBox* quality_;
  QLabel* note_;
  QPushButton* ok_ = nullptr;
};

}  // namespace sds::ui
