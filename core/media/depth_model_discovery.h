// The depth models a user has, for the studio's list and its default: Depth
// Anything V2 and 3 models in the folders users keep models in (the studio's
// models folder and any folder they add, each folder's own model and the models
// one level below it) and in the Hugging Face cache (hub/models--org--name/
// snapshots/<rev>/). Each is described cheaply (config.json, else the
// safetensors header: depth_anything_loader.h probeDepthAnything) with its
// licence (core/engine/depth/depth_model_info.h, the one licence table).
// No Qt here; the studio only presents the list.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace sds::media {

enum class DepthModelFamily { AnythingV2, Anything3 };
enum class DepthModelEncoder { Small, Base, Large, Giant, Custom };  // vits, vitb, vitl, vitg, other sizes

struct FoundDepthModel {
  std::string path;  // what loadDepthModel takes: a folder, or a .safetensors file
  std::string repo;  // "org/name" when found in the Hugging Face cache, else empty
  DepthModelFamily family = DepthModelFamily::AnythingV2;
  DepthModelEncoder encoder = DepthModelEncoder::Custom;
  int embed_dim = 0;
  bool metric = false;     // DA3Metric: metres, needs the photo's focal length
  bool loadable = true;    // false: a Depth Anything 3 any-view model (listed, but not run here)
  std::string licence;     // SPDX id ("Apache-2.0", "CC-BY-NC-4.0"); empty: unknown (custom sizes)
  bool permissive = false; // the licence allows commercial use
  int preference = 0;      // higher = better default (core/engine/depth/depth_model_info.h)
};

// The Hugging Face hub cache: $HF_HUB_CACHE, else $HF_HOME/hub, else
// $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub.
std::string huggingFaceHubFolder();

// The model at `path` (folder or .safetensors), or nullopt when it is no Depth
// Anything model; never throws.
std::optional<FoundDepthModel> describeDepthModelAt(const std::string& path);

// Every model found in `model_folders` and `hf_hub` (either may be missing),
// best first (preference, then path); a model reachable twice is listed once.
std::vector<FoundDepthModel> findDepthModels(const std::vector<std::string>& model_folders, const std::string& hf_hub);

// The index of the default among `found`: the first loadable one (the list is
// best first, permissive licences first); -1 when there is none.
int defaultDepthModel(const std::vector<FoundDepthModel>& found);

}  // namespace sds::media
