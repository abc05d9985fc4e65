#include "core/engine/depth/depth_model_info.h"

#include "models/depth/depth_anything_config.h"
#include "models/depth/depth_anything_loader.h"

namespace sds::depth {
namespace {

// The released ViT sizes by width and depth.
std::string vitSize(const DepthAnythingConfig& c) {
  if (c.embed_dim == 384 && c.depth == 12) return "Small";
  if (c.embed_dim == 768 && c.depth == 12) return "Base";
  if (c.embed_dim == 1024 && c.depth == 24) return "Large";
  if (c.embed_dim == 1536 && c.depth == 40) return "Giant";
  return "";
}

}  // namespace

DepthModelInfo depthModelInfo(const DepthAnythingConfig& c) {
  DepthModelInfo info;
  const std::string size = vitSize(c);
  const std::string custom = "custom (D=" + std::to_string(c.embed_dim) + ", " + std::to_string(c.depth) + " blocks)";
  if (c.family == DepthFamily::Anything3) {
    info.family = "Depth Anything 3";
    info.output = c.metric ? DepthOutputKind::MetricDepth : DepthOutputKind::Depth;
    // Only the Large monocular models exist; both are Apache-2.0.
    if (size == "Large") {
      info.variant = c.metric ? "Metric-Large" : "Mono-Large";
      info.licence = "Apache-2.0";
      info.preference = c.metric ? 45 : 50;  // relative depth suits the stereo shift best
    } else {
      info.variant = custom;
    }
  } else {
    info.family = "Depth Anything V2";
    info.variant = size.empty() ? custom : size;
    if (size == "Small") info.licence = "Apache-2.0";
    if (size == "Base" || size == "Large" || size == "Giant") info.licence = "CC-BY-NC-4.0";
    info.preference = size == "Small" ? 20 : size == "Base" ? 30 : size == "Large" ? 40 : size == "Giant" ? 42 : 0;
  }
  info.permissive = info.licence == "Apache-2.0";
  return info;
}

DepthModelInfo readDepthModelInfo(const std::string& path) { return depthModelInfo(readDepthAnythingConfig(path)); }

}  // namespace sds::depth
