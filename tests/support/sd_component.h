// A Stable Diffusion component of a set in tests/data (<set>/model/<component>/,
// e.g. "unet", "vae"): its files, its config, its diffusers weights, and the
// network built from them. Core tests only (LibTorch).
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "models/io/safetensors.h"
#include "models/io/weights.h"
#include "tests/support/fixture_data.h"

namespace sds::test {

inline std::filesystem::path componentFile(const std::string& set, const std::string& component,
                                           const std::string& file) {
  return testData() / set / "model" / component / file;
}

inline io::WeightSource componentWeights(const std::string& set, const std::string& component) {
  return io::WeightSource::fromFile(
      io::SafetensorsFile::open(componentFile(set, component, "diffusion_pytorch_model.safetensors").string()));
}

// The component's config.json read by `parse(text, origin)` (unet::parseUNetConfig, ...).
template <class Parse>
auto componentConfig(const std::string& set, const std::string& component, Parse parse) {
  const auto path = componentFile(set, component, "config.json");
  return parse(readText(path), path.string());
}

// A `Module` built from `config` with `weights` loaded (every tensor, strictly).
template <class Module, class Config>
std::shared_ptr<Module> loadedModule(const Config& config, const io::WeightSource& weights) {
  auto model = std::make_shared<Module>(config);
  io::loadModule(*model, weights);
  return model;
}

}  // namespace sds::test
