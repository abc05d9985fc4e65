// Fixture kinds `vae_decode` and `vae_encode`, run once per weight layout
// (`<case>@diffusers`, `<case>@single-file`; the single file is converted with
// the VAE config of model/vae/config.json).
#include <fstream>
#include <sstream>

#include "core/verify/kinds.h"
#include "core/verify/run_precision.h"
#include "core/verify/sd_models.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/io/safetensors.h"
#include "models/io/weights.h"
#include "models/vae/vae.h"
#include "models/vae/vae_ldm_keys.h"

namespace sds::verify {
namespace {

// Regular files only, size-limited (a FIFO would block verify-fixtures).
std::string readText(const std::filesystem::path& path) { return readRegularFile(path.string(), kMaxJsonFileBytes, ""); }

std::shared_ptr<vae::AutoencoderKL> loadVae(const SdSetContext& set, sd::SdLayout layout) {
  const std::string key = std::string("vae@") + sd::layoutName(layout);
  if (auto it = set.cache.find(key); it != set.cache.end())
    return std::static_pointer_cast<vae::AutoencoderKL>(it->second);
  const auto config_path = set.diffusersFolder() / "vae" / "config.json";
  const auto config = vae::parseVaeConfig(readText(config_path), config_path.string());
  io::WeightSource weights;
  if (layout == sd::SdLayout::Diffusers) {
    weights = vae::vaeWeightsWithCurrentNames(io::WeightSource::fromFile(
        io::SafetensorsFile::open((set.diffusersFolder() / "vae" / "diffusion_pytorch_model.safetensors").string())));
  } else {
    const auto file = io::SafetensorsFile::open(set.singleFile().string());
    weights = vae::vaeWeightsFromLdm(io::WeightSource::fromFile(file, "first_stage_model."), config);
  }
  auto model = std::make_shared<vae::AutoencoderKL>(config);
  io::loadModule(*model, weights);
  model->to(runDevice(), runDtype());  // verify-fixtures --dtype / SDSTEREO_DEVICE
  model->upcastDecoderFor(runDtype());  // as the pipelines decode
  model->eval();
  set.cache[key] = model;
  return model;
}

using Compute = std::map<std::string, torch::Tensor> (*)(vae::AutoencoderKL&, const io::SafetensorsFile&);

std::map<std::string, torch::Tensor> decodeCase(vae::AutoencoderKL& model, const io::SafetensorsFile& file) {
  return {{"image", model.decode(file.tensor("z"))}};
}

std::map<std::string, torch::Tensor> encodeCase(vae::AutoencoderKL& model, const io::SafetensorsFile& file) {
  const auto m = model.encode(file.tensor("image"));
  return {{"moments", m.moments}, {"mean", m.mean}, {"logvar", m.logvar}, {"std", m.std},
          {"latents", m.mean * model.scalingFactor()}};
}

void runVaeCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report, Compute compute) {
  const auto file = openCaseFile(set.dir, kase);
  forEachSdLayout(set, kase, report, [&](sd::SdLayout layout, const std::string& run) {
    const auto model = loadVae(set, layout);
    torch::NoGradGuard no_grad;
    checkSdOutputs(report, run, kase, *file, compute(*model, *file));
  });
}

}  // namespace

void runVaeDecodeCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  runVaeCase(set, kase, report, &decodeCase);
}

void runVaeEncodeCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  runVaeCase(set, kase, report, &encodeCase);
}

}  // namespace sds::verify
