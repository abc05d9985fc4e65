#include "core/verify/sd_models.h"

#include <cstdlib>

#include "core/engine/compute_device.h"

namespace sds::verify {
namespace {

std::string cacheKey(sd::SdLayout layout, unsigned components) {
  return std::string("sd-model@") + sd::layoutName(layout) + "#" + std::to_string(components);
}

torch::Device verifyDevice() {
  const char* env = std::getenv("SDSTEREO_DEVICE");
  return parseDevice(env && *env ? env : "cpu");
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
  options.device = verifyDevice();
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

}  // namespace sds::verify
