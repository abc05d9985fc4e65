#include "ui/generate/generation_options.h"

#include <QCoreApplication>

namespace sds::ui {

media::GeneratorModels modelsFor(const GenerationOptions& o) {
  media::GeneratorModels m;
  m.sd_path = o.sd_model.toStdString();
  m.depth_path = o.depth_model.toStdString();
  m.device = o.device.toStdString();
  m.precision = o.precision;
  return m;
}

bool sameLeftView(const media::GenerationRequest& a, const media::GenerationRequest& b) {
  return a.mode == media::GenerationMode::Prompt && b.mode == a.mode &&
         static_cast<const pipelines::PromptControls&>(a) == b && a.depth.empty() && b.depth.empty();
}

QString buildRequest(const GenerationOptions& o, const SharedDocument& doc, media::DepthKind depth_kind,
                     media::GenerationRequest& r) {
  r = media::GenerationRequest{};
  r.mode = o.mode;
  static_cast<pipelines::PromptControls&>(r) = o;
  static_cast<pipelines::StereoControls&>(r.stereo) = o.stereo;
  r.compose_right = o.compose_right && o.mode == media::GenerationMode::Prompt;  // a photo is always composed
  r.inversion.mode = o.inversion;
  r.working_size = o.working_size;
  if (o.mode == media::GenerationMode::Photo) {
    if (!doc || !doc->hasImage())
      return QCoreApplication::translate("sds::ui::Generation", "Open a photo first: photo to stereo works on it.");
    r.photo = doc->image;
  }
  if (o.use_open_depth) {
    if (!doc || !doc->hasDepth())
      return QCoreApplication::translate("sds::ui::Generation",
                                         "The source has no depth map; open or estimate one, or turn off \"Use the source's depth map\".");
    // The source's active depth map: the user's file unless they chose the estimate.
    r.depth = doc->depth().values;
    r.depth_kind = doc->depthKind(depth_kind);
  }
  return {};
}

}  // namespace sds::ui
