// Configuration of Depth Anything V2 (relative depth): a DINOv2 ViT encoder and
// a DPT head. Mirrors the config.json of transformers'
// DepthAnythingForDepthEstimation (transformers/models/depth_anything/
// configuration_depth_anything.py with a Dinov2Config backbone) and the official
// hyper-parameters of Depth-Anything-V2 (depth_anything_v2/dpt.py, `model_configs`
// in run.py). Where no config.json exists, everything is read from the weight
// shapes (detectDepthAnythingConfig).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace sds::io {
class WeightSource;
}

namespace sds::depth {

// What the head outputs: V2 relative inverse depth (ReLU), DA3 positive depth
// (exp of the logits, near = small).
enum class DepthFamily { AnythingV2, Anything3 };

struct DepthAnythingConfig {
  // DINOv2 encoder
  int embed_dim = 384;
  int depth = 12;             // transformer blocks
  int num_heads = 6;
  int mlp_hidden = 1536;      // fc1 width (mlp_ratio * embed_dim)
  int patch_size = 14;
  int pos_grid = 37;          // native position-embedding grid (image_size / patch_size)
  double layer_norm_eps = 1e-6;
  bool layer_scale = true;    // ls1/ls2 (layer_scale1/2.lambda1) present
  bool qkv_bias = true;
  std::vector<int> layer_indices{2, 5, 8, 11};  // 0-based blocks whose outputs feed the head
  // DPT head
  int features = 64;                                  // fusion_hidden_size
  std::vector<int> out_channels{48, 96, 192, 384};    // neck_hidden_sizes
  std::vector<double> reassemble_factors{4, 2, 1, 0.5};
  int head_features_2 = 32;                           // head_hidden_size
  // Depth Anything 3 (monocular: DA3Mono / DA3Metric) is the same network but for
  // these switches; the defaults are V2's (depth_anything_3/model/dpt.py DPT).
  DepthFamily family = DepthFamily::AnythingV2;
  double final_norm_eps = 1e-6;   // pretrained.norm; DA3 keeps PyTorch's default 1e-5
  bool fusion4_residual1 = true;  // V2 carries refinenet4.resConfUnit1 (unused); DA3 has none
  bool sky_head = false;          // DA3: sky_output_conv2 beside output_conv2, on the same output_conv1
  bool metric = false;            // DA3Metric: metres = focal_px * output / 300
  std::string model_name;         // DA3 config.json `model_name` (e.g. "da3mono-large"), empty for V2
  std::string origin;  // where the values came from, for messages

  int headDim() const { return embed_dim / num_heads; }
  // Throws sds::Error naming `origin` when the values cannot describe a network.
  void validate() const;
};

// The official intermediate-layer table per encoder depth ([2,5,8,11] for 12
// blocks (vits/vitb), [4,11,17,23] for 24 (vitl), [9,19,29,39] for 40 (vitg));
// empty for other depths.
std::vector<int> officialLayerIndices(int depth);

// Sizes from the tensors of a checkpoint in the transformers layout (see
// depth_anything_keys.h for the official one). Heads = embed_dim / 64 as in every
// released model (0 when the width is not a multiple of 64); layer indices from
// officialLayerIndices(). A missing tensor raises sds::Error naming it.
DepthAnythingConfig detectDepthAnythingConfig(const io::WeightSource& weights);

// Overrides `base` with what a transformers config.json (model_type
// "depth_anything") states, and with its `depth_anything_v2_original` block when
// present. Unsupported variants (metric depth, SwiGLU FFN, register tokens, CLS
// readout) raise sds::Error naming `origin`.
DepthAnythingConfig applyDepthAnythingConfigJson(DepthAnythingConfig base, const nlohmann::json& config,
                                                 const std::string& origin);

// Throws sds::Error (asking for a config.json) when the heads or the
// intermediate layers could not be determined.
void requireKnownLayout(const DepthAnythingConfig& config);

}  // namespace sds::depth
