#include "ui/files/dropped_files.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace sds::ui {
namespace {

bool isImageFile(const QString& path) {
  static const QStringList suffixes = {QStringLiteral("png"), QStringLiteral("jpg"),  QStringLiteral("jpeg"),
                                       QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("bmp"),
                                       QStringLiteral("webp"), QStringLiteral("exr"), QStringLiteral("pfm")};
  return suffixes.contains(QFileInfo(path).suffix().toLower());
}

}  // namespace

bool looksLikeDepthMap(const QString& path) {
  static const QRegularExpression pattern(QStringLiteral("(depth|disp|zmap|(^|[_\\-.])d$)"),
                                          QRegularExpression::CaseInsensitiveOption);
  return pattern.match(QFileInfo(path).completeBaseName()).hasMatch();
}

RecentPair classifyDroppedFiles(const QStringList& paths) {
  RecentPair pair;
  QStringList others;
  for (const QString& path : paths) {
    if (!isImageFile(path)) continue;
    if (pair.depth.isEmpty() && looksLikeDepthMap(path))
      pair.depth = path;
    else
      others << path;
  }
  if (!others.isEmpty()) pair.image = others.takeFirst();
  if (pair.depth.isEmpty() && !others.isEmpty()) pair.depth = others.takeFirst();
  return pair;
}

}  // namespace sds::ui
