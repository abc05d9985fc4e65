// What a depth model file is and under which licence its released weights
// come, for the studio's model list and its default choice (the best model the
// user may use commercially). Read from the configuration alone: no weights
// are loaded. Licences as published on the model cards: Depth Anything V2 Small
// Apache-2.0, Base / Large / Giant CC-BY-NC-4.0; Depth Anything 3 DA3Mono-Large
// and DA3Metric-Large Apache-2.0.
#pragma once
#include <string>

#include "core/engine/depth/depth_estimator.h"

namespace sds::depth {

struct DepthAnythingConfig;

struct DepthModelInfo {
  std::string family;   // "Depth Anything V2" | "Depth Anything 3"
  std::string variant;  // "Small", "Base", "Large", "Giant", "Mono-Large", "Metric-Large", or "custom (D=48)"
  std::string licence;  // SPDX id ("Apache-2.0", "CC-BY-NC-4.0"); empty when the sizes match no release
  bool permissive = false;  // the licence allows commercial use
  int preference = 0;       // higher = the better default among the models found (0: unknown sizes)
  DepthOutputKind output = DepthOutputKind::InverseDepth;

  std::string name() const { return family + " " + variant; }
};

DepthModelInfo depthModelInfo(const DepthAnythingConfig& config);

// The same for a model folder or .safetensors file. Throws sds::Error.
DepthModelInfo readDepthModelInfo(const std::string& path);

}  // namespace sds::depth
