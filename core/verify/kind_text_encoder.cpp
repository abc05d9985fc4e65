// Fixture kind `text_encoder`: the CLIP text encoder on the case's `input_ids`
// -> `last_hidden_state` [B,77,D], once per weight layout
// (`text_encoder@diffusers`, `text_encoder@single-file`).
#include "core/verify/kinds.h"
#include "core/verify/sd_models.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"

namespace sds::verify {
namespace {

// The first debug state outside the case tolerance, to localise a failure.
std::string firstDiverging(const nlohmann::json& kase, const io::SafetensorsFile& file,
                           const clip::TextEncoderTrace& trace) {
  std::vector<std::pair<std::string, torch::Tensor>> order = {{"dbg_embeddings", trace.embeddings}};
  for (size_t i = 0; i < trace.layers.size(); ++i) order.emplace_back("dbg_layer" + std::to_string(i), trace.layers[i]);
  for (const auto& [name, actual] : order) {
    if (!file.contains(name)) continue;
    const auto c = compareTensors(actual, file.tensor(name), sdTolerance(kase, "last_hidden_state"));
    if (!c.ok) return " (first diverging state " + name + ": " + c.detail + ")";
  }
  return "";
}

}  // namespace

void runTextEncoderCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const auto file = openCaseFile(set.dir, kase);
  const torch::Tensor ids = file->tensor("input_ids");
  for (const auto layout : {sd::SdLayout::Diffusers, sd::SdLayout::SingleFile}) {
    const std::string run = sdRunName(kase, layout);
    if (!hasSdLayout(set, layout)) {
      report.skip(run, "the set has no " + std::string(layout == sd::SdLayout::SingleFile ? "model.safetensors" : "model/"));
      continue;
    }
    try {
      const auto model = sdModel(set, layout, sd::kTokenizer | sd::kTextEncoder);
      torch::NoGradGuard no_grad;
      clip::TextEncoderTrace trace;
      const torch::Tensor out = model->text_encoder->forward(ids, &trace).to(torch::kCPU, torch::kFloat32);
      const auto c = compareTensors(out, file->tensor("last_hidden_state"), sdTolerance(kase, "last_hidden_state"));
      if (c.ok)
        checkSdOutputs(report, run, kase, *file, {{"last_hidden_state", out}});
      else
        report.fail(run, "last_hidden_state: " + c.detail + firstDiverging(kase, *file, trace));
    } catch (const std::exception& e) {
      report.fail(run, std::string("error: ") + e.what());
    }
  }
}

}  // namespace sds::verify
