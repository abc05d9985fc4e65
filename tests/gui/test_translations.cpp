// The shipped translations: every translations/*.ts is complete (no unfinished,
// obsolete or vanished message, no empty form, the same %1/%n placeholders and
// the same &-shortcut presence as the English text), its compiled .qm under
// :/i18n gives exactly the .ts's translations, and the real main window under
// each language shows no English text that has a translation.
// tests/support/check_translations_current.cmake (ctest translations_current)
// checks the other side: that the .ts files hold every text of the sources.
#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <memory>

#include "ui/common/language.h"
#include "ui/common/language_menu.h"
#include "ui/common/stage_names.h"
#include "ui/common/tooltip_wrap.h"
#include "ui/main_window.h"

using namespace sds::ui;

namespace {

struct Message {
  QString context, source;
  QString type;          // the translation's type attribute: "", "unfinished", "obsolete", "vanished"
  QStringList forms;     // one, or the numerus forms
  bool numerus = false;
};

struct TsFile {
  QString path, language;  // language: "de" for sdstereo_studio_de.ts
  QList<Message> messages;
  QString error;           // set when the XML could not be read
};

QString translationsDir() { return QDir::cleanPath(QStringLiteral(SDSTEREO_TEST_DATA "/../../translations")); }

TsFile readTs(const QString& path) {
  TsFile ts;
  ts.path = path;
  ts.language = QFileInfo(path).completeBaseName().section(QLatin1Char('_'), -1);
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    ts.error = QStringLiteral("cannot open");
    return ts;
  }
  QXmlStreamReader xml(&file);
  QString context;
  Message m;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    const auto name = xml.name();
    if (name == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (name == QLatin1String("message")) {
      m = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
    } else if (name == QLatin1String("source")) {
      m.source = xml.readElementText();
    } else if (name == QLatin1String("translation")) {
      m.type = xml.attributes().value(QLatin1String("type")).toString();
      if (m.numerus) {
        while (xml.readNextStartElement()) m.forms << xml.readElementText();
      } else {
        m.forms << xml.readElementText();
      }
      ts.messages << m;
    }
  }
  if (xml.hasError()) ts.error = xml.errorString();
  return ts;
}

QList<TsFile> shippedTs() {
  QList<TsFile> out;
  for (const QString& f : QDir(translationsDir()).entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name))
    out << readTs(QDir(translationsDir()).filePath(f));
  return out;
}

QStringList placeholders(const QString& s) {
  static const QRegularExpression pattern(QStringLiteral("%(\\d|n)"));
  QStringList out;
  for (auto it = pattern.globalMatch(s); it.hasNext();) out << it.next().captured(0);
  out.sort();
  return out;
}

bool hasShortcut(const QString& s) { return QString(s).remove(QStringLiteral("&&")).contains(QLatin1Char('&')); }

// Everything of a message that makes a shipped file incomplete or wrong.
QStringList problemsOf(const Message& m) {
  QStringList out;
  const QString where = m.context + QStringLiteral(" \"") + m.source.left(50) + QStringLiteral("\": ");
  if (!m.type.isEmpty()) out << where + m.type;
  for (const QString& form : m.forms) {
    if (form.isEmpty()) out << where + QStringLiteral("empty translation");
    if (placeholders(form) != placeholders(m.source))
      out << where + QStringLiteral("placeholders differ: ") + form.left(50);
    if (hasShortcut(form) != hasShortcut(m.source)) out << where + QStringLiteral("& shortcut differs: ") + form;
  }
  if (m.forms.isEmpty()) out << where + QStringLiteral("no translation");
  return out;
}

