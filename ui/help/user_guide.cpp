#include "ui/help/user_guide.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QDir>
#include <QFileInfo>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace sds::ui {
namespace {

constexpr int kSourceTreeLevels = 4;  // build/<preset>/<subdir>/binary sits at most this deep

}  // namespace

QString findUserGuide(const QString& bin_dir) {
  const QString installed = QDir::cleanPath(bin_dir + QStringLiteral("/../share/sdstereo/guide/user-guide.md"));
  if (QFileInfo::exists(installed)) return installed;
  QDir dir(bin_dir);
  for (int level = 0; level <= kSourceTreeLevels; ++level) {
    const QString candidate = dir.filePath(QStringLiteral("docs/user-guide.md"));
    if (QFileInfo::exists(candidate)) return QDir::cleanPath(candidate);
    if (!dir.cdUp()) break;
  }
  return {};
}

UserGuideDialog::UserGuideDialog(const QString& path, QWidget* parent)
    : QDialog(parent), browser_(new QTextBrowser) {
  setObjectName(QStringLiteral("userGuideDialog"));
  setWindowTitle(tr("StereoDiffusion Studio User Guide"));
  browser_->setObjectName(QStringLiteral("userGuideText"));
  browser_->setOpenExternalLinks(true);
  // As a file URL, so the relative image links (images/*.png) resolve beside the guide.
  browser_->setSource(QUrl::fromLocalFile(path), QTextDocument::MarkdownResource);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));  // also without Qt's own translations
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(browser_, 1);
  layout->addWidget(buttons);
  resize(1020, 720);  // the screenshots are 960 px wide
}

}  // namespace sds::ui
