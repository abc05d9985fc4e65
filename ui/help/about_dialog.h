// Help > About: the version, the method the studio implements, the models a
// user may load and the licences of everything shipped with it. One read-only
// page; the texts are tr() sentences around proper names (titles, licence ids),
// which stay as published.
#pragma once
#include <QDialog>

namespace sds::ui {

class AboutDialog : public QDialog {
  Q_OBJECT
 public:
  explicit AboutDialog(QWidget* parent = nullptr);

  // The page as HTML (also what the dialog shows), for tests.
  static QString html();
};

}  // namespace sds::ui
