#include "ui/common/studio_settings.h"

#include <QSettings>

#include "core/media/stereo_formats.h"

namespace sds::ui {
namespace {

// Reads an enum stored by name; unknown or missing names give the fallback.
template <typename T, typename Parse>
T readEnum(const QSettings& s, const QString& key, T fallback, Parse parse) {
  const QString name = s.value(key).toString();
  if (name.isEmpty()) return fallback;
  try {
    return parse(name.toStdString());
  } catch (const std::exception&) {
    return fallback;
  }
}

QString str(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

media::RenderParams StudioSettings::renderParams() const {
  media::RenderParams p;
  p.depth_kind = readEnum(s_, QStringLiteral("render/depthKind"), p.depth_kind, media::parseDepthKind);
  p.fill = readEnum(s_, QStringLiteral("render/fill"), p.fill, media::parseFillMode);
  p.scale_percent = s_.value(QStringLiteral("render/scalePercent"), p.scale_percent).toDouble();
  p.exponent = s_.value(QStringLiteral("render/exponent"), p.exponent).toDouble();
  p.convergence = s_.value(QStringLiteral("render/convergence"), p.convergence).toDouble();
  p.inpaint_model = s_.value(QStringLiteral("render/inpaintModel")).toString().toStdString();
  p.view_mode = s_.value(QStringLiteral("render/views")).toString() == QLatin1String("both")
                    ? media::ViewMode::BothHalf
                    : media::ViewMode::RightFromLeft;
  return p;
}

void StudioSettings::setRenderParams(const media::RenderParams& p) {
  s_.setValue(QStringLiteral("render/depthKind"), str(media::toString(p.depth_kind)));
  s_.setValue(QStringLiteral("render/fill"), str(media::toString(p.fill)));
  s_.setValue(QStringLiteral("render/scalePercent"), p.scale_percent);
  s_.setValue(QStringLiteral("render/exponent"), p.exponent);
  s_.setValue(QStringLiteral("render/convergence"), p.convergence);
  s_.setValue(QStringLiteral("render/inpaintModel"), str(p.inpaint_model));
  s_.setValue(QStringLiteral("render/views"),
              p.view_mode == media::ViewMode::BothHalf ? QStringLiteral("both") : QStringLiteral("right-from-left"));
}

QString StudioSettings::comfortDisplay() const { return s_.value(QStringLiteral("preview/comfortDisplay")).toString(); }

void StudioSettings::setComfortDisplay(const QString& key) {
  s_.setValue(QStringLiteral("preview/comfortDisplay"), key);
}

PreviewFormats StudioSettings::previewFormats() const {
  PreviewFormats f;
  f.side_by_side = readEnum(s_, QStringLiteral("preview/sideBySide"), f.side_by_side, media::parseStereoFormat);
  f.anaglyph = readEnum(s_, QStringLiteral("preview/anaglyph"), f.anaglyph, media::parseStereoFormat);
  return f;
}

void StudioSettings::setPreviewFormats(const PreviewFormats& f) {
  s_.setValue(QStringLiteral("preview/sideBySide"), str(media::toString(f.side_by_side)));
  s_.setValue(QStringLiteral("preview/anaglyph"), str(media::toString(f.anaglyph)));
}

QList<RecentPair> StudioSettings::recent() const {
  QList<RecentPair> list;
  const int n = s_.beginReadArray(QStringLiteral("recent"));
  for (int i = 0; i < n && list.size() < kMaxRecent; ++i) {
    s_.setArrayIndex(i);
    RecentPair pair{s_.value(QStringLiteral("image")).toString(), s_.value(QStringLiteral("depth")).toString()};
    if (!pair.image.isEmpty() || !pair.depth.isEmpty()) list << pair;
  }
  s_.endArray();
  return list;
}

void StudioSettings::addRecent(const RecentPair& pair) {
  QList<RecentPair> list = recent();
  list.removeAll(pair);
  list.prepend(pair);
  while (list.size() > kMaxRecent) list.removeLast();
  s_.remove(QStringLiteral("recent"));
  s_.beginWriteArray(QStringLiteral("recent"), int(list.size()));
  for (int i = 0; i < list.size(); ++i) {
    s_.setArrayIndex(i);
    s_.setValue(QStringLiteral("image"), list[i].image);
    s_.setValue(QStringLiteral("depth"), list[i].depth);
  }
  s_.endArray();
}

void StudioSettings::clearRecent() { s_.remove(QStringLiteral("recent")); }

RecentPair StudioSettings::lastSession() const {
  return {s_.value(QStringLiteral("session/image")).toString(), s_.value(QStringLiteral("session/depth")).toString()};
}

void StudioSettings::setLastSession(const RecentPair& pair) {
  s_.setValue(QStringLiteral("session/image"), pair.image);
  s_.setValue(QStringLiteral("session/depth"), pair.depth);
}

QString StudioSettings::lastDirectory() const { return s_.value(QStringLiteral("files/lastDirectory")).toString(); }

void StudioSettings::setLastDirectory(const QString& dir) { s_.setValue(QStringLiteral("files/lastDirectory"), dir); }

ExportTarget StudioSettings::exportDefaults() const {
  ExportTarget t;
  t.format = s_.value(QStringLiteral("export/format"), QStringLiteral("sbs")).toString();
  if (!ExportFormats::all().contains(t.format)) t.format = QStringLiteral("sbs");
  t.path = s_.value(QStringLiteral("export/path")).toString();
  t.jpeg_quality = s_.value(QStringLiteral("export/jpegQuality"), 95).toInt();
  return t;
}

void StudioSettings::setExportDefaults(const ExportTarget& t) {
  s_.setValue(QStringLiteral("export/format"), t.format);
  s_.setValue(QStringLiteral("export/path"), t.path);
  s_.setValue(QStringLiteral("export/jpegQuality"), t.jpeg_quality);
}

QByteArray StudioSettings::windowGeometry() const { return s_.value(QStringLiteral("window/geometry")).toByteArray(); }

QByteArray StudioSettings::windowState() const { return s_.value(QStringLiteral("window/state")).toByteArray(); }

void StudioSettings::setWindow(const QByteArray& geometry, const QByteArray& state) {
  s_.setValue(QStringLiteral("window/geometry"), geometry);
  s_.setValue(QStringLiteral("window/state"), state);
}

void StudioSettings::sync() { s_.sync(); }

}  // namespace sds::ui
