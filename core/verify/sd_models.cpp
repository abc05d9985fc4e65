#include "core/verify/sd_models.h"

#include "core/verify/compare.h"
#include "models/io/safetensors.h"

#include "core/verify/run_precision.h"

namespace sds::verify {
namespace {

std::string cacheKey(sd::SdLayout layout, unsigned components) {
  return std::string("sd-model@") + sd::layoutName(layout) + "#" + std::to_string(components);
}

}  // namespace

bool hasSdLayout(const SdSetContext& set, sd::SdLayout layout) {
  return layout == sd::SdLayout::Diffusers ? std::filesystem::is_directory(set.diffusersFolder())
                                           : std::filesystem::is_regular_file(set.singleFile());
}

std::shared_ptr<const sd::StableDiffusion> sdModel(const SdSetContext& set, sd::SdLayout layout, unsigned components) {
  for (unsigned have : {unsigned(sd::kAllComponents), components}) {
    if ((have & components) != components) continue;
    const auto it = set.cache.find(cacheKey(layout, have));
    if (it != set.cache.end()) return std::static_pointer_cast<const sd::StableDiffusion>(it->second);
  }
  sd::SdLoadOptions options;
  options.device = runDevice();
  options.dtype = runDtype();  // the text encoder stays float32 (SdLoadOptions::text_encoder_dtype)
  options.components = components;
  std::string path = set.diffusersFolder().string();
  if (layout == sd::SdLayout::SingleFile) {
    path = set.singleFile().string();
    options.config_dir = set.diffusersFolder().string();
  }
  auto model = std::make_shared<const sd::StableDiffusion>(sd::loadStableDiffusion(path, options));
  set.cache[cacheKey(layout, components)] = std::const_pointer_cast<sd::StableDiffusion>(model);
  return model;
}

std::string sdRunName(const nlohmann::json& kase, sd::SdLayout layout) {
  return kase.value("name", std::string("?")) + "@" + sd::layoutName(layout);
}

void forEachSdLayout(const SdSetContext& set, const nlohmann::json& kase, Reporter& report, const SdLayoutRun& body) {
  for (const auto layout : {sd::SdLayout::Diffusers, sd::SdLayout::SingleFile}) {
    const std::string run = sdRunName(kase, layout);
    if (!hasSdLayout(set, layout)) {
      report.skip(run, std::string("this set has no ") + sd::layoutName(layout) + " weights");
      continue;
    }
    try {
      body(layout, run);
    } catch (const std::exception& e) {
      report.fail(run, std::string("error: ") + e.what());
    }
  }
}

std::string sdMismatches(const nlohmann::json& kase, const io::SafetensorsFile& file,
                         const std::map<std::string, torch::Tensor>& actual) {
  std::string why;
  for (const auto& [name, t] : actual) {
    const auto c = compareTensors(t, file.tensor(name), sdTolerance(kase, name));
    if (!c.ok) why += name + ": " + c.detail + "; ";
  }
  return why;
}

std::string firstDivergingStep(const nlohmann::json& kase, const io::SafetensorsFile& file,
                               const std::vector<torch::Tensor>& guided, const std::vector<torch::Tensor>& latents) {
  for (size_t i = 0; i < latents.size(); ++i) {
    for (const auto& [name, mine] : {std::pair{"step_noise_pred", guided[i]}, {"step_latents", latents[i]}}) {
      if (!file.contains(name) || int64_t(i) >= file.tensor(name).size(0)) continue;
      const auto c = compareTensors(mine, file.tensor(name)[int64_t(i)], sdTolerance(kase, name));
      if (!c.ok) return "first divergence at step " + std::to_string(i) + " in " + name + ": " + c.detail;
    }
  }
  return "";
}

}  // namespace sds::verify
