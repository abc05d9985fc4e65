#include "ui/export/export_target.h"

#include <QDir>
#include <QFileInfo>

#include "core/media/stereo_export.h"
#include "core/media/stereo_formats.h"
#include "ui/common/display_names.h"

namespace sds::ui {

QStringList ExportFormats::all() {
  QStringList names;
  for (const std::string& name : media::exportFormatNames()) names << QString::fromStdString(name);
  names << kDepth16Format;
  return names;
}

QString ExportFormats::displayName(const QString& format) {
  if (format == QLatin1String("separate")) return tr("Left and right, two files");
  if (format == QLatin1String("mpo")) return tr("MPO (3D cameras, Nintendo 3DS)");
  if (format == kDepth16Format) return tr("Disparity map, 16-bit PNG");
  try {
    return DisplayNames::stereoFormat(media::parseStereoFormat(format.toStdString()));
  } catch (const std::exception&) {
    return format;
  }
}

QString ExportFormats::extension(const QString& format) {
  return format == QLatin1String("mpo") ? QStringLiteral("mpo") : QStringLiteral("png");
}

bool ExportFormats::acceptsSuffix(const QString& format, const QString& suffix) {
  const QString s = suffix.toLower();
  if (format == QLatin1String("mpo")) return s == QLatin1String("mpo");
  if (format == kDepth16Format) return s == QLatin1String("png");
  static const QStringList images = {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                     QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("webp"),
                                     QStringLiteral("bmp")};
  return images.contains(s);
}

QString ExportFormats::fitPath(const QString& path, const QString& format) {
  const QFileInfo info(path);
  if (path.isEmpty() || acceptsSuffix(format, info.suffix())) return path;
  // "name.tar" style names keep their dots; only a known image suffix is swapped.
  const bool known = acceptsSuffix(QStringLiteral("sbs"), info.suffix()) || info.suffix().toLower() == QLatin1String("mpo");
  const QString base = known ? info.completeBaseName() : info.fileName();
  return QDir(info.path()).filePath(base + QLatin1Char('.') + extension(format));
}

QStringList ExportFormats::filesWritten(const QString& path, const QString& format) {
  if (format != QLatin1String("separate")) return {path};
  const QFileInfo info(path);
  const QString ext = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
  const QDir dir(info.path());
  return {dir.filePath(info.completeBaseName() + QStringLiteral("-left") + ext),
          dir.filePath(info.completeBaseName() + QStringLiteral("-right") + ext)};
}

}  // namespace sds::ui
