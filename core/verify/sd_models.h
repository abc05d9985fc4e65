// The Stable Diffusion model of an SD fixture set, loaded through
// models/sd/stable_diffusion.h once per run and shared by the cases via
// SdSetContext::cache. Layouts: the diffusers folder `model/`, and the
// single file `model.safetensors` read with config_dir = `model/` (diffusers'
// from_single_file(config=...)). CPU float32 unless SDSTEREO_DEVICE names
// another device or --dtype another precision (run_precision.h).
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/verify/runner.h"
#include "models/sd/stable_diffusion.h"

namespace sds::verify {

// False when the set lacks that layout (the test copies have no single file).
bool hasSdLayout(const SdSetContext& set, sd::SdLayout layout);

// A model holding at least `components` (sd::SdComponent bits); a model
// already cached with more components is reused.
std::shared_ptr<const sd::StableDiffusion> sdModel(const SdSetContext& set, sd::SdLayout layout,
                                                   unsigned components = sd::kAllComponents);

// The run name of a case in a layout: "<case>@diffusers" / "<case>@single-file".
std::string sdRunName(const nlohmann::json& kase, sd::SdLayout layout);

// Runs `body(layout, run name)` for the case in each weight layout: a skip
// line for a layout the set lacks, an exception becomes the run's failure.
using SdLayoutRun = std::function<void(sd::SdLayout layout, const std::string& run)>;
void forEachSdLayout(const SdSetContext& set, const nlohmann::json& kase, Reporter& report, const SdLayoutRun& body);

// The tensors of `actual` that differ from the case file's (the case's
// tolerances), each as "name: detail; "; empty when all match.
std::string sdMismatches(const nlohmann::json& kase, const io::SafetensorsFile& file,
                         const std::map<std::string, torch::Tensor>& actual);

// The first sampling step whose guided output ("step_noise_pred") or latent
// ("step_latents") differs from the file's, as "first divergence at step i in
// <tensor>: detail"; empty when none does or the file has no step tensors.
std::string firstDivergingStep(const nlohmann::json& kase, const io::SafetensorsFile& file,
                               const std::vector<torch::Tensor>& guided, const std::vector<torch::Tensor>& latents);

}  // namespace sds::verify
