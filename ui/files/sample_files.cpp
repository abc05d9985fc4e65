#include "ui/files/sample_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace sds::ui {
namespace {

RecentPair pairIn(const QString& folder) {
  const QDir dir(folder);
  const QString image = QDir::cleanPath(dir.filePath(QStringLiteral("image.png")));
  const QString depth = QDir::cleanPath(dir.filePath(QStringLiteral("depth.png")));
  if (QFileInfo::exists(image) && QFileInfo::exists(depth)) return {image, depth};
  return {};
}

// Writes resource `from` to `to` unless an identical file is already there; atomic,
// so a second studio starting at the same time never reads half a file.
bool copyOut(const QString& from, const QString& to) {
  QFile in(from);
  if (!in.open(QIODevice::ReadOnly)) return false;
  const QByteArray bytes = in.readAll();
  QFile existing(to);
  if (existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes) return true;
  QSaveFile out(to);
  return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit();
}

RecentPair compiledInSample() {
  const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/sample");
  if (!QDir().mkpath(folder)) return {};
  for (const QString& name : {QStringLiteral("image.png"), QStringLiteral("depth.png")})
    if (!copyOut(QStringLiteral(":/sample/") + name, folder + QLatin1Char('/') + name)) return {};
  return pairIn(folder);
}

}  // namespace

RecentPair bundledSample() {
  const RecentPair installed =
      pairIn(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/sdstereo/sample"));
  if (!installed.image.isEmpty()) return installed;
  return compiledInSample();
}

}  // namespace sds::ui
