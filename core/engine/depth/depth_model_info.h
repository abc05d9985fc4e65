// What a depth model file is and under which licence its released weights
// come, for the studio's model list and its default choice (the best model the
// user may use commercially). Read from config.json or the safetensors header
// alone (probeDepthAnything): no weights are loaded. The licence table is
// depth_model_info.cpp's kReleases, the one place licences are stated.
#pragma once
#include <string>

#include "core/engine/depth/depth_estimator.h"
#include "models/depth/depth_anything_config.h"

namespace sds::depth {

struct DepthModelProbe;

// The DINOv2 encoder sizes of the releases (vits, vitb, vitl, vitg); Custom for
// any other width / depth (e.g. the tiny test models).
enum class DepthEncoder { Small, Base, Large, Giant, Custom };
DepthEncoder encoderOf(int embed_dim, int depth);

struct DepthModelInfo {
  DepthFamily family = DepthFamily::AnythingV2;
  DepthEncoder encoder = DepthEncoder::Custom;
  int embed_dim = 0;
  bool metric = false;
  bool monocular = true;  // false: a DA3 any-view model, which cannot be loaded here
  std::string variant;  // "Small", ..., "Mono-Large", "Metric-Large", or "custom (D=48, 5 blocks)"
  std::string licence;  // SPDX id ("Apache-2.0", "CC-BY-NC-4.0"); empty when the sizes match no release
  bool permissive = false;  // the licence allows commercial use
  // Higher = the better default: loadable first, then a permissive licence, then
  // the newer family, then the larger encoder, then relative over metric
  // depth (relative depth suits the stereo shift best). 0: cannot be loaded.
  int preference = 0;
  DepthOutputKind output = DepthOutputKind::InverseDepth;

  std::string familyName() const { return family == DepthFamily::Anything3 ? "Depth Anything 3" : "Depth Anything V2"; }
  std::string name() const { return familyName() + " " + variant; }
};

DepthModelInfo depthModelInfo(const DepthModelProbe& probe);
DepthModelInfo depthModelInfo(const DepthAnythingConfig& config);

// The same for a model folder or .safetensors file. Throws sds::Error.
DepthModelInfo readDepthModelInfo(const std::string& path);

}  // namespace sds::depth
