// Fixture kind `text_encoder`: the CLIP text encoder on the case's `input_ids`
// -> `last_hidden_state` [B,77,D], once per weight layout
// (`text_encoder@diffusers`, `text_encoder@single-file`). SDXL sets name the
// encoder (inputs.encoder: text_encoder / text_encoder_2) and also check
// `hidden_states_penultimate` and the pooled `text_embeds` when the file has them.
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
  const std::string encoder = kase.value("inputs", nlohmann::json::object()).value("encoder", "text_encoder");
  if (encoder != "text_encoder" && encoder != "text_encoder_2")
    throw Error("case '" + kase.value("name", std::string("?")) + "' names the unknown encoder '" + encoder + "'");
  for (const auto layout : {sd::SdLayout::Diffusers, sd::SdLayout::SingleFile}) {
    const std::string run = sdRunName(kase, layout);
    if (!hasSdLayout(set, layout)) {
      report.skip(run, "the set has no " + std::string(layout == sd::SdLayout::SingleFile ? "model.safetensors" : "model/"));
      continue;
    }
    try {
      const auto model = sdModel(set, layout, sd::kTokenizer | sd::kTextEncoder);
      const auto& text_encoder = encoder == "text_encoder_2" ? model->text_encoder_2 : model->text_encoder;
      if (!text_encoder) throw Error("the model has no " + encoder);
      torch::NoGradGuard no_grad;
      clip::TextEncoderTrace trace;
      const torch::Tensor last = text_encoder->forward(ids, &trace);
      const auto cpu = [](const torch::Tensor& t) { return t.to(torch::kCPU, torch::kFloat32); };
      const torch::Tensor out = cpu(last);
      std::map<std::string, torch::Tensor> outputs = {{"last_hidden_state", out}};
      if (file->contains("hidden_states_penultimate"))
        outputs["hidden_states_penultimate"] = cpu(clip::TextEncoder::penultimateHiddenState(trace));
      if (file->contains("text_embeds")) outputs["text_embeds"] = cpu(text_encoder->textEmbeds(last, ids));
      const auto c = compareTensors(out, file->tensor("last_hidden_state"), sdTolerance(kase, "last_hidden_state"));
      if (c.ok)
        checkSdOutputs(report, run, kase, *file, outputs);
      else
        report.fail(run, "last_hidden_state: " + c.detail + firstDiverging(kase, *file, trace));
    } catch (const std::exception& e) {
      report.fail(run, std::string("error: ") + e.what());
    }
  }
}

}  // namespace sds::verify
