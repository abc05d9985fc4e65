// Fixture kinds `tokenize` and `tokenize_ftfy`: the set's CLIP tokenizer
// (model/tokenizer, or the one inputs.tokenizer names: SDXL's tokenizer_2) on `inputs.prompts` -> `input_ids` [P,77] and
// `num_content_tokens` [P], exact. Runs once per case (no weight layouts).
#include "core/verify/kinds.h"
#include "core/verify/sd_models.h"
#include "models/clip/token_batch.h"
#include "models/clip/tokenizer.h"
#include "core/base/error.h"

namespace sds::verify {

void runTokenizeCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const std::string name = kase.value("name", std::string("tokenize"));
  const auto& inputs = kase.value("inputs", nlohmann::json::object());
  if (!inputs.contains("prompts") || !inputs["prompts"].is_array())
    throw Error("case '" + name + "' has no inputs.prompts list");
  // SDXL sets name the folder: tokenizer/ or tokenizer_2/ (which pads with another id).
  const std::string folder = inputs.value("tokenizer", std::string("tokenizer"));
  if (folder != "tokenizer" && folder != "tokenizer_2")
    throw Error("case '" + name + "' names the unknown tokenizer folder '" + folder + "'");
  const auto model = sdModel(set, sd::SdLayout::Diffusers, sd::kTokenizer);
  const auto tokenizer = folder == "tokenizer_2" ? model->tokenizer_2 : model->tokenizer;
  if (!tokenizer) throw Error("case '" + name + "' needs " + folder + "/, which the model does not have");

  std::vector<std::string> prompts;
  for (const auto& p : inputs["prompts"]) prompts.push_back(p.get<std::string>());
  const torch::Tensor ids = clip::encodeBatch(*tokenizer, prompts);
  torch::Tensor counts = torch::empty({int64_t(prompts.size())}, torch::kInt64);
  for (size_t i = 0; i < prompts.size(); ++i) counts[int64_t(i)] = tokenizer->encode(prompts[i]).num_content_tokens;

  const auto file = openCaseFile(set.dir, kase);
  checkSdOutputs(report, name, kase, *file, {{"input_ids", ids}, {"num_content_tokens", counts}});
}

}  // namespace sds::verify
