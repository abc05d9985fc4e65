// The official Depth-Anything-V2 checkpoint keys (`pretrained.*`, `depth_head.*`,
// what depth_anything_v2_vit*.pth holds) and their transformers names, as in
// transformers' convert_depth_anything_to_hf.py: the fused qkv rows split into
// query / key / value, refinenet<k> = fusion_stage.layers.<4-k>, layer<j>_rn =
// convs.<j-1>, output_conv2.{0,2} = head.conv{2,3}, and so on. Depth Anything 3's
// sky branch sky_output_conv2.{0,2} = head.sky_conv{2,3}.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "models/io/weights.h"

namespace torch::nn {
class Module;
}

namespace sds::depth {

// The official key that holds the transformers tensor `name`; `part` is 0/1/2
// for the query/key/value third of a fused qkv tensor, -1 otherwise.
struct OfficialKey {
  std::string key;
  int part = -1;
};
std::optional<OfficialKey> officialKeyFor(const std::string& transformers_key);

// The transformers name of an official key (qkv is not a single name: nullopt).
std::optional<std::string> transformersKeyFor(const std::string& official_key);

// An official-layout source seen in the transformers layout (lazy: q/k/v are
// row slices of qkv taken when loaded). Unknown keys keep their name, so they are
// reported as unexpected.
io::WeightSource officialToTransformers(const io::WeightSource& official);

// Checks an official-layout source against `model` (a DepthAnythingV2) and
// throws sds::Error naming, in official keys, every missing, mis-shaped and
// unexpected tensor. `pretrained.mask_token` (unused) may be present or not.
// `shown_as` names the keys in messages (e.g. back in the file's own layout).
void checkOfficialWeights(const torch::nn::Module& model, const io::WeightSource& official,
                          const std::function<std::string(const std::string&)>& shown_as = {});

}  // namespace sds::depth
