// Internal to models/sd: the steps shared by the diffusers-folder and the
// single-file loaders.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "models/clip/text_encoder_layouts.h"
#include "models/io/weights.h"
#include "models/sd/sd_probe.h"
#include "models/sd/stable_diffusion.h"
#include "models/unet/unet_config.h"

namespace sds::sd::detail {

// The whole file as text; throws sds::Error naming it.
std::string readText(const std::filesystem::path& path);
// `path` when it is a regular file, else nullopt.
std::optional<std::filesystem::path> existingFile(const std::filesystem::path& path);

// Copies `weights` into the module (missing / unexpected / mis-shaped tensors
// are reported by name), moves it once to device/dtype, freezes the
// parameters (inference only; gradients still flow to inputs) and sets eval.
void loadWeights(torch::nn::Module& module, const io::WeightSource& weights, torch::Device device,
                 torch::Dtype dtype, const std::function<bool(const std::string&)>& ignore_unused = {});

std::shared_ptr<clip::TextEncoder> buildTextEncoder(const clip::TextEncoderConfig& config,
                                                    const io::WeightSource& weights, const SdLoadOptions& options);
std::shared_ptr<unet::UNet2DConditionModel> buildUNet(const unet::UNetConfig& config, const io::WeightSource& weights,
                                                      const SdLoadOptions& options);
std::shared_ptr<vae::AutoencoderKL> buildVae(const vae::VaeConfig& config, const io::WeightSource& weights,
                                             const SdLoadOptions& options);

// The scheduler of `folder`/scheduler/scheduler_config.json when present,
// else nullopt.
std::optional<SchedulerConfig> readSchedulerConfig(const std::filesystem::path& folder);

// SD 2.x text encoders are OpenCLIP (exact GELU); SD 1.x ones OpenAI CLIP
// (QuickGELU).
SdVersion versionOfTextEncoder(const clip::TextEncoderConfig& config);

// Throws sds::Error when a model for `actual` is used where `expected` is
// needed; `source` names the model, `purpose` what it was going to do.
void requireTask(SdTask actual, SdTask expected, const std::string& source, const std::string& purpose);
// The load-time check of SdLoadOptions::expected_task.
void checkExpectedTask(SdTask actual, const SdLoadOptions& options, const std::string& source);

// Single files: the UNet's tensors are under this prefix.
constexpr const char* kLdmUNetPrefix = "model.diffusion_model.";

// A diffusers model's `name`/ folder, or sds::Error naming what is missing.
std::filesystem::path componentFolder(const std::filesystem::path& folder, const char* name);
// The text of `name`/config.json, or sds::Error naming what is missing.
std::string componentConfig(const std::filesystem::path& folder, const char* name);
// `name`/config.json parsed when present.
std::optional<clip::TextEncoderConfig> textConfigIfPresent(const std::filesystem::path& folder,
                                                           const char* name = "text_encoder");

// The layout `path` has (a folder is a diffusers model, a file must be
// .safetensors); throws sds::Error for a missing path, a pickle file or
// anything else. Checks names only.
SdLayout layoutOfPath(const std::string& path);

// sd_probe.cpp: the facts both the probe and the loaders use, with what the
// loaders go on to need (the parsed configs, the open header).
struct DiffusersProbe {
  SdModelInfo info;
  std::optional<clip::TextEncoderConfig> text_config;  // when text_encoder/config.json exists
  std::optional<unet::UNetConfig> unet_config;         // when unet/config.json exists (it sets the task)
};
DiffusersProbe probeDiffusersFolder(const std::filesystem::path& folder, std::optional<SdVersion> version);

struct SingleFileProbe {
  SdModelInfo info;
  std::shared_ptr<const io::SafetensorsFile> file;  // header read, no tensor data
  io::WeightSource all;                             // every tensor of the file, lazily
  std::optional<clip::TextLayout> text_layout;      // SD 1.x / 2.x text encoder, if any
};
SingleFileProbe probeSingleFile(const std::filesystem::path& file, std::optional<SdVersion> version);

// Where both loaders start: throws unsupportedReason() when it is not empty,
// else a model with no networks yet that knows its layout, source, device,
// dtype, version and task (and SDXL's empty-prompt rule).
StableDiffusion startLoading(SdLayout layout, const std::string& source, const SdModelInfo& info,
                             const SdLoadOptions& options);

StableDiffusion loadDiffusersFolder(const std::filesystem::path& folder, const SdLoadOptions& options);
StableDiffusion loadSingleFile(const std::filesystem::path& file, const SdLoadOptions& options);

}  // namespace sds::sd::detail