// Every visible text and tool tip of a window and its menus, docks and widgets.
QStringList textsOf(QMainWindow& w) {
  QStringList out{w.windowTitle()};
  for (QAction* a : w.findChildren<QAction*>()) out << a->text() << a->toolTip();
  for (QMenu* m : w.findChildren<QMenu*>()) out << m->title();
  for (QWidget* widget : w.findChildren<QWidget*>()) {
    out << widget->toolTip() << widget->windowTitle();
    if (auto* l = qobject_cast<QLabel*>(widget)) out << l->text();
    if (auto* b = qobject_cast<QAbstractButton*>(widget)) out << b->text();
    if (auto* g = qobject_cast<QGroupBox*>(widget)) out << g->title();
    if (auto* e = qobject_cast<QLineEdit*>(widget)) out << e->placeholderText();
    if (auto* e = qobject_cast<QPlainTextEdit*>(widget)) out << e->placeholderText();
    if (auto* t = qobject_cast<QTabWidget*>(widget))
      for (int i = 0; i < t->count(); ++i) out << t->tabText(i) << t->tabToolTip(i);
    if (auto* c = qobject_cast<QComboBox*>(widget))
      for (int i = 0; i < c->count(); ++i) out << c->itemText(i) << c->itemData(i, Qt::ToolTipRole).toString();
  }
  out.removeAll(QString());
  return out;
}

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // German and one more language ship; each file is complete and consistent.
  void shippedFilesAreComplete() {
    const QList<TsFile> files = shippedTs();
    QStringList languages;
    for (const TsFile& ts : files) languages << ts.language;
    QVERIFY2(languages.contains(QStringLiteral("de")) && languages.size() >= 2, qPrintable(languages.join(' ')));
    for (const TsFile& ts : files) {
      QVERIFY2(ts.error.isEmpty(), qPrintable(ts.path + QStringLiteral(": ") + ts.error));
      QVERIFY2(ts.messages.size() > 100, qPrintable(ts.path));
      QStringList problems;
      for (const Message& m : ts.messages) problems << problemsOf(m);
      QVERIFY2(problems.isEmpty(), qPrintable(ts.path + QStringLiteral(":\n  ") + problems.join(QStringLiteral("\n  "))));
    }
  }

  // Each .ts file states the same messages as the others: none is missing one.
  void languagesHoldTheSameMessages() {
    const QList<TsFile> files = shippedTs();
    QVERIFY(!files.isEmpty());
    const auto keys = [](const TsFile& ts) {
      QSet<QString> out;
      for (const Message& m : ts.messages) out.insert(m.context + QLatin1Char('\x1f') + m.source);
      return out;
    };
    for (const TsFile& ts : files) QCOMPARE(keys(ts), keys(files.first()));
  }

  // The embedded .qm of each language loads and translates every message as
  // its .ts says (a stale or missing .qm fails here).
  void eachQmTranslatesItsMessages() {
    for (const TsFile& ts : shippedTs()) {
      QTranslator translator;
      const QString qm = QStringLiteral(":/i18n/sdstereo_studio_%1.qm").arg(ts.language);
      QVERIFY2(translator.load(qm), qPrintable(qm));
      QVERIFY(!translator.isEmpty());
      for (const Message& m : ts.messages) {
        const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8();
        if (m.numerus) {
          QCOMPARE(translator.translate(context, source, nullptr, 1), m.forms.first());
          QCOMPARE(translator.translate(context, source, nullptr, 5), m.forms.last());
        } else {
          QCOMPARE(translator.translate(context, source), m.forms.first());
        }
      }
      // A known string, spelled out: the menu bar's first menu is translated.
      QVERIFY(!translator.translate("sds::ui::MainWindow", "&File").isEmpty());
      QVERIFY(translator.translate("sds::ui::MainWindow", "&File") != QLatin1String("&File"));
    }
  }

  // The stage names core reports reach lupdate: their English labels are in every .ts.
  void stageLabelsAreInTheTranslations() {
    for (const TsFile& ts : shippedTs()) {
      QSet<QString> sources;
      for (const Message& m : ts.messages)
        if (m.context == QLatin1String("sds::ui::StageNames")) sources.insert(m.source);
      for (const QString& key : StageNames::keys())
        QVERIFY2(sources.contains(StageNames::label(key.toStdString())), qPrintable(ts.language + QLatin1Char(' ') + key));
    }
    QCOMPARE(StageNames::label("a stage core added later"), QStringLiteral("a stage core added later"));
  }

  void mainWindowHasNoEnglishLeft_data() {
    QTest::addColumn<QString>("language");
    for (const TsFile& ts : shippedTs()) QTest::newRow(qPrintable(ts.language)) << ts.language;
  }

  // Under each language, no text of the window, its menus, docks, tool tips and
  // combo boxes is an English source text whose translation differs: a text
  // left out of tr() or filed under a wrong context shows up here.
  void mainWindowHasNoEnglishLeft() {
    QFETCH(QString, language);
    QSet<QString> english, translations;  // sources whose translation differs, and those translations
    for (const TsFile& ts : shippedTs()) {
      if (ts.language != language) continue;
      for (const Message& m : ts.messages) {
        if (m.numerus || m.forms.first() == m.source) continue;
        english.insert(m.source);
        translations.insert(m.forms.first());
      }
    }
    QVERIFY(!english.isEmpty());
    QVERIFY(Languages::install(QLocale(language)));
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QStringList left;
    int translated = 0;
    {
      MainWindow window(settings);
      window.show();
      for (const QString& text : textsOf(window)) {
        if (english.contains(text)) left << text;
        translated += translations.contains(text) ? 1 : 0;
      }
    }
    removeTranslators();
    QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("English left under %1:\n  ").arg(language) +
                                        left.join(QStringLiteral("\n  "))));
    QVERIFY2(translated > 50, qPrintable(QString::number(translated)));
  }

  // View > Language lists System, English and each shipped language, and
  // stores the choice for the next start.
  void languageMenuStoresTheChoice() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QStringList codes;
    for (const LanguageChoice& c : Languages::available()) codes << c.code;
    QCOMPARE(codes.mid(0, 2), (QStringList{QString(), QStringLiteral("en")}));
    for (const TsFile& ts : shippedTs()) QVERIFY2(codes.contains(ts.language), qPrintable(ts.language));

    LanguageMenu menu(settings);
    auto* system = menu.findChild<QAction*>(QStringLiteral("actionLanguage_system"));
    auto* german = menu.findChild<QAction*>(QStringLiteral("actionLanguage_de"));
    QVERIFY(system && german);
    QVERIFY(system->isChecked());
    QSignalSpy chosen(&menu, &LanguageMenu::chosen);
    german->trigger();
    QCOMPARE(Languages::stored(settings), QStringLiteral("de"));
    QCOMPARE(chosen.count(), 1);
    QVERIFY(chosen.first().at(1).toString().contains(QStringLiteral("started again")));
    german->trigger();  // no change, no second note
    QCOMPARE(chosen.count(), 1);
    system->trigger();
    QVERIFY(!settings.contains(QLatin1String(Languages::kSettingsKey)));
    QCOMPARE(Languages::localeFor(QString()), QLocale::system());
    QCOMPARE(Languages::localeFor(QStringLiteral("fr")).language(), QLocale::French);
  }

  // Long plain tool tips (translations are often longer) are shown wrapped;
  // short and rich ones as they are, and the widget keeps its own text.
  void longToolTipsAreShownWrapped() {
    const QString longTip = QStringLiteral("Areas the right view sees behind foreground edges start from fresh "
                                           "noise, so <new> detail is painted there");
    const QString wrapped = wrappedToolTip(longTip);
    QVERIFY(Qt::mightBeRichText(wrapped));
    QVERIFY(wrapped.contains(QStringLiteral("&lt;new&gt;")));
    QCOMPARE(wrappedToolTip(QStringLiteral("Zoom out")), QStringLiteral("Zoom out"));
    QCOMPARE(wrappedToolTip(QStringLiteral("<b>rich</b>")), QStringLiteral("<b>rich</b>"));

    ToolTipWrapper wrapper;
    qApp->installEventFilter(&wrapper);
    QWidget widget;
    widget.setToolTip(longTip);
    widget.resize(100, 40);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QHelpEvent help(QEvent::ToolTip, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(&widget, &help);
    QCOMPARE(QToolTip::text(), wrapped);
    QCOMPARE(widget.toolTip(), longTip);
    QToolTip::hideText();
    qApp->removeEventFilter(&wrapper);
  }

  // English is the source: choosing it loads no studio translation.
  void englishInstallsNoTranslation() {
    QVERIFY(!Languages::install(QLocale(QLocale::English)));
    removeTranslators();
  }

 private:
  static void removeTranslators() {
    for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>()) {
      QCoreApplication::removeTranslator(t);
      delete t;
    }
  }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
