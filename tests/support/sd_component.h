// A Stable Diffusion component of a set in tests/data (<set>/model/<component>/,
// e.g. "unet", "vae"): its files and its diffusers weights. Core tests only
// (LibTorch).
#pragma once
#include <filesystem>
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

}  // namespace sds::test
