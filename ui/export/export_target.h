// What to export and where: one of core's export formats (or the 16-bit
// disparity map) and a file name.
#pragma once
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sds::ui {

struct ExportTarget {
  QString format;          // a name from exportFormats()
  QString path;            // for "separate", the name that -left / -right are added to
  int jpeg_quality = 95;   // for .jpg files and MPO
};

inline const QString kDepth16Format = QStringLiteral("depth16");

class ExportFormats {
  Q_DECLARE_TR_FUNCTIONS(sds::ui::ExportFormats)
 public:
  static QStringList all();                        // core's stereo formats, "separate", "mpo", "depth16"
  static QString displayName(const QString& format);
  static QString extension(const QString& format);  // the default: "mpo" or "png", without the dot
  static bool acceptsSuffix(const QString& format, const QString& suffix);
  static bool isStereo(const QString& format) { return format != kDepth16Format; }
  // The name with an extension the format can write: added when there is none,
  // replaced when the format cannot write it.
  static QString fitPath(const QString& path, const QString& format);
  // The files an export to `path` writes ("separate": the -left and -right files).
  static QStringList filesWritten(const QString& path, const QString& format);
};

}  // namespace sds::ui
