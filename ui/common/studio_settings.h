// What the studio remembers between runs, typed, on top of a QSettings the
// caller owns (main() uses the user's; tests pass one in a temporary folder).
#pragma once
#include <QByteArray>
#include <QList>
#include <QString>

#include "core/media/render_params.h"
#include "ui/export/export_target.h"
#include "ui/render/render_types.h"

class QSettings;

namespace sds::ui {

struct RecentPair {
  QString image, depth;
  bool operator==(const RecentPair& o) const { return image == o.image && depth == o.depth; }
};

class StudioSettings {
 public:
  static constexpr int kMaxRecent = 8;

  explicit StudioSettings(QSettings& settings) : s_(settings) {}

  media::RenderParams renderParams() const;
  void setRenderParams(const media::RenderParams& params);

  PreviewFormats previewFormats() const;
  void setPreviewFormats(const PreviewFormats& formats);

  // The comfort panel's display preset (ComfortPanel::displayKey); empty: none chosen yet.
  QString comfortDisplay() const;
  void setComfortDisplay(const QString& key);

  QList<RecentPair> recent() const;
  void addRecent(const RecentPair& pair);  // newest first, no duplicates
  void clearRecent();

  RecentPair lastSession() const;  // the files open when the studio last ran
  void setLastSession(const RecentPair& pair);

  QString lastDirectory() const;
  void setLastDirectory(const QString& dir);

  ExportTarget exportDefaults() const;
  void setExportDefaults(const ExportTarget& target);

  QByteArray windowGeometry() const;
  QByteArray windowState() const;
  void setWindow(const QByteArray& geometry, const QByteArray& state);

  void sync();
  QSettings& raw() const { return s_; }

 private:
  QSettings& s_;
};

}  // namespace sds::ui
