// Fixture kind `unet`: one UNet forward on the case's inputs, run once per
// weight layout (`<case>@diffusers`, `<case>@single-file`; the single file is
// converted with the UNet config of model/unet/config.json). SDXL cases add
// `text_embeds` and `time_ids` (the added text_time conditioning).
#include <fstream>
#include <sstream>

#include "core/verify/kinds.h"
#include "core/verify/run_precision.h"
#include "core/verify/sd_models.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/io/safetensors.h"
#include "models/io/weights.h"
#include "models/unet/unet.h"
#include "models/unet/unet_ldm_keys.h"

namespace sds::verify {
namespace {

// Regular files only, size-limited (a FIFO would block verify-fixtures).
std::string readText(const std::filesystem::path& path) { return readRegularFile(path.string(), kMaxJsonFileBytes, ""); }

std::shared_ptr<unet::UNet2DConditionModel> loadUNet(const SdSetContext& set, sd::SdLayout layout) {
  const std::string key = std::string("unet@") + sd::layoutName(layout);
  if (auto it = set.cache.find(key); it != set.cache.end())
    return std::static_pointer_cast<unet::UNet2DConditionModel>(it->second);
  const auto config_path = set.diffusersFolder() / "unet" / "config.json";
  const auto config = unet::parseUNetConfig(readText(config_path), config_path.string());
  io::WeightSource weights;
  if (layout == sd::SdLayout::Diffusers) {
    weights = io::WeightSource::fromFile(
        io::SafetensorsFile::open((set.diffusersFolder() / "unet" / "diffusion_pytorch_model.safetensors").string()));
  } else {
    const auto file = io::SafetensorsFile::open(set.singleFile().string());
    weights = unet::unetWeightsFromLdm(io::WeightSource::fromFile(file, "model.diffusion_model."), config);
  }
  auto model = std::make_shared<unet::UNet2DConditionModel>(config);
  io::loadModule(*model, weights);
  model->to(runDevice(), runDtype());  // verify-fixtures --dtype / SDSTEREO_DEVICE
  model->useMemoryFormatFor(runDtype(), runDevice());  // as the loader does
  model->eval();
  set.cache[key] = model;
  return model;
}

// The first debug tensor (in forward order) outside the case tolerance, to
// localise a failure.
std::string firstDiverging(const nlohmann::json& kase, const io::SafetensorsFile& file, const unet::UNetTrace& trace,
                           const unet::UNetConfig& config) {
  std::vector<std::string> order = {"time_proj", "time_embedding", "add_time_proj", "add_embedding", "conv_in"};
  for (int i = 0; i < config.numBlocks(); ++i) order.push_back("down_blocks." + std::to_string(i));
  order.push_back("mid_block");
  for (int i = 0; i < config.numBlocks(); ++i) order.push_back("up_blocks." + std::to_string(i));
  for (const auto& name : order) {
    const std::string dbg = "dbg_" + name;
    const auto it = trace.tensors.find(name);
    if (it == trace.tensors.end() || !file.contains(dbg)) continue;
    const auto c = compareTensors(it->second, file.tensor(dbg), sdTolerance(kase, "out"));
    if (!c.ok) return "; first diverging intermediate " + dbg + ": " + c.detail;
  }
  return "";
}

}  // namespace

void runUNetCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const auto file = openCaseFile(set.dir, kase);
  forEachSdLayout(set, kase, report, [&](sd::SdLayout layout, const std::string& run) {
    const auto model = loadUNet(set, layout);
    torch::NoGradGuard no_grad;
    unet::UNetTrace trace;
    // SDXL sets add the pooled text embedding and the size ids (text_time).
    unet::AddedConditions added;
    if (file->contains("text_embeds")) added = {file->tensor("text_embeds"), file->tensor("time_ids")};
    const auto out = model->forward(file->tensor("sample"), file->tensor("timestep"),
                                    file->tensor("encoder_hidden_states"), added, &trace);
    const auto c = compareTensors(out, file->tensor("out"), sdTolerance(kase, "out"));
    if (c.ok)
      checkSdOutputs(report, run, kase, *file, {{"out", out}});
    else
      report.fail(run, "out: " + c.detail + firstDiverging(kase, *file, trace, model->config()));
  });
}

}  // namespace sds::verify
