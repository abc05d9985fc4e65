#include "ui/common/stage_names.h"

namespace sds::ui {
namespace {

// QT_TRANSLATE_NOOP marks the labels for lupdate; label() translates them at
// run time, when the translator is installed.
struct Stage {
  const char* key;    // as core reports it
  const char* label;  // English label, the translation's source text
};

constexpr Stage kStages[] = {
    {"loading model", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Loading Stable Diffusion")},
    {"loading depth model", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Loading the depth model")},
    {"loading inpainting model", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Loading the inpainting model")},
    {"depth", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Estimating depth")},
    {"inversion", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Inverting the photo")},
    {"null-text", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Null-text optimisation")},
    {"denoising", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Denoising")},
    {"left view", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Left view")},
    {"right view", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Right view")},
    {"inpainting", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Inpainting")},
    {"decoding", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Decoding")},
    {"composing", QT_TRANSLATE_NOOP("sds::ui::StageNames", "Composing the pair")},
};

}  // namespace

QString StageNames::label(const std::string& key) {
  for (const Stage& s : kStages)
    if (key == s.key) return tr(s.label);
  return QString::fromStdString(key);
}

QStringList StageNames::keys() {
  QStringList out;
  for (const Stage& s : kStages) out << QString::fromLatin1(s.key);
  return out;
}

}  // namespace sds::ui
