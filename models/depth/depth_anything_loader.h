// Loads Depth Anything V2 from safetensors, in the transformers layout
// (config.json + model.safetensors) or the official one (the keys of
// depth_anything_v2_vit*.pth saved as safetensors), and Depth Anything 3's
// monocular models in their release layout (`model.backbone.pretrained.*`,
// `model.head.*`, with an optional `{"model_name": "da3mono-large"}` config.json);
// the kind is detected from the keys. PyTorch pickles are refused:
// the app never unpickles; the message says how to convert one.
#pragma once
#include <memory>
#include <string>

#include <torch/types.h>

#include "models/depth/depth_anything.h"

namespace sds::depth {

enum class DepthWeightLayout { Transformers, Official, DepthAnything3 };
const char* layoutName(DepthWeightLayout layout);  // "transformers" | "official" | "Depth Anything 3"

struct DepthLoadOptions {
  torch::Device device = torch::kCPU;
  torch::Dtype dtype = torch::kFloat32;
};

struct LoadedDepthModel {
  std::shared_ptr<DepthAnythingV2> model;
  DepthWeightLayout layout = DepthWeightLayout::Transformers;
  std::string weights_path;
  std::string config_path;  // empty: configuration read from the weight shapes
};

// `path`: a folder (model.safetensors, or its only .safetensors file, with an
// optional config.json) or a .safetensors file (a config.json beside it is used
// when its model_type is depth_anything). Throws sds::Error naming the file and,
// for weights that do not fit, every missing / mis-shaped / unexpected tensor.
LoadedDepthModel loadDepthAnything(const std::string& path, const DepthLoadOptions& options = {});

// The configuration that loadDepthAnything would build, without loading weights.
DepthAnythingConfig readDepthAnythingConfig(const std::string& path);

}  // namespace sds::depth
