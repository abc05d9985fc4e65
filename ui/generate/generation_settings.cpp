#include "ui/generate/generation_settings.h"

#include <QSettings>
#include <algorithm>

#include "core/base/error.h"

namespace sds::ui {
namespace {

QString key(const char* name) { return QStringLiteral("generate/") + QLatin1String(name); }

// Enums are stored by name, so a reordered enum never reads back wrong.
QString modeName(media::GenerationMode m) {
  return m == media::GenerationMode::Photo ? QStringLiteral("photo") : QStringLiteral("prompt");
}
QString directionName(stereo::AttentionDirection d) {
  return d == stereo::AttentionDirection::Bi ? QStringLiteral("two-way") : QStringLiteral("one-way");
}
QString inversionName(inversion::InversionMode i) {
  return i == inversion::InversionMode::Fast ? QStringLiteral("fast") : QStringLiteral("nulltext");
}

}  // namespace

GenerationOptions loadGenerationOptions(const QSettings& s) {
  GenerationOptions o;
  o.sd_model = s.value(key("sdModel")).toString();
  o.depth_model = s.value(key("depthModel")).toString();
  o.depth_fov_degrees = std::clamp(s.value(key("depthFov"), o.depth_fov_degrees).toDouble(), 1.0, 179.0);
  o.device = s.value(key("device"), QString::fromStdString(media::Generator::defaultDevice())).toString();
  try {  // a hand-edited or older settings file keeps the default
    o.precision = parsePrecision(s.value(key("precision"), QString::fromLatin1(precisionName(o.precision)))
                                     .toString()
                                     .toStdString());
  } catch (const Error&) {
  }
  o.mode = s.value(key("mode")).toString() == QLatin1String("photo") ? media::GenerationMode::Photo
                                                                       : media::GenerationMode::Prompt;
  o.prompt = s.value(key("prompt")).toString().toStdString();
  o.negative_prompt = s.value(key("negativePrompt")).toString().toStdString();
  o.steps = s.value(key("steps"), o.steps).toInt();
  o.guidance_scale = s.value(key("guidance"), o.guidance_scale).toDouble();
  o.seed = s.value(key("seed"), qulonglong(o.seed)).toULongLong();
  o.width = s.value(key("width"), o.width).toInt();
  o.height = s.value(key("height"), o.height).toInt();
  // Settings from before this key: a size still at the default was never typed.
  const bool untouched = o.width == pipelines::controls::kImageSide.value && o.height == o.width;
  o.size_from_model = s.value(key("sizeFromModel"), untouched).toBool();
  o.stereo.scale_factor = s.value(key("scalePercent"), o.stereo.scale_factor).toDouble();
  o.stereo.shift_step = s.value(key("shiftStep"), o.stereo.shift_step).toInt();
  o.stereo.mask_interval = s.value(key("maskInterval"), o.stereo.mask_interval).toInt();
  o.stereo.direction = s.value(key("direction")).toString() == QLatin1String("two-way") ? stereo::AttentionDirection::Bi
                                                                                  : stereo::AttentionDirection::Uni;
  o.stereo.deblur = s.value(key("deblur"), o.stereo.deblur).toBool();
  o.compose_right = s.value(key("composeRight"), o.compose_right).toBool();
  o.inversion = s.value(key("inversion")).toString() == QLatin1String("fast") ? inversion::InversionMode::Fast
                                                                               : inversion::InversionMode::NullText;
  o.working_size = s.value(key("workingSize"), o.working_size).toInt();
  o.use_open_depth = s.value(key("useOpenDepth"), o.use_open_depth).toBool();
  return o;
}

void saveGenerationOptions(QSettings& s, const GenerationOptions& o) {
  s.setValue(key("sdModel"), o.sd_model);
  // Only the user's choice is remembered: the default follows the models found.
  s.setValue(key("depthModel"), o.depth_model_is_default ? QString() : o.depth_model);
  s.setValue(key("depthFov"), o.depth_fov_degrees);
  s.setValue(key("device"), o.device);
  s.setValue(key("precision"), QString::fromLatin1(precisionName(o.precision)));
  s.setValue(key("mode"), modeName(o.mode));
  s.setValue(key("prompt"), QString::fromStdString(o.prompt));
  s.setValue(key("negativePrompt"), QString::fromStdString(o.negative_prompt));
  s.setValue(key("steps"), o.steps);
  s.setValue(key("guidance"), o.guidance_scale);
  s.setValue(key("seed"), qulonglong(o.seed));
  s.setValue(key("width"), o.width);
  s.setValue(key("height"), o.height);
  s.setValue(key("sizeFromModel"), o.size_from_model);
  s.setValue(key("scalePercent"), o.stereo.scale_factor);
  s.setValue(key("shiftStep"), o.stereo.shift_step);
  s.setValue(key("maskInterval"), o.stereo.mask_interval);
  s.setValue(key("direction"), directionName(o.stereo.direction));
  s.setValue(key("deblur"), o.stereo.deblur);
  s.setValue(key("composeRight"), o.compose_right);
  s.setValue(key("inversion"), inversionName(o.inversion));
  s.setValue(key("workingSize"), o.working_size);
  s.setValue(key("useOpenDepth"), o.use_open_depth);
}

}  // namespace sds::ui
