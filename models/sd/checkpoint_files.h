// Where the weights of a diffusers component folder (`unet/`, `vae/`,
// `text_encoder/`) are: `<stem>.safetensors`, a sharded
// `<stem>.safetensors.index.json`, or a variant such as
// `<stem>.fp16.safetensors` / `<stem>.safetensors.index.fp16.json`.
// Pickle checkpoints (.ckpt, .bin, .pt, .pth) are never opened: they can run
// code when unpickled. They are refused with a conversion hint.
#pragma once
#include <filesystem>
#include <string>

#include "models/io/weights.h"

namespace sds::sd {

// True for the extensions of pickle-based checkpoints.
bool isPickleCheckpoint(const std::filesystem::path& path);

// Throws sds::Error explaining that `path` is a pickle checkpoint and how to
// convert it to safetensors.
[[noreturn]] void refusePickleCheckpoint(const std::filesystem::path& path);

// Opens the weights of `folder` whose file names start with `stem`
// ("diffusion_pytorch_model" or "model"). With a `variant` ("fp16") the variant
// files are preferred; without one, plain files are preferred and a single
// variant is accepted when no plain file exists. Throws sds::Error naming the
// folder when nothing usable is there.
io::WeightSource openComponentWeights(const std::filesystem::path& folder, const std::string& stem,
                                      const std::string& variant = "");

// Opens a sharded checkpoint from its `*.safetensors.index.json`
// ({"weight_map": {tensor: shard file}}); every listed tensor must be in the
// shard the index names.
io::WeightSource openShardedWeights(const std::filesystem::path& index_file);

}  // namespace sds::sd
