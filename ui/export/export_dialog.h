// Choosing an export format and a file. The dialog only edits an ExportTarget;
// the export itself runs as a job. Everything is checked before it closes: the
// name (not empty, not a folder, in a folder that exists), the extension (added
// or fixed for the format), and an existing file (the user confirms replacing it).
#pragma once
#include <QDialog>

#include "ui/common/question.h"
#include "ui/export/export_target.h"

class QComboBox;
class QLineEdit;
class QSpinBox;
class QLabel;

namespace sds::ui {

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  // ask: how the overwrite question is asked (empty: a message box over this dialog).
  explicit ExportDialog(const ExportTarget& initial, Asker ask = {}, QWidget* parent = nullptr);

  ExportTarget target() const;
  // What the Export button does: checks, fixes the name, asks about replacing,
  // then accepts (or shows the problem and stays open).
  void tryAccept();
  QString problem() const;

 private:
  void onFormatChanged();
  void browse();
  void updateState();
  void showProblem(const QString& text);

  Asker ask_;
  QComboBox* format_;
  QLineEdit* path_;
  QSpinBox* quality_;
  QLabel* note_;
  QLabel* problem_;
  QPushButton* ok_ = nullptr;
  QString last_format_;
};

}  // namespace sds::ui
