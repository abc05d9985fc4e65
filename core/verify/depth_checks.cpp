#include "core/verify/depth_checks.h"
#include "core/verify/run_precision.h"
#include "core/verify/set_files.h"

#include <torch/torch.h>

#include <regex>

#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/depth/depth_anything.h"
#include "models/depth/depth_trace.h"
#include "models/io/safetensors.h"

namespace sds::verify {

using nlohmann::json;

DepthTolerances::DepthTolerances(const json& root) {
  if (!root.contains("tolerances") || !root["tolerances"].is_object()) return;
  for (auto it = root["tolerances"].begin(); it != root["tolerances"].end(); ++it)
    if (it.value().is_object())
      table_[it.key()] = Tolerance{it.value().value("atol", 0.0), it.value().value("rtol", 0.0), 0.0};
}

Tolerance DepthTolerances::of(const std::string& name) const {
  // Every tensor of these sets passes through the network or its inputs; a
  // float32 run keeps the tolerances as they are (run_precision.h).
  if (auto it = table_.find(name); it != table_.end()) return widenForRunDtype(it->second, nullptr);
  for (const auto& [pattern, tol] : table_)
    if (!pattern.empty() && pattern.back() == '*' && name.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0)
      return widenForRunDtype(tol, nullptr);
  throw Error("cases.json gives no tolerance for tensor '" + name + "'");
}

void RunCheck::compare(const std::string& tensor, const torch::Tensor& actual_in, const torch::Tensor& expected,
                       const std::string& tolerance_key) {
  const auto actual = actual_in.sizes() != expected.sizes() && actual_in.numel() == expected.numel()
                          ? actual_in.reshape(expected.sizes())
                          : actual_in;
  const Comparison c = compareTensors(actual, expected, tol_.of(tolerance_key.empty() ? tensor : tolerance_key));
  worst_ = std::max(worst_, c.max_abs_err);
  if (!c.ok) failures_ << tensor << ": " << c.detail << "; ";
}

void RunCheck::report(Reporter& r) const {
  if (failures_.str().empty())
    r.pass(name_, worst_);
  else
    r.fail(name_, failures_.str());
}

void compareIntermediate(RunCheck& run, const std::string& name, const depth::DepthTrace& trace,
                         const io::SafetensorsFile& file) {
  if (name.rfind("dbg.", 0) != 0) return run.failure(name + ": unknown reference tensor");
  const auto it = trace.tensors.find(name.substr(4));
  if (it == trace.tensors.end())
    run.failure(name + ": no such intermediate in this port");
  else
    run.compare(name, it->second, file.tensor(name), "dbg.*");
}

std::vector<int64_t> hw(const json& j) { return {j.at(0).get<int64_t>(), j.at(1).get<int64_t>()}; }

void checkSizeRule(const std::filesystem::path& dir, const json& root, Reporter& report,
                   const std::function<std::string(const json& entry)>& mismatch) {
  if (!root.contains("size_rule_file")) return;
  const json rules = readUntrustedJson(setFile(dir, root["size_rule_file"].get<std::string>()).string(), "the size rules");
  std::ostringstream wrong;
  int count = 0;
  for (const auto& e : rules.at("entries")) {
    ++count;
    wrong << mismatch(e);
  }
  if (count == 0) throw Error("the size rule file has no entries");
  if (wrong.str().empty())
    report.pass("size_rule", 0.0);
  else
    report.fail("size_rule", wrong.str());
}

void checkPosEmbeds(const std::filesystem::path& dir, const json& root, depth::DepthAnythingV2& model,
                    const DepthTolerances& tol, const std::string& variant, Reporter& report) {
  if (!root.contains("pos_embed_interp")) return;
  const auto file = io::SafetensorsFile::open(setFile(dir, root.at("pos_embed_file").get<std::string>()).string());
  torch::Tensor native;
  for (const auto& p : model.named_parameters())
    if (p.key() == "backbone.embeddings.position_embeddings") native = p.value();
  for (const auto& e : root["pos_embed_interp"]) {
    const std::string name = e.at("name");
    RunCheck run(tol, name + "@" + variant);
    try {
      const auto grid = hw(e.at("grid_hw")), input = hw(e.at("input_hw"));
      const auto got = model.backbone().interpolatePosEncoding(grid[0], grid[1], input[0], input[1]);
      run.compare(name, got, file->contains(name) ? file->tensor(name) : native, "pos_embed_*");
    } catch (const std::exception& ex) {
      run.failure(std::string("error: ") + ex.what());
    }
    run.report(report);
  }
}

void checkLayerProbe(const std::filesystem::path& dir, const json& probe, depth::DepthAnythingV2& model,
                     const DepthTolerances& tol, const std::string& run_name, Reporter& report) {
  RunCheck run(tol, run_name);
  try {
    const auto file = openCaseFile(dir, probe);
    const std::regex output(R"(^probe\.(norm|block(\d+))_(\w+)$)");
    c10::InferenceMode guard;
    int checked = 0;
    for (const auto& info : file->tensors()) {
      std::smatch m;
      if (!std::regex_match(info.name, m, output)) continue;
      const auto tokens = file->tensor("probe.tokens_" + m[3].str());
      const auto got = m[1].str() == "norm" ? model.backbone().finalNorm(tokens)
                                            : model.backbone().runBlock(std::stoi(m[2].str()), tokens);
      run.compare(info.name, got, file->tensor(info.name), "probe.*");
      ++checked;
    }
    if (checked == 0) run.failure("no probe outputs in the file");
  } catch (const std::exception& ex) {
    run.failure(std::string("error: ") + ex.what());
  }
  run.report(report);
}

}  // namespace sds::verify
