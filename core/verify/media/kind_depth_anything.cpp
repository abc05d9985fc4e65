// Set kind "depth-anything-v2" (shared/fixtures/depth-anything-v2-tiny/README.md):
// the size rule once, then for each weight layout (`@hf`, `@original`) every
// case (reference preprocessing of the PNG, forward of the stored input, every
// dbg.* stage, end-to-end depth), the position-embedding interpolations and the
// single-layer probes. Everything (sizes, names, tolerances) is read from the set.
#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/depth/depth_size_rule.h"
#include "core/media/depth_preprocess.h"
#include "core/verify/kinds.h"
#include "core/verify/set_files.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/depth/depth_anything_loader.h"
#include "models/io/safetensors.h"

namespace sds::verify {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Tolerances by tensor name: exact keys, or patterns ending in '*'.
class DepthTolerances {
 public:
  explicit DepthTolerances(const json& root) {
    if (!root.contains("tolerances") || !root["tolerances"].is_object()) return;
    for (auto it = root["tolerances"].begin(); it != root["tolerances"].end(); ++it)
      if (it.value().is_object())
        table_[it.key()] = Tolerance{it.value().value("atol", 0.0), it.value().value("rtol", 0.0), 0.0};
  }
  Tolerance of(const std::string& name) const {
    if (auto it = table_.find(name); it != table_.end()) return it->second;
    for (const auto& [pattern, tol] : table_)
      if (!pattern.empty() && pattern.back() == '*' && name.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0)
        return tol;
    throw Error("cases.json gives no tolerance for tensor '" + name + "'");
  }

 private:
  std::map<std::string, Tolerance> table_;
};

// Collects the comparisons of one run and reports one line.
class RunCheck {
 public:
  RunCheck(const DepthTolerances& tol, std::string name) : tol_(tol), name_(std::move(name)) {}
  void compare(const std::string& tensor, const torch::Tensor& actual, const torch::Tensor& expected,
               const std::string& tolerance_key = "") {
    const Comparison c = compareTensors(actual, expected, tol_.of(tolerance_key.empty() ? tensor : tolerance_key));
    worst_ = std::max(worst_, c.max_abs_err);
    if (!c.ok) failures_ << tensor << ": " << c.detail << "; ";
  }
  void failure(const std::string& why) { failures_ << why << "; "; }
  void report(Reporter& r) const {
    if (failures_.str().empty())
      r.pass(name_, worst_);
    else
      r.fail(name_, failures_.str());
  }

