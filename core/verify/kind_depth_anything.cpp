// Set kind "depth-anything-v2" (shared/fixtures/depth-anything-v2-tiny/README.md):
// the size rule once, then for each weight layout (`@hf`, `@original`) every
// case (reference preprocessing of the PNG, forward of the stored input, every
// dbg.* stage, end-to-end depth), the position-embedding interpolations and the
// single-layer probes. Everything (sizes, names, tolerances) is read from the set.
#include <torch/torch.h>

#include <sstream>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/depth/depth_size_rule.h"
#include "core/verify/kinds.h"
#include "core/verify/depth_checks.h"
#include "core/verify/depth_image_checks.h"
#include "core/verify/run_precision.h"
#include "core/verify/set_files.h"
#include "core/base/error.h"
#include "models/depth/depth_anything_loader.h"
#include "models/io/safetensors.h"

namespace sds::verify {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// V2's size rule: one resize to net_h x net_w.
std::string sizeRuleMismatch(const json& e) {
  const auto got = depth::depthNetworkSize(e.at("h").get<int>(), e.at("w").get<int>(), e.at("input_size").get<int>());
  if (got.height == e.at("net_h").get<int>() && got.width == e.at("net_w").get<int>()) return "";
  std::ostringstream wrong;
  wrong << e.at("h") << "x" << e.at("w") << "@" << e.at("input_size") << " -> " << got.height << "x" << got.width
        << " (want " << e.at("net_h") << "x" << e.at("net_w") << "); ";
  return wrong.str();
}

void checkCase(const fs::path& dir, const json& kase, depth::DepthAnythingV2& model, depth::DepthEstimator& est,
               const DepthTolerances& tol, const std::string& run_name, Reporter& report) {
  RunCheck run(tol, run_name);
  const auto file = openCaseFile(dir, kase);
  const bool image_case = kase.contains("image");
  if (image_case && depthImageChecks().v2) depthImageChecks().v2(dir, kase, *file, est, run);
  if (image_case && !depthImageChecks().v2) report.skip(run_name + " (image)", kNoImageChecks);

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
    } else {
      compareIntermediate(run, name, trace, *file);
    }
  }
  run.report(report);
}

void runLayout(const fs::path& dir, const json& root, const std::string& weights, const std::string& variant,
               const DepthTolerances& tol, Reporter& report) {
  depth::LoadedDepthModel loaded;
  std::unique_ptr<depth::DepthEstimator> est;
  try {
    loaded = depth::loadDepthAnything((dir / weights).string(), depth::DepthLoadOptions{runDevice(), depth::depthDtype(runPrecision(), runDevice()).dtype});
    depth::DepthEstimatorOptions options;
    options.device = runDevice().str();
    options.precision = runPrecision();
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
  if (root.contains("layer_probe")) {
    const json& probe = root["layer_probe"];
    checkLayerProbe(dir, probe, *loaded.model, tol, probe.value("name", std::string("layer_probe")) + "@" + variant, report);
  }
}

}  // namespace

void runDepthAnythingSet(const fs::path& dir, const json& root, Reporter& report) {
  const DepthTolerances tol(root);
  try {
    checkSizeRule(dir, root, report, sizeRuleMismatch);
  } catch (const std::exception& e) {
    report.fail("size_rule", std::string("error: ") + e.what());
  }
  const json& weights = root.at("weights");
  const std::pair<const char*, const char*> layouts[] = {{"transformers_layout", "hf"}, {"original_layout", "original"}};
  for (const auto& [key, variant] : layouts)
    if (weights.contains(key)) runLayout(dir, root, weights[key].get<std::string>(), variant, tol, report);
}

}  // namespace sds::verify
