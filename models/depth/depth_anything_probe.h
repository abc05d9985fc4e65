// What a depth model is, for a list of the models a user has: the loader's own
// detection (depth_anything_loader.cpp), but cheap. A Depth Anything 3 release
// names its preset in config.json, which is enough; a folder whose config.json
// describes another kind of model is refused without opening the weights; only
// otherwise is the safetensors header read (never the tensors).
#pragma once
#include <string>

#include "models/depth/depth_anything_config.h"

namespace sds::depth {

struct DepthModelProbe {
  DepthFamily family = DepthFamily::AnythingV2;
  int embed_dim = 0;  // encoder width and blocks: 384/12 vits, 768/12 vitb, 1024/24 vitl, 1536/40 vitg
  int depth = 0;
  bool metric = false;
  bool monocular = true;  // false: a DA3 any-view preset, which loadDepthAnything refuses
  std::string model_name;  // DA3 config.json preset name; empty for V2
  std::string weights_path;
  bool read_header = false;  // the safetensors header was needed
};

// `path` as loadDepthAnything takes it. Throws sds::Error naming what is not a
// Depth Anything model (or not one the loader takes).
DepthModelProbe probeDepthAnything(const std::string& path);

}  // namespace sds::depth