 private:
  const DepthTolerances& tol_;
  std::string name_;
  double worst_ = 0;
  std::ostringstream failures_;
};

std::vector<int64_t> hw(const json& j) { return {j.at(0).get<int64_t>(), j.at(1).get<int64_t>()}; }

void checkSizeRule(const fs::path& dir, const json& root, Reporter& report) {
  if (!root.contains("size_rule_file")) return;
  const json rules = readUntrustedJson(setFile(dir, root["size_rule_file"].get<std::string>()).string(), "the size rules");
  std::ostringstream wrong;
  int count = 0;
  for (const auto& e : rules.at("entries")) {
    const auto got = depth::depthNetworkSize(e.at("h").get<int>(), e.at("w").get<int>(), e.at("input_size").get<int>());
    ++count;
    if (got.height != e.at("net_h").get<int>() || got.width != e.at("net_w").get<int>())
      wrong << e.at("h") << "x" << e.at("w") << "@" << e.at("input_size") << " -> " << got.height << "x" << got.width
            << " (want " << e.at("net_h") << "x" << e.at("net_w") << "); ";
  }
  if (count == 0) throw Error("the size rule file has no entries");
  if (wrong.str().empty())
    report.pass("size_rule", 0.0);
  else
    report.fail("size_rule", wrong.str());
}

// The PNG through the reference preprocessing, then the network, then back to the image size.
void checkImageCase(const fs::path& dir, const json& kase, const io::SafetensorsFile& file, depth::DepthEstimator& est,
                    RunCheck& run) {
  const fs::path image_path = setFile(dir, kase.at("image").get<std::string>());
  const cv::Mat image = cv::imread(image_path.string(), cv::IMREAD_COLOR);
  if (image.empty()) throw Error("cannot read " + image_path.string());
  const int input_size = kase.value("input_size", 518);
  auto prepared = media::prepareDepthInput(image, input_size, 0);
  if (kase.contains("net_input_hw") && hw(kase["net_input_hw"]) != std::vector<int64_t>{prepared.height, prepared.width})
    run.failure("network input " + std::to_string(prepared.height) + "x" + std::to_string(prepared.width) + " instead of " +
                kase["net_input_hw"].dump());
  const auto input = torch::from_blob(prepared.chw.data(), {1, 3, prepared.height, prepared.width}, torch::kFloat32);
  if (file.contains("input")) run.compare("input", input, file.tensor("input"));
  if (file.contains("depth")) run.compare("depth", est.estimatePreprocessed(input, image.rows, image.cols)[0], file.tensor("depth"));
}

void checkCase(const fs::path& dir, const json& kase, depth::DepthAnythingV2& model, depth::DepthEstimator& est,
               const DepthTolerances& tol, const std::string& run_name, Reporter& report) {
  RunCheck run(tol, run_name);
  const auto file = openCaseFile(dir, kase);
  const bool image_case = kase.contains("image");
  if (image_case) checkImageCase(dir, kase, *file, est, run);

  depth::DepthTrace trace;
  torch::Tensor raw;
  if (file->contains("input")) {
    c10::InferenceMode guard;
    raw = model.forward(file->tensor("input"), &trace);
  }
  for (const auto& info : file->tensors()) {
    const std::string& name = info.name;
    if (name == "input" || (image_case && name == "depth")) continue;
    if (!raw.defined()) throw Error("case file has no 'input' tensor");
    if (name == "depth_raw" || name == "depth_raw_of_cropped") {
      run.compare(name, raw, file->tensor(name));
    } else if (name.rfind("dbg.", 0) == 0) {
      const auto it = trace.tensors.find(name.substr(4));
      if (it == trace.tensors.end())
        run.failure(name + ": no such intermediate in this port");
      else
        run.compare(name, it->second, file->tensor(name), "dbg.*");
    } else {
      run.failure(name + ": unknown reference tensor");
    }
  }
  run.report(report);
}

void checkPosEmbeds(const fs::path& dir, const json& root, depth::DepthAnythingV2& model, const DepthTolerances& tol,
                    const std::string& variant, Reporter& report) {
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
      const bool stored = e.value("stored", true);
      run.compare(name, got, stored ? file->tensor(name) : native, "pos_embed_*");
    } catch (const std::exception& ex) {
      run.failure(std::string("error: ") + ex.what());
    }
    run.report(report);
  }
}

void checkLayerProbe(const fs::path& dir, const json& root, depth::DepthAnythingV2& model, const DepthTolerances& tol,
                     const std::string& variant, Reporter& report) {
  if (!root.contains("layer_probe")) return;
  const json& probe = root["layer_probe"];
  RunCheck run(tol, probe.value("name", std::string("layer_probe")) + "@" + variant);
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

void runLayout(const fs::path& dir, const json& root, const std::string& weights, const std::string& variant,
               const DepthTolerances& tol, Reporter& report) {
  depth::LoadedDepthModel loaded;
  std::unique_ptr<depth::DepthEstimator> est;
  try {
    loaded = depth::loadDepthAnything((dir / weights).string());
    depth::DepthEstimatorOptions options;
    options.max_long_side_factor = 0;  // the reference size rule exactly
    est = depth::makeDepthEstimator(loaded.model, options);
  } catch (const std::exception& e) {
    for (const auto& kase : root.at("cases")) report.fail(kase.value("name", std::string("?")) + "@" + variant, e.what());
    return;
  }
  for (const auto& kase : root.at("cases")) {
    const std::string name = kase.value("name", std::string("?")) + "@" + variant;
    try {
      checkCase(dir, kase, *loaded.model, *est, tol, name, report);
    } catch (const std::exception& e) {
      report.fail(name, std::string("error: ") + e.what());
    }
  }
  checkPosEmbeds(dir, root, *loaded.model, tol, variant, report);
  checkLayerProbe(dir, root, *loaded.model, tol, variant, report);
}

}  // namespace

void runDepthAnythingSet(const fs::path& dir, const json& root, Reporter& report) {
  const DepthTolerances tol(root);
  try {
    checkSizeRule(dir, root, report);
  } catch (const std::exception& e) {
    report.fail("size_rule", std::string("error: ") + e.what());
  }
  const json& weights = root.at("weights");
  const std::pair<const char*, const char*> layouts[] = {{"transformers_layout", "hf"}, {"original_layout", "original"}};
  for (const auto& [key, variant] : layouts)
    if (weights.contains(key)) runLayout(dir, root, weights[key].get<std::string>(), variant, tol, report);
}

}  // namespace sds::verify
