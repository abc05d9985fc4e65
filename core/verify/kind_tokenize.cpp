// Fixture kinds `tokenize` and `tokenize_ftfy`: the set's CLIP tokenizer
// (model/tokenizer) on `inputs.prompts` -> `input_ids` [P,77] and
// `num_content_tokens` [P], exact. Runs once per case (no weight layouts).
#include "core/verify/kinds.h"
#include "core/verify/sd_models.h"
#include "models/clip/tokenizer.h"
#include "core/base/error.h"

namespace sds::verify {

void runTokenizeCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const std::string name = kase.value("name", std::string("tokenize"));
  const auto& inputs = kase.value("inputs", nlohmann::json::object());
  if (!inputs.contains("prompts") || !inputs["prompts"].is_array())
    throw Error("case '" + name + "' has no inputs.prompts list");
  const auto tokenizer = sdModel(set, sd::SdLayout::Diffusers, sd::kTokenizer)->tokenizer;

  std::vector<std::string> prompts;
  for (const auto& p : inputs["prompts"]) prompts.push_back(p.get<std::string>());
  const torch::Tensor ids = tokenizer->encodeBatch(prompts);
  torch::Tensor counts = torch::empty({int64_t(prompts.size())}, torch::kInt64);
  for (size_t i = 0; i < prompts.size(); ++i) counts[int64_t(i)] = tokenizer->encode(prompts[i]).num_content_tokens;

  const auto file = openCaseFile(set.dir, kase);
  checkSdOutputs(report, name, kase, *file, {{"input_ids", ids}, {"num_content_tokens", counts}});
}

}  // namespace sds::verify
