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
  if (s == "inpaint") return FillMode::Inpaint;
  throw Error("Unknown fill mode '" + s + "' (use background, telea or inpaint).");
}

std::string toString(DepthKind k) {
  switch (k) {
    case DepthKind::InverseDepth: return "inverse-depth";
    case DepthKind::Depth: return "depth";
    case DepthKind::DisparityPx: return "disparity-px";
  }
  return "?";
}

std::string toString(FillMode f) {
  switch (f) {
    case FillMode::Background: return "background";
    case FillMode::Telea: return "telea";
    case FillMode::Inpaint: return "inpaint";
  }
  return "?";
}

bool operator==(const RenderParams& a, const RenderParams& b) {
  return a.depth_kind == b.depth_kind && a.scale_percent == b.scale_percent && a.exponent == b.exponent &&
         a.convergence_mode == b.convergence_mode && a.convergence == b.convergence &&
         a.converge_percentile == b.converge_percentile && a.max_disparity_percent == b.max_disparity_percent &&
         a.edge_band_px == b.edge_band_px && a.edge_smoothing_px == b.edge_smoothing_px &&
         a.view_mode == b.view_mode && a.fill == b.fill && a.texture_fill == b.texture_fill && a.device == b.device &&
         a.inpaint_model == b.inpaint_model && a.inpaint_precision == b.inpaint_precision;
}

}  // namespace sds::media
