// Help > User Guide: docs/user-guide.md with its screenshots (docs/images/),
// shown as Markdown in a QTextBrowser. Found from the running binary alone:
//   1. installed: <bindir>/../share/sdstereo/guide/user-guide.md (packaging/install.cmake);
//   2. a build tree: docs/user-guide.md in a folder above the binary (the
//      source tree the build folder lives in).
#pragma once
#include <QDialog>
#include <QString>

class QTextBrowser;

namespace sds::ui {

// The guide's path for a binary in `bin_dir`, or an empty string when none is found.
QString findUserGuide(const QString& bin_dir);

class UserGuideDialog : public QDialog {
  Q_OBJECT
 public:
  // path: the guide's Markdown file (its images are resolved beside it).
  explicit UserGuideDialog(const QString& path, QWidget* parent = nullptr);
  QTextBrowser* browser() const { return browser_; }

 private:
  QTextBrowser* browser_;
};

}  // namespace sds::ui
