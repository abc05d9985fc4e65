#include "ui/common/language.h"

#include <QDir>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>

namespace sds::ui {
namespace {

const QString kBaseName = QStringLiteral("sdstereo_studio");

// A language's name in that language ("Deutsch", "Français"): people look for
// their own language's name, whatever the interface shows now.
QString nativeName(const QString& code) {
  QString name = QLocale(code).nativeLanguageName();
  if (name.isEmpty()) return code;
  name[0] = name[0].toUpper();
  return name;
}

}  // namespace

QStringList Languages::directories() {
  QStringList dirs;
  const QString installed =
      QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/sdstereo/translations"));
  if (QDir(installed).exists()) dirs << installed;
  dirs << QLatin1String(kResourceDir);
  return dirs;
}

// English names itself; every other language needs a .qm file.
QList<LanguageChoice> Languages::available() {
  QList<LanguageChoice> out{{QString(), tr("System")}, {QStringLiteral("en"), QStringLiteral("English")}};
  static const QRegularExpression pattern(QStringLiteral("^sdstereo_studio_(\\w+)\\.qm$"));
  QStringList codes;
  for (const QString& dir : directories()) {
    for (const QString& file : QDir(dir).entryList({kBaseName + QStringLiteral("_*.qm")}, QDir::Files, QDir::Name)) {
      const QRegularExpressionMatch m = pattern.match(file);
      if (m.hasMatch() && m.captured(1) != QLatin1String("en") && !codes.contains(m.captured(1))) codes << m.captured(1);
    }
  }
  codes.sort();
  for (const QString& code : codes) out.append({code, nativeName(code)});
  return out;
}

QString Languages::stored(const QSettings& settings) { return settings.value(QLatin1String(kSettingsKey)).toString(); }

void Languages::store(QSettings& settings, const QString& code) {
  if (code.isEmpty())
    settings.remove(QLatin1String(kSettingsKey));
  else
    settings.setValue(QLatin1String(kSettingsKey), code);
}

QLocale Languages::localeFor(const QString& code) { return code.isEmpty() ? QLocale::system() : QLocale(code); }

bool Languages::install(const QLocale& locale) {
  QCoreApplication* app = QCoreApplication::instance();
  auto* qt = new QTranslator(app);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
  else
    delete qt;
  for (const QString& dir : directories()) {
    auto* studio = new QTranslator(app);
    if (studio->load(locale, kBaseName, QStringLiteral("_"), dir)) {
      QCoreApplication::installTranslator(studio);
      return true;
    }
    delete studio;
  }
  return false;
}

}  // namespace sds::ui
