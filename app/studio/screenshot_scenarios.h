// A small test hook for scripts/screenshots.sh: `--scenario NAME --screenshot
// FILE` brings the studio into one documented state, then grabs the whole
// screen (on X11 that is the real server's picture, dialogs included) and quits.
// Scenarios: first-start, estimated-depth, generated-pair, composed-pair, mismatch,
// export-overwrite, menu-tooltip, generating, sdxl-detected, anaglyph, zoomed, wiggle, undo-menu, about, user-guide (see
// scripts/screenshots.sh for the inputs each one takes).
#pragma once
#include <QString>

namespace sds::ui {
class MainWindow;
}

struct ScenarioInputs {
  QString image, depth;        // files to open (--image / --depth)
  QString sd_model, depth_model;
  QString export_path;         // export-overwrite: an existing file
};

// False (and a message on stderr) for an unknown scenario name.
bool startScenario(sds::ui::MainWindow& window, const QString& name, const ScenarioInputs& inputs,
                   const QString& screenshot);
