// A model's location: typed, or chosen in a file dialog where picking the
// folder's marker file (model_index.json for diffusers, config.json for
// transformers) stands for the folder, so one dialog serves folders and
// single .safetensors files alike. The dialog never blocks (open(), not exec()).
#pragma once
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace sds::ui {

class ModelPathField : public QWidget {
  Q_OBJECT
 public:
  ModelPathField(QString dialog_title, QString marker_file, QWidget* parent = nullptr);

  QString path() const;
  void setPath(const QString& path);
  QLineEdit* edit() const { return edit_; }

 Q_SIGNALS:
  void pathChanged(const QString& path);

 private:
  void choose();

  QString dialog_title_;
  QString marker_file_;
  QLineEdit* edit_;
  QToolButton* browse_;
};

}  // namespace sds::ui
