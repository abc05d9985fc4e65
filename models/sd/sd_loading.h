// Internal to models/sd: the steps shared by the diffusers-folder and the
// single-file loaders.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "models/io/weights.h"
#include "models/sd/stable_diffusion.h"

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

StableDiffusion loadDiffusersFolder(const std::filesystem::path& folder, const SdLoadOptions& options);
StableDiffusion loadSingleFile(const std::filesystem::path& file, const SdLoadOptions& options);

}  // namespace sds::sd::detail
