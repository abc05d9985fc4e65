// The Stable Diffusion model of an SD fixture set, loaded through
// models/sd/stable_diffusion.h once per run and shared by the cases via
// SdSetContext::cache. Layouts: the diffusers folder `model/`, and the
// single file `model.safetensors` read with config_dir = `model/` (diffusers'
// from_single_file(config=...)). CPU float32 unless SDSTEREO_DEVICE names
// another device (the references are CPU float32).
#pragma once
#include <memory>

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

}  // namespace sds::verify
