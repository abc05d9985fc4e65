// What the studio's GUI tests share (tests/gui, offscreen): a settings file of
// their own in a temporary folder, emptied before every test; the studio
// window on it, its error messages collected instead of shown; and the Generate
// options of a small prompt run on the tiny random models of tests/data.
// Header-only; Qt only (no torch).
#pragma once
#include <QFile>
#include <QObject>
#include <QSettings>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <memory>

#include "ui/generate/generation_options.h"
#include "ui/main_window.h"

namespace sds::test {

// How long a wait for a run, a render or a document may take on a busy
// machine; the QTRY_ waits end as soon as their condition holds.
constexpr int kStudioTimeoutMs = 120000;

inline QString studioTestData() { return QStringLiteral(SDSTEREO_TEST_DATA); }

// A 64 x 64 prompt run of `steps` steps on the CPU with the tiny Stable
// Diffusion and Depth Anything V2 models, the shift at `shift_step`.
inline ui::GenerationOptions tinyPromptOptions(int steps, int shift_step) {
  ui::GenerationOptions o;
  o.sd_model = studioTestData() + QStringLiteral("/sd-tiny-v1/model");
  o.depth_model = studioTestData() + QStringLiteral("/depth-anything-v2-tiny");
  o.device = QStringLiteral("cpu");
  o.mode = media::GenerationMode::Prompt;
  o.prompt = "a red cube on a table";
  o.steps = steps;
  o.guidance_scale = 5;
  o.seed = 7;
  o.width = 64;
  o.height = 64;
  o.stereo.shift_step = shift_step;
  o.stereo.mask_interval = 2;
  return o;
}

// The base of a test class that opens studio windows. Its test slots call
// resetSettings() from init(), so every test starts as a first start.
class StudioTest : public QObject {
 protected:
  QTemporaryDir dir_;
  std::unique_ptr<QSettings> settings_;
  QStringList errors_;  // the messages the windows would have shown, in order
  // The Hugging Face cache the studio searches for depth models: none of this
  // machine's, so a test sees only the models it puts there.
  QString hf_hub_ = dir_.filePath(QStringLiteral("no-hf-hub"));

  QString path(const QString& name) const { return dir_.filePath(name); }

  void resetSettings() {
    settings_.reset();  // it writes itself back when destroyed
    QFile::remove(path(QStringLiteral("studio.ini")));
    settings_ = std::make_unique<QSettings>(path(QStringLiteral("studio.ini")), QSettings::IniFormat);
    qputenv("HF_HUB_CACHE", hf_hub_.toUtf8());
    QStandardPaths::setTestModeEnabled(true);  // the studio's own models folder too
    errors_.clear();
  }

  // A shown window on this test's settings; `before_show` sets what must be
  // in place before it shows (an asker, ...).
  std::unique_ptr<ui::MainWindow> makeWindow(const std::function<void(ui::MainWindow&)>& before_show = {}) {
    auto w = std::make_unique<ui::MainWindow>(*settings_);
    w->setErrorPresenter([this](const QString& message) { errors_ << message; });
    if (before_show) before_show(*w);
    w->show();
    return w;
  }
};

}  // namespace sds::test
