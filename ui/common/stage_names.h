// Translated labels for the progress stages core reports. Core names its
// stages with fixed English keys (sds::Progress::stage, e.g. "left view");
// they are identifiers there, not text, so the studio maps each key it knows to
// a label here. An unknown key (a stage added to core later) is shown as it is
// rather than dropped.
#pragma once
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <string>

namespace sds::ui {

class StageNames {
  Q_DECLARE_TR_FUNCTIONS(sds::ui::StageNames)
 public:
  static QString label(const std::string& key);
  static QStringList keys();  // every key with a label
};

}  // namespace sds::ui
