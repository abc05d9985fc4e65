// The studio's interface language: the system locale's, unless the user chose
// one (View > Language, stored in QSettings as "ui/language"). main() installs
// the translators once at start, so a change applies on the next start.
// The .qm files are embedded under :/i18n; an installed copy in
// <bindir>/../share/sdstereo/translations wins, so a packager or translator can
// update one without rebuilding.
#pragma once
#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

class QSettings;

namespace sds::ui {

struct LanguageChoice {
  QString code;  // "" = follow the system, else a language code such as "de"
  QString name;  // shown in the menu
};

class Languages {
  Q_DECLARE_TR_FUNCTIONS(sds::ui::Languages)
 public:
  static constexpr const char* kSettingsKey = "ui/language";
  static constexpr const char* kResourceDir = ":/i18n";

  // Where .qm files are looked for, the installed folder (when present) first.
  static QStringList directories();
  // "System", English (the source language), then every embedded translation.
  static QList<LanguageChoice> available();
  static QString stored(const QSettings& settings);  // "" when none was chosen
  static void store(QSettings& settings, const QString& code);
  // The locale the interface uses for a stored choice ("" = the system's).
  static QLocale localeFor(const QString& code);
  // Installs Qt's own and the studio's translators for `locale` on the running
  // application; returns false when the studio has no translation for it
  // (English, or a language not shipped), which leaves the English text.
  static bool install(const QLocale& locale);
};

}  // namespace sds::ui
