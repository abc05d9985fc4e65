#include "core/engine/depth/depth_model_info.h"

#include "models/depth/depth_anything_probe.h"

namespace sds::depth {
namespace {

enum class Kind { Relative, Metric, AnyView };

struct Release {
  DepthFamily family;
  DepthEncoder encoder;
  Kind kind;
  const char* variant;
  const char* licence;  // SPDX
};

// Licences as the model cards on huggingface.co state them (checked 2025-12):
//   depth-anything/Depth-Anything-V2-Small: apache-2.0; -Base, -Large (and the
//     announced Giant): cc-by-nc-4.0 (github.com/DepthAnything/Depth-Anything-V2, "LICENSE").
//   depth-anything/DA3MONO-LARGE, DA3METRIC-LARGE, DA3-SMALL, DA3-BASE: apache-2.0;
//     DA3-LARGE, DA3-GIANT: cc-by-nc-4.0 (github.com/ByteDance-Seed/Depth-Anything-3, model table).
constexpr Release kReleases[] = {
    {DepthFamily::AnythingV2, DepthEncoder::Small, Kind::Relative, "Small", "Apache-2.0"},
    {DepthFamily::AnythingV2, DepthEncoder::Base, Kind::Relative, "Base", "CC-BY-NC-4.0"},
    {DepthFamily::AnythingV2, DepthEncoder::Large, Kind::Relative, "Large", "CC-BY-NC-4.0"},
    {DepthFamily::AnythingV2, DepthEncoder::Giant, Kind::Relative, "Giant", "CC-BY-NC-4.0"},
    {DepthFamily::Anything3, DepthEncoder::Large, Kind::Relative, "Mono-Large", "Apache-2.0"},
    {DepthFamily::Anything3, DepthEncoder::Large, Kind::Metric, "Metric-Large", "Apache-2.0"},
    {DepthFamily::Anything3, DepthEncoder::Small, Kind::AnyView, "Small", "Apache-2.0"},
    {DepthFamily::Anything3, DepthEncoder::Base, Kind::AnyView, "Base", "Apache-2.0"},
    {DepthFamily::Anything3, DepthEncoder::Large, Kind::AnyView, "Large", "CC-BY-NC-4.0"},
    {DepthFamily::Anything3, DepthEncoder::Giant, Kind::AnyView, "Giant", "CC-BY-NC-4.0"},
};

int encoderRank(DepthEncoder e) {
  switch (e) {
    case DepthEncoder::Small: return 1;
    case DepthEncoder::Base: return 2;
    case DepthEncoder::Large: return 3;
    case DepthEncoder::Giant: return 4;
    default: return 0;
  }
}

}  // namespace

DepthEncoder encoderOf(int embed_dim, int depth) {
  if (embed_dim == 384 && depth == 12) return DepthEncoder::Small;
  if (embed_dim == 768 && depth == 12) return DepthEncoder::Base;
  if (embed_dim == 1024 && depth == 24) return DepthEncoder::Large;
  if (embed_dim == 1536 && depth == 40) return DepthEncoder::Giant;
  return DepthEncoder::Custom;
}

DepthModelInfo depthModelInfo(const DepthModelProbe& p) {
  DepthModelInfo info;
  info.family = p.family;
  info.encoder = encoderOf(p.embed_dim, p.depth);
  info.embed_dim = p.embed_dim;
  info.metric = p.metric;
  info.monocular = p.monocular;
  const bool da3 = p.family == DepthFamily::Anything3;
  info.output = !da3 ? DepthOutputKind::InverseDepth : p.metric ? DepthOutputKind::MetricDepth : DepthOutputKind::Depth;
  const Kind kind = !p.monocular ? Kind::AnyView : p.metric ? Kind::Metric : Kind::Relative;
  info.variant = "custom (D=" + std::to_string(p.embed_dim) + ", " + std::to_string(p.depth) + " blocks)";
  for (const Release& r : kReleases)
    if (r.family == p.family && r.encoder == info.encoder && r.kind == kind) {
      info.variant = r.variant;
      info.licence = r.licence;
    }
  info.permissive = info.licence == "Apache-2.0";
  if (info.monocular)
    info.preference = 1 + (p.metric ? 0 : 1) + 10 * encoderRank(info.encoder) + (da3 ? 100 : 0) + (info.permissive ? 1000 : 0);
  return info;
}

DepthModelInfo depthModelInfo(const DepthAnythingConfig& c) {
  DepthModelProbe probe;
  probe.family = c.family;
  probe.embed_dim = c.embed_dim;
  probe.depth = c.depth;
  probe.metric = c.metric;
  probe.model_name = c.model_name;
  return depthModelInfo(probe);
}

DepthModelInfo readDepthModelInfo(const std::string& path) { return depthModelInfo(probeDepthAnything(path)); }

}  // namespace sds::depth
