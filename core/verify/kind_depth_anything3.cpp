// Set kind "depth-anything-3" (shared/fixtures/depth-anything-3-tiny/README.md):
// the size rule, then every case: image cases through the reference
// preprocessing (both uint8 resizes, exact) and the estimator; raw cases
// through the network ([B, S] folded into the batch, the sky fill over all of
// it) with every dbg.* stage; the layer probe and the position embeddings.
// Sizes, names and tolerances are read from the set.
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

// Depth Anything 3's size rule: a resize to resized_h x resized_w, then to net_h x net_w.
std::string sizeRuleMismatch(const json& e) {
  const auto got = depth::da3NetworkSize(e.at("h").get<int>(), e.at("w").get<int>(), e.at("process_res").get<int>());
  const std::vector<int> want = {e.at("resized_h").get<int>(), e.at("resized_w").get<int>(), e.at("net_h").get<int>(),
                                 e.at("net_w").get<int>()};
  if (std::vector<int>{got.resized_height, got.resized_width, got.height, got.width} == want) return "";
  std::ostringstream wrong;
  wrong << e.at("h") << "x" << e.at("w") << "@" << e.at("process_res") << " -> " << got.resized_height << "x"
        << got.resized_width << " -> " << got.height << "x" << got.width << "; ";
  return wrong.str();
}

// The reported sky mask (sky >= 0.5) must match except where the reference sky is within 1e-4 of 0.5.
void compareSkyMask(RunCheck& run, const torch::Tensor& sky, const io::SafetensorsFile& file) {
  const auto want = file.tensor("sky_mask").to(torch::kBool);
  const auto ref_sky = file.tensor("sky").reshape(want.sizes());
  const auto got = (sky.reshape(want.sizes()) >= 0.5);
  const auto wrong = (got != want) & ((ref_sky - 0.5).abs() > 1e-4);
  const int64_t n = wrong.sum().item<int64_t>();
  if (n > 0) run.failure("sky_mask: " + std::to_string(n) + " pixels differ");
}

void checkNetworkCase(const fs::path& dir, const json& kase, const std::shared_ptr<depth::DepthAnythingV2>& model,
                      const DepthTolerances& tol, const std::string& run_name, Reporter& report) {
  RunCheck run(tol, run_name);
  const auto file = openCaseFile(dir, kase);
  if (!file->contains("input")) throw Error("case file has no 'input' tensor");
  const bool image_case = kase.contains("image");
  if (image_case && depthImageChecks().v3) depthImageChecks().v3(dir, kase, *file, model, run);
  if (image_case && !depthImageChecks().v3) report.skip(run_name + " (image)", kNoImageChecks);

  const auto input = file->tensor("input");  // [B, S, 3, H, W]
  if (input.dim() != 5 || input.size(2) != 3) throw Error("'input' is not [B, S, 3, H, W]");
  depth::DepthTrace trace;
  depth::DepthAnythingOutput out;
  {
    c10::InferenceMode guard;
    out = model->run(input.flatten(0, 1), &trace);  // views are separate images
  }
  for (const auto& info : file->tensors()) {
    const std::string& name = info.name;
    if (name == "input" || name == "resized_u8" || (image_case && name == "depth")) continue;
    if (name == "head.depth") {
      run.compare(name, out.head_depth, file->tensor(name));
    } else if (name == "head.sky" || name == "sky") {
      if (out.sky.defined())
        run.compare(name, out.sky, file->tensor(name));
      else
        run.failure(name + ": the model has no sky head");
    } else if (name == "depth") {
      run.compare(name, out.depth, file->tensor(name));
    } else if (name == "sky_mask") {
      if (out.sky.defined()) compareSkyMask(run, out.sky, *file);
    } else {
      compareIntermediate(run, name, trace, *file);
    }
  }
  run.report(report);
}

}  // namespace

void runDepthAnything3Set(const fs::path& dir, const json& root, Reporter& report) {
  const DepthTolerances tol(root);
  try {
    checkSizeRule(dir, root, report, sizeRuleMismatch);
  } catch (const std::exception& e) {
    report.fail("size_rule", std::string("error: ") + e.what());
  }
  std::shared_ptr<depth::DepthAnythingV2> model;
  try {
    model = depth::loadDepthAnything(setFile(dir, root.at("weights").get<std::string>()).string(),
                                     depth::DepthLoadOptions{runDevice(), depth::depthDtype(runPrecision(), runDevice()).dtype})
                .model;
  } catch (const std::exception& e) {
    for (const auto& kase : root.at("cases")) report.fail(kase.value("name", std::string("?")), e.what());
    return;
  }
  for (const auto& kase : root.at("cases")) {
    const std::string name = kase.value("name", std::string("?"));
    try {
      if (kase.value("type", std::string()) == "probe")
        checkLayerProbe(dir, kase, *model, tol, name, report);
      else
        checkNetworkCase(dir, kase, model, tol, name, report);
    } catch (const std::exception& e) {
      report.fail(name, std::string("error: ") + e.what());
    }
  }
  checkPosEmbeds(dir, root, *model, tol, "da3", report);
}

}  // namespace sds::verify
