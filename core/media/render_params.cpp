#include "core/media/render_params.h"

#include "core/base/error.h"

namespace sds::media {

DepthKind parseDepthKind(const std::string& s) {
  if (s == "inverse-depth") return DepthKind::InverseDepth;
  if (s == "depth") return DepthKind::Depth;
  if (s == "disparity-px") return DepthKind::DisparityPx;
  throw Error("Unknown depth kind '" + s + "' (use inverse-depth, depth or disparity-px).");
}

FillMode parseFillMode(const std::string& s) {
  if (s == "background") return FillMode::Background;
  if (s == "telea") return FillMode::Telea;
  throw Error("Unknown fill mode '" + s + "' (use background or telea).");
}

std::string toString(DepthKind k) {
  switch (k) {
    case DepthKind::InverseDepth: return "inverse-depth";
    case DepthKind::Depth: return "depth";
    case DepthKind::DisparityPx: return "disparity-px";
  }
  return "?";
}

std::string toString(FillMode f) { return f == FillMode::Telea ? "telea" : "background"; }

}  // namespace sds::media
